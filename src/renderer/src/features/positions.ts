// Monaco (1-based lineNumber, column in UTF-16 code units) ↔ LSP (0-based line, UTF-16 character), under the
// names the feature providers use. Both sides count UTF-16 code units, so a character outside the BMP (𝔽 is two
// units) moves the column by two on both sides: never convert to code points. Pure, no Monaco import at run time.
import type { Position as LspPosition, Range as LspRange } from '../../../shared/lsp'
import { type MonacoPositionLike, type MonacoRangeLike, toLspPosition, toLspRange } from '../editor/position'

export type { LspPosition, LspRange }
export type MonacoPosition = MonacoPositionLike
export type MonacoRange = MonacoRangeLike
export { toLspPosition, toLspRange, toMonacoPosition as fromLspPosition, toMonacoRange as fromLspRange } from '../editor/position'
export { lineStarts, offsetAt, positionAt } from '../../../shared/text'

/** Monaco's editor opener hands over either a range or a position. */
export function lspRangeOfSelection(sel: MonacoRange | MonacoPosition | undefined): LspRange | undefined {
  if (!sel) return undefined
  if ('startLineNumber' in sel) return toLspRange(sel)
  const p = toLspPosition(sel)
  return { start: p, end: p }
}
