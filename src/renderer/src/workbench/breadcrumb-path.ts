// Pure part of the breadcrumbs: which document symbols enclose a position, outermost first, in either answer
// form of textDocument/documentSymbol (hierarchical DocumentSymbol[] or flat SymbolInformation[]). No Monaco
// value import: node:test drives it (test/renderer-breadcrumbs.test.ts).
import { symbolKindName } from '../features/convert'
import type { DocumentSymbol, Position, Range, SymbolInformation } from '../features/lsp-types'

export type ServerSymbol = DocumentSymbol | SymbolInformation

/** One crumb: a symbol enclosing the position. LSP ranges (0-based). */
export interface BreadcrumbSymbol {
  name: string
  kind: number
  range: Range
  selectionRange: Range
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character)
}

function isPosition(p: unknown): p is Position {
  const q = p as Position | null | undefined
  return typeof q?.line === 'number' && typeof q.character === 'number'
}

function isRange(r: unknown): r is Range {
  const q = r as Range | null | undefined
  return isPosition(q?.start) && isPosition(q?.end)
}

/** Start and end inclusive, like Monaco's Range.containsPosition: the cursor right after a declaration is in it. */
function contains(range: Range, p: Position): boolean {
  return !before(p, range.start) && !before(range.end, p)
}

function isFlat(s: ServerSymbol): s is SymbolInformation {
  return typeof s === 'object' && s !== null && 'location' in s
}

function crumb(s: ServerSymbol): BreadcrumbSymbol | undefined {
  if (typeof s !== 'object' || s === null) return undefined
  const range = isFlat(s) ? s.location?.range : s.range
  if (!isRange(range)) return undefined
  const selection = isFlat(s) ? undefined : s.selectionRange
  return {
    name: typeof s.name === 'string' ? s.name : String(s.name),
    kind: typeof s.kind === 'number' ? s.kind : 13,
    range,
    selectionRange: isRange(selection) ? selection : range,
  }
}

/** Every symbol of a hierarchical answer (and any flat ones mixed in), children included. */
function flatten(symbols: readonly ServerSymbol[], out: BreadcrumbSymbol[] = []): BreadcrumbSymbol[] {
  for (const s of symbols) {
    const c = crumb(s)
    if (c) out.push(c)
    const children = isFlat(s) ? undefined : s?.children
    if (Array.isArray(children)) flatten(children, out)
  }
  return out
}

/**
 * The chain of symbols whose `range` contains `position`, outermost first, innermost last; empty when the
 * position is outside every symbol. Hierarchical symbols are walked down their children (of siblings that both
 * contain the position, the later-starting one wins, so a cursor where one symbol ends and the next begins is
 * in the next). Flat SymbolInformation has no nesting, so the enclosing ones are ordered by containment.
 */
export function symbolPathAt(symbols: readonly ServerSymbol[] | null | undefined, position: Position): BreadcrumbSymbol[] {
  if (!Array.isArray(symbols) || symbols.length === 0) return []
  if (symbols.some(isFlat)) {
    return flatten(symbols)
      .filter((s) => contains(s.range, position))
      .map((s, index) => ({ s, index }))
      .sort((a, b) => {
        if (before(a.s.range.start, b.s.range.start)) return -1
        if (before(b.s.range.start, a.s.range.start)) return 1
        if (before(a.s.range.end, b.s.range.end)) return 1
        if (before(b.s.range.end, a.s.range.end)) return -1
        return a.index - b.index
      })
      .map(({ s }) => s)
  }
  const path: BreadcrumbSymbol[] = []
  let level: readonly DocumentSymbol[] | undefined = symbols as readonly DocumentSymbol[]
  while (level && level.length > 0) {
    let found: { symbol: DocumentSymbol; crumb: BreadcrumbSymbol } | undefined
    for (const symbol of level) {
      const c = crumb(symbol)
      if (!c || !contains(c.range, position)) continue
      if (!found || !before(c.range.start, found.crumb.range.start)) found = { symbol, crumb: c }
    }
    if (!found) break
    path.push(found.crumb)
    level = Array.isArray(found.symbol.children) ? found.symbol.children : undefined
  }
  return path
}

/** The codicon of an LSP SymbolKind, as VS Code's outline and breadcrumbs show it (`symbol-namespace`, …). */
export function symbolIconName(kind: number): string {
  return `symbol-${symbolKindName(kind).replace(/[a-z](?=[A-Z])/g, (c) => `${c}-`).toLowerCase()}`
}
