// Pure conversions between Monaco's 1-based positions and LSP's 0-based (line, UTF-16 character) positions,
// and the text arithmetic document sync needs. No Monaco import: the shapes are structural, so this module
// runs under node:test. Monaco columns count UTF-16 code units, exactly like LSP characters.
import type { Position, Range, TextChange } from '../../../shared/lsp'
import { applyChanges, lineStarts, positionAt } from '../../../shared/text'

export { lineStarts, offsetAt, positionAt } from '../../../shared/text'

export interface MonacoRangeLike {
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}

export interface MonacoPositionLike {
  lineNumber: number
  column: number
}

/** The part of Monaco's IModelContentChange we read. */
export interface ContentChangeLike {
  range: MonacoRangeLike
  text: string
}

export function toLspPosition(p: MonacoPositionLike): Position {
  return { line: Math.max(0, p.lineNumber - 1), character: Math.max(0, p.column - 1) }
}

export function toMonacoPosition(p: Position): MonacoPositionLike {
  return { lineNumber: p.line + 1, column: p.character + 1 }
}

export function toLspRange(r: MonacoRangeLike): Range {
  return {
    start: toLspPosition({ lineNumber: r.startLineNumber, column: r.startColumn }),
    end: toLspPosition({ lineNumber: r.endLineNumber, column: r.endColumn }),
  }
}

export function toMonacoRange(r: Range): MonacoRangeLike {
  return {
    startLineNumber: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLineNumber: r.end.line + 1,
    endColumn: r.end.character + 1,
  }
}

/**
 * One Monaco content-change event as LSP incremental changes. Monaco orders the changes of one event from the
 * end of the document to the beginning, each range relative to the text before the event, so applying them one
 * after another (as LSP does) is correct. We keep that order; we never merge into a whole-text replacement.
 */
export function toLspChanges(changes: readonly ContentChangeLike[]): TextChange[] {
  return changes.map((c) => ({ range: toLspRange(c.range), text: c.text }))
}

/** Applies LSP changes in order, each relative to the result of the previous one (LSP didChange semantics). */
export function applyLspChanges(text: string, changes: readonly TextChange[]): string {
  return applyChanges(text, [...changes])
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * The smallest single change turning `oldText` into `newText` (common prefix and suffix kept), with its range in
 * `oldText`; undefined when they are equal. Never splits a \r\n pair or a surrogate pair.
 */
export function minimalChange(oldText: string, newText: string): TextChange | undefined {
  if (oldText === newText) return undefined
  const max = Math.min(oldText.length, newText.length)
  let prefix = 0
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++
  while (prefix > 0 && (oldText.charCodeAt(prefix - 1) === 13 || isHighSurrogate(oldText.charCodeAt(prefix - 1)))) {
    prefix--
  }
  let suffix = 0
  const maxSuffix = max - prefix
  while (
    suffix < maxSuffix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++
  }
  while (suffix > 0) {
    const first = oldText.length - suffix
    const code = oldText.charCodeAt(first)
    const splitsCrLf = code === 10 && oldText.charCodeAt(first - 1) === 13 && first - 1 >= prefix
    if (splitsCrLf || isLowSurrogate(code)) suffix--
    else break
  }
  const starts = lineStarts(oldText)
  return {
    range: {
      start: positionAt(oldText, prefix, starts),
      end: positionAt(oldText, oldText.length - suffix, starts),
    },
    text: newText.slice(prefix, newText.length - suffix),
  }
}

/** Range covering a whole text, for the rare full replacement after a failed sync. */
export function fullRange(text: string): Range {
  return { start: { line: 0, character: 0 }, end: positionAt(text, text.length) }
}
