import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  LEAN_SEMANTIC_LEGEND,
  legendOfInitializeResult,
  remapSemanticTokens,
} from '../src/renderer/src/features/semantic-legend'

describe('semantic token legend', () => {
  it('passes data through unchanged when the server uses Lean legend', () => {
    const data = [0, 0, 7, 0, 0, 0, 8, 3, 3, 1, 2, 4, 23, 0]
    assert.deepEqual([...remapSemanticTokens(data.concat(0), LEAN_SEMANTIC_LEGEND)], data.concat(0))
  })

  it('re-encodes types and modifier bits from another legend, dropping unknown types', () => {
    const server = { tokenTypes: ['function', 'mystery', 'keyword'], tokenModifiers: ['x', 'declaration'] }
    // function(0) at (0,4) len 3 with modifiers x|declaration; mystery(1) at (0,10); keyword(2) at (1,2)
    const data = [0, 4, 3, 0, 0b11, 0, 6, 2, 1, 0, 1, 2, 2, 2, 0]
    const out = [...remapSemanticTokens(data, server)]
    const fn = LEAN_SEMANTIC_LEGEND.tokenTypes.indexOf('function')
    const kw = LEAN_SEMANTIC_LEGEND.tokenTypes.indexOf('keyword')
    const decl = 1 << LEAN_SEMANTIC_LEGEND.tokenModifiers.indexOf('declaration')
    assert.deepEqual(out, [0, 4, 3, fn, decl, 1, 2, 2, kw, 0])
  })

  it('keeps the start delta right when a dropped token sat on the same line', () => {
    const server = { tokenTypes: ['mystery', 'variable'], tokenModifiers: [] }
    const data = [2, 1, 1, 0, 0, 0, 3, 1, 1, 0] // mystery at (2,1), variable at (2,4)
    const v = LEAN_SEMANTIC_LEGEND.tokenTypes.indexOf('variable')
    assert.deepEqual([...remapSemanticTokens(data, server)], [2, 4, 1, v, 0])
  })

  it('reads the legend from an initialize result', () => {
    const result = { capabilities: { semanticTokensProvider: { full: true, legend: LEAN_SEMANTIC_LEGEND } } }
    assert.equal(legendOfInitializeResult(result), LEAN_SEMANTIC_LEGEND)
    assert.equal(legendOfInitializeResult(null), undefined)
    assert.equal(legendOfInitializeResult({ capabilities: {} }), undefined)
  })
})
