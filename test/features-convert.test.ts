// LSP → Monaco conversions: completion and symbol kinds (checked against Monaco's own enum values), hover
// markdown, definition results, workspace edits, semantic token legends, and the request wrapper's error policy.
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import {
  completionKindName,
  highlightKind,
  hoverContents,
  isDeprecated,
  relatedLocations,
  selectionRangeChain,
  symbolKindName,
  targetLocations,
  textEditsByUri,
} from '../src/renderer/src/features/convert'

type Enum = Record<string, number>
let enums: { CompletionItemKind: Enum; SymbolKind: Enum; DocumentHighlightKind: Enum }

before(async () => {
  // Monaco's generated enums module has no DOM dependency (and no .d.ts, hence the untyped import).
  const spec: string = 'monaco-editor/editor/common/standalone/standaloneEnums.js'
  enums = await import(spec)
})

const r = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
})

describe('completion item kinds', () => {
  it('maps every LSP kind to the Monaco kind of the same name', () => {
    const expected: [number, string, number][] = [
      [1, 'Text', 18],
      [2, 'Method', 0],
      [3, 'Function', 1],
      [4, 'Constructor', 2],
      [5, 'Field', 3],
      [6, 'Variable', 4],
      [7, 'Class', 5],
      [9, 'Module', 8],
      [14, 'Keyword', 17],
      [21, 'Constant', 14],
      [22, 'Struct', 6],
      [23, 'Event', 10],
      [25, 'TypeParameter', 24],
    ]
    for (const [lsp, name, monacoValue] of expected) {
      assert.equal(completionKindName(lsp), name)
      assert.equal(enums.CompletionItemKind[completionKindName(lsp)], monacoValue, name)
    }
    for (let k = 1; k <= 25; k++) assert.equal(typeof enums.CompletionItemKind[completionKindName(k)], 'number')
  })

  it('falls back to Text for a missing or unknown kind', () => {
    assert.equal(completionKindName(undefined), 'Text')
    assert.equal(completionKindName(99), 'Text')
  })

  it('deprecated: tag 1 or the old flag', () => {
    assert.equal(isDeprecated({ tags: [1] }), true)
    assert.equal(isDeprecated({ deprecated: true }), true)
    assert.equal(isDeprecated({}), false)
  })
})

describe('symbol and highlight kinds', () => {
  it('LSP SymbolKind n is Monaco SymbolKind n-1 with the same name', () => {
    for (let k = 1; k <= 26; k++) assert.equal(enums.SymbolKind[symbolKindName(k)], k - 1)
    assert.equal(symbolKindName(12), 'Function')
  })

  it('DocumentHighlightKind Text/Read/Write', () => {
    assert.equal(highlightKind(1), enums.DocumentHighlightKind.Text)
    assert.equal(highlightKind(2), enums.DocumentHighlightKind.Read)
    assert.equal(highlightKind(3), enums.DocumentHighlightKind.Write)
    assert.equal(highlightKind(undefined), enums.DocumentHighlightKind.Text)
  })
})

describe('hover contents', () => {
  it('keeps Lean markdown (with its ```lean fence) as is', () => {
    const value = '```lean\nTrue.intro : True\n```\n***\n`True` is true'
    assert.deepEqual(hoverContents({ kind: 'markdown', value }), [{ value, supportThemeIcons: false }])
  })

  it('fences MarkedStrings and escapes plain text', () => {
    const [a, b] = hoverContents([{ language: 'lean', value: 'n : ℕ' }, 'plain'])
    assert.equal(a.value, '```lean\nn : ℕ\n```')
    assert.equal(b.value, 'plain')
    assert.equal(hoverContents({ kind: 'plaintext', value: 'a*b' })[0].value, 'a\\*b')
    assert.deepEqual(hoverContents({ kind: 'markdown', value: '  ' }), [])
  })
})

describe('definition results', () => {
  it('accepts a Location, Location[] or LocationLink[]', () => {
    const loc = { uri: 'file:///a.lean', range: r(1, 0, 1, 3) }
    assert.deepEqual(targetLocations(loc), [{ uri: loc.uri, range: loc.range, selectionRange: loc.range }])
    assert.equal(targetLocations([loc, loc]).length, 2)
    assert.deepEqual(targetLocations(null), [])
    const link = {
      targetUri: 'file:///b.lean',
      targetRange: r(0, 0, 5, 0),
      targetSelectionRange: r(0, 8, 0, 11),
      originSelectionRange: r(3, 2, 3, 5),
    }
    assert.deepEqual(targetLocations([link]), [
      { uri: link.targetUri, range: link.targetRange, selectionRange: link.targetSelectionRange, originSelectionRange: link.originSelectionRange },
    ])
  })
})

describe('workspace edits', () => {
  it('groups text edits from changes or documentChanges', () => {
    const e = { range: r(0, 0, 0, 4), newText: 'simp only [h]' }
    assert.deepEqual([...textEditsByUri({ changes: { 'file:///a.lean': [e] } })], [['file:///a.lean', [e]]])
    const byUri = textEditsByUri({
      documentChanges: [
        { textDocument: { uri: 'file:///a.lean', version: 3 }, edits: [e] },
        { kind: 'create' },
        { textDocument: { uri: 'file:///a.lean', version: 3 }, edits: [e] },
      ],
    })
    assert.equal(byUri.get('file:///a.lean')?.length, 2)
    assert.equal(textEditsByUri(undefined).size, 0)
  })

  it('flattens a selection range chain innermost first', () => {
    const chain = { range: r(0, 1, 0, 2), parent: { range: r(0, 0, 0, 5), parent: { range: r(0, 0, 3, 0) } } }
    assert.deepEqual(selectionRangeChain(chain), [r(0, 1, 0, 2), r(0, 0, 0, 5), r(0, 0, 3, 0)])
  })
})

describe('relatedLocations', () => {
  it("keeps each well-formed related location with Lean's uri as written, and drops malformed ones without losing the rest", () => {
    const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } }
    const uri = 'file:///home/u/My%20Proofs%20%282026%29/B.lean'
    assert.deepEqual(
      relatedLocations([
        { location: { uri, range }, message: 'declared here' },
        { location: { uri: 42, range }, message: 'bad uri' },
        { location: { uri, range: { start: { line: 'x' } } }, message: 'bad range' },
        null,
        { location: { uri, range } },
      ]),
      [
        { uri, range, message: 'declared here' },
        { uri, range, message: '' },
      ],
    )
    assert.deepEqual(relatedLocations(undefined), [])
    assert.deepEqual(relatedLocations({ not: 'an array' }), [])
  })
})
