// The text of one open document with its line-start offsets, updated incrementally per edit, so applying
// a keystroke costs the same in a 20,000-line file as in a short one. Files containing \r fall back to
// recomputing (Lean files are LF; CRLF and lone CR still work, just without the shortcut).
import type { Position, TextChange } from '../../shared/lsp'
import { applyChanges, lineOfOffset } from '../../shared/text'

function lfStarts(text: string, base = 0): number[] {
  const starts: number[] = []
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(base + i + 1)
  return starts
}

export class LineIndex {
  private starts: number[] | undefined

  constructor(private value: string) {
    this.reindex()
  }

  get text(): string {
    return this.value
  }

  apply(changes: TextChange[]): string {
    for (const change of changes) {
      // Whole-text replacements, \r, and huge pastes (spread into splice has an argument limit) re-index.
      if (!this.starts || !change.range || change.text.includes('\r') || change.text.length > 100_000) {
        this.value = applyChanges(this.value, [change])
        this.reindex()
        continue
      }
      const a = this.offsetAt(change.range.start)
      const b = this.offsetAt(change.range.end)
      const [from, to] = a <= b ? [a, b] : [b, a]
      const fromLine = this.lineOf(from)
      const toLine = this.lineOf(to)
      const delta = change.text.length - (to - from)
      const inserted = lfStarts(change.text, from)
      const starts = this.starts
      // Typing within a line (the usual keystroke) shifts later lines in place; no array is rebuilt.
      if (toLine > fromLine || inserted.length > 0) starts.splice(fromLine + 1, toLine - fromLine, ...inserted)
      for (let i = fromLine + 1 + inserted.length; i < starts.length; i++) starts[i] += delta
      this.value = this.value.slice(0, from) + change.text + this.value.slice(to)
    }
    return this.value
  }

  private offsetAt(pos: Position): number {
    const starts = this.starts as number[]
    if (pos.line < 0) return 0
    if (pos.line >= starts.length) return this.value.length
    const start = starts[pos.line]
    const end = pos.line + 1 < starts.length ? starts[pos.line + 1] - 1 : this.value.length
    return Math.min(start + Math.max(0, pos.character), end)
  }

  private lineOf(offset: number): number {
    return lineOfOffset(this.starts as number[], offset)
  }

  private reindex(): void {
    this.starts = this.value.includes('\r') ? undefined : [0, ...lfStarts(this.value)]
  }
}
