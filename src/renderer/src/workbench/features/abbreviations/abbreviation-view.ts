// "Lean 4: Show All Abbreviations": a searchable list of every `\` abbreviation and its symbol; Enter inserts the
// symbol at the cursor of the active editor (or copies it when no editor is open).
import { h } from '../../dom'
import type { QuickPick } from '../../quick-pick'
import type { UnicodeInputConfig } from '../../../unicode/config'
import { abbreviationRows, searchAbbreviations, symbolText, type AbbreviationRow } from './abbreviation-rows'

export function showAbbreviations(
  picker: QuickPick,
  config: UnicodeInputConfig,
  insert: (symbol: string) => void,
): void {
  const leader = config.leader || '\\'
  const rows = abbreviationRows(config)
  picker.show<AbbreviationRow>({
    ariaLabel: 'All Abbreviations',
    placeholder: `Search ${rows.length} abbreviations by name (${leader}alpha) or by symbol (α)`,
    emptyText: 'No abbreviation matches',
    items: (query) => searchAbbreviations(rows, query, leader),
    render: (row) => [
      h('span', { class: 'lx-palette-symbol', text: symbolText(row.symbol) }),
      h('span', { class: 'lx-palette-title', text: `${leader}${row.abbreviation}` }),
      row.custom ? h('span', { class: 'lx-palette-description', text: 'custom' }) : null,
    ],
    accept: (row) => insert(row.symbol),
  })
}
