// Every `\` abbreviation with its symbol (built-in and the user's custom ones), and the search over them behind
// "Show All Abbreviations" (vscode-lean4's abbreviation view). Pure: node:test drives it.
import { AbbreviationProvider } from '@leanprover/unicode-input'
import { resolveUnicodeConfig, type UnicodeInputConfig } from '../../../unicode/config'

export interface AbbreviationRow {
  /** Without the leader. */
  abbreviation: string
  /** What it inserts; `$CURSOR` marks where the caret goes. */
  symbol: string
  custom: boolean
}

export function abbreviationRows(config: UnicodeInputConfig): AbbreviationRow[] {
  const resolved = resolveUnicodeConfig(config)
  const all = new AbbreviationProvider(resolved).getSymbolsByAbbreviation()
  const custom = resolved.customTranslations
  return Object.entries(all)
    .map(([abbreviation, symbol]) => ({ abbreviation, symbol, custom: Object.hasOwn(custom, abbreviation) }))
    .sort((a, b) => a.abbreviation.localeCompare(b.abbreviation))
}

/** The symbol as text to show or insert: `$CURSOR` is where the caret goes, not text. */
export function symbolText(symbol: string): string {
  return symbol.replace('$CURSOR', '')
}

/**
 * Rows for a query: the query (a leading leader ignored) matched against abbreviations — exact first, then
 * prefixes (shortest first), then other substrings — or against the symbol itself (pasting `∀` finds `\forall`).
 */
export function searchAbbreviations(rows: readonly AbbreviationRow[], query: string, leader = '\\'): AbbreviationRow[] {
  const q = (query.startsWith(leader) ? query.slice(leader.length) : query).trim()
  if (!q) return [...rows]
  const rank = (row: AbbreviationRow): number => {
    if (row.abbreviation === q) return 0
    if (row.abbreviation.startsWith(q)) return 1
    if (symbolText(row.symbol) === q) return 2
    if (row.abbreviation.includes(q)) return 3
    return 4
  }
  return rows
    .map((row) => ({ row, rank: rank(row) }))
    .filter((r) => r.rank < 4)
    .sort((a, b) => a.rank - b.rank || a.row.abbreviation.length - b.row.abbreviation.length || a.row.abbreviation.localeCompare(b.row.abbreviation))
    .map((r) => r.row)
}
