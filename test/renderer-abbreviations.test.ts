// "Show All Abbreviations": every abbreviation the input knows, the user's own included, searchable by name or
// by symbol, exact matches first.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { abbreviationRows, searchAbbreviations, symbolText } from '../src/renderer/src/workbench/features/abbreviations/abbreviation-rows'

describe('abbreviation view', () => {
  const rows = abbreviationRows({ customTranslations: { hello: '☺', alpha: 'ALPHA' } })

  it('lists the built-in abbreviations and the custom ones, which override and are marked', () => {
    assert.ok(rows.length > 1000, `only ${rows.length} rows`)
    assert.deepEqual(rows.find((r) => r.abbreviation === 'forall'), { abbreviation: 'forall', symbol: '∀', custom: false })
    assert.deepEqual(rows.find((r) => r.abbreviation === 'hello'), { abbreviation: 'hello', symbol: '☺', custom: true })
    assert.deepEqual(rows.find((r) => r.abbreviation === 'alpha'), { abbreviation: 'alpha', symbol: 'ALPHA', custom: true })
    assert.equal(new Set(rows.map((r) => r.abbreviation)).size, rows.length)
  })

  it('finds the exact name first, then prefixes (shortest first), ignoring a typed leader', () => {
    const found = searchAbbreviations(rows, '\\to')
    assert.equal(found[0].abbreviation, 'to')
    assert.equal(found[0].symbol, '→')
    const prefixEnd = found.findIndex((r) => !r.abbreviation.startsWith('to'))
    const prefixes = found.slice(1, prefixEnd < 0 ? undefined : prefixEnd)
    assert.ok(prefixes.length > 0)
    for (let i = 1; i < prefixes.length; i++) assert.ok(prefixes[i - 1].abbreviation.length <= prefixes[i].abbreviation.length)
    assert.ok(found.some((r) => r.abbreviation.includes('to') && !r.abbreviation.startsWith('to')), 'substring matches follow')
  })

  it('finds abbreviations by their symbol, and shows $CURSOR symbols without the marker', () => {
    assert.ok(searchAbbreviations(rows, '∀').some((r) => r.abbreviation === 'forall'))
    const brackets = rows.find((r) => r.symbol.includes('$CURSOR'))
    assert.ok(brackets, 'some abbreviation places the caret')
    assert.ok(!symbolText(brackets.symbol).includes('$CURSOR'))
    assert.deepEqual(searchAbbreviations(rows, 'no-such-abbreviation-anywhere'), [])
  })
})
