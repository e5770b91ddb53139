// Monaco (1-based lineNumber, column in UTF-16 code units) ↔ LSP (0-based line, UTF-16 character) and
// offset ↔ position over a plain string. Both sides count UTF-16 code units, so a character outside the BMP
// (𝔽 is two units) moves the column by two on both sides: never convert to code points here.
// Pure: shapes are structural, no Monaco import at run time.
import type { Position as LspPosition, Range as LspRange } from '../../../shared/lsp'

export type { LspPosition, LspRange }

export interface MonacoPosition {
  lineNumber: number
  column: number
}

export interface MonacoRange {
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}

export function toLspPosition(p: MonacoPosition): LspPosition {
  return { line: Math.max(0, p.lineNumber - 1), character: Math.max(0, p.column - 1) }
}

export function fromLspPosition(p: LspPosition): MonacoPosition {
  return { lineNumber: p.line + 1, column: p.character + 1 }
}

export function toLspRange(r: MonacoRange): LspRange {
  return {
    start: toLspPosition({ lineNumber: r.startLineNumber, column: r.startColumn }),
    end: toLspPosition({ lineNumber: r.endLineNumber, column: r.endColumn }),
  }
}

export function fromLspRange(r: LspRange): MonacoRange {
  return {
    startLineNumber: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLineNumber: r.end.line + 1,
    endColumn: r.end.character + 1,
  }
}

/** Monaco's editor opener hands over either a range or a position. */
export function lspRangeOfSelection(sel: MonacoRange | MonacoPosition | undefined): LspRange | undefined {
  if (!sel) return undefined
  if ('startLineNumber' in sel) return toLspRange(sel)
  const p = toLspPosition(sel)
  return { start: p, end: p }
}

/** Offsets where each line starts (after \n, \r\n or \r). */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++
    if (c === 13 || c === 10) starts.push(i + 1)
  }
  return starts
}

/** UTF-16 offset of an LSP position; a character past the line end clamps to the end of the line. */
export function offsetAt(text: string, pos: LspPosition): number {
  const starts = lineStarts(text)
  if (pos.line < 0) return 0
  if (pos.line >= starts.length) return text.length
  const start = starts[pos.line]
  let end = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--
  return start + Math.min(Math.max(0, pos.character), end - start)
}

export function positionAt(text: string, offset: number): LspPosition {
  const starts = lineStarts(text)
  const o = Math.max(0, Math.min(offset, text.length))
  let line = 0
  while (line + 1 < starts.length && starts[line + 1] <= o) line++
  return { line, character: o - starts[line] }
}
