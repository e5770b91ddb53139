// Document text with LSP positions. JavaScript strings are UTF-16, so an LSP character offset is a
// plain string index relative to the line start.
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as path from 'node:path'

export interface Pos {
  line: number
  character: number
}
export interface Range {
  start: Pos
  end: Pos
}

export interface ContentChange {
  range?: Range
  text: string
}

export class TextDoc {
  private lineStarts: number[] = [0]

  constructor(public text: string) {
    this.index()
  }

  private index(): void {
    const starts = [0]
    const t = this.text
    for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) starts.push(i + 1)
    this.lineStarts = starts
  }

  get lineCount(): number {
    return this.lineStarts.length
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!
  }

  /** The LSP position of a string index (clamped). */
  positionAt(offset: number): Pos {
    const o = Math.max(0, Math.min(offset, this.text.length))
    let lo = 0
    let hi = this.lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.lineStarts[mid]! <= o) lo = mid
      else hi = mid - 1
    }
    return { line: lo, character: o - this.lineStarts[lo]! }
  }

  /** The string index of an LSP position; characters past the line end clamp to it. */
  offsetAt(pos: Pos): number {
    if (pos.line >= this.lineStarts.length) return this.text.length
    if (pos.line < 0) return 0
    const start = this.lineStarts[pos.line]!
    const next = pos.line + 1 < this.lineStarts.length ? this.lineStarts[pos.line + 1]! - 1 : this.text.length
    return Math.min(start + Math.max(0, pos.character), next)
  }

  range(s: number, e: number): Range {
    return { start: this.positionAt(s), end: this.positionAt(e) }
  }

  eof(): Pos {
    return this.positionAt(this.text.length)
  }

  /** Applies one content change (ranged = incremental, else full replacement). */
  apply(change: ContentChange): void {
    if (!change.range) {
      this.text = change.text
    } else {
      const s = this.offsetAt(change.range.start)
      const e = Math.max(s, this.offsetAt(change.range.end))
      this.text = this.text.slice(0, s) + change.text + this.text.slice(e)
    }
    this.index()
  }
}

export function isPos(p: unknown): p is Pos {
  const o = p as Pos
  return typeof o === 'object' && o !== null && Number.isInteger(o.line) && Number.isInteger(o.character)
}

export function isRange(r: unknown): r is Range {
  const o = r as Range
  return typeof o === 'object' && o !== null && isPos(o.start) && isPos(o.end)
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href
}

/** Module name of a file below the project root (the server's cwd), e.g. `Foo/Bar.lean` → `Foo.Bar`. */
export function moduleOfUri(uri: string, root: string): string | undefined {
  const p = uriToPath(uri)
  if (!p || !p.endsWith('.lean')) return undefined
  const rel = path.relative(root, p)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  return rel.slice(0, -'.lean'.length).split(path.sep).join('.')
}

export function pathOfModule(mod: string, root: string): string {
  return path.join(root, ...mod.split('.')) + '.lean'
}
