// Monaco ↔ LSP positions: both count UTF-16 code units, so 𝔽 (U+1D53D, two units) moves a column by two.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  fromLspPosition,
  fromLspRange,
  lspRangeOfSelection,
  offsetAt,
  positionAt,
  toLspPosition,
  toLspRange,
} from '../src/renderer/src/features/positions'

const LINE = 'def f : 𝔽 → 𝔽 := id' // 𝔽 at UTF-16 columns 8-9 and 13-14

describe('positions', () => {
  it('𝔽 is two UTF-16 code units', () => {
    assert.equal('𝔽'.length, 2)
    assert.equal(LINE.indexOf('→'), 11)
  })

  it('converts a position after 𝔽 without counting code points', () => {
    // Monaco column of `→` is 12 (1-based, UTF-16); LSP character is 11.
    assert.deepEqual(toLspPosition({ lineNumber: 1, column: 12 }), { line: 0, character: 11 })
    assert.deepEqual(fromLspPosition({ line: 0, character: 11 }), { lineNumber: 1, column: 12 })
  })

  it('round-trips ranges spanning 𝔽', () => {
    const monacoRange = { startLineNumber: 1, startColumn: 9, endLineNumber: 1, endColumn: 16 } // "𝔽 → 𝔽"
    const lsp = toLspRange(monacoRange)
    assert.deepEqual(lsp, { start: { line: 0, character: 8 }, end: { line: 0, character: 15 } })
    assert.equal(LINE.slice(lsp.start.character, lsp.end.character), '𝔽 → 𝔽')
    assert.deepEqual(fromLspRange(lsp), monacoRange)
  })

  it('offsets and positions over text with 𝔽 and line breaks', () => {
    const text = `${LINE}\r\nexample : 𝔽 := 0\nx`
    const second = { line: 1, character: 13 } // after "example : 𝔽 " (𝔽 is 2 units)
    const o = offsetAt(text, second)
    assert.equal(text.slice(o, o + 2), ':=')
    assert.deepEqual(positionAt(text, o), second)
    assert.deepEqual(positionAt(text, text.length), { line: 2, character: 1 })
    // Past the end of a line clamps to its end (before the line break).
    assert.equal(offsetAt(text, { line: 0, character: 999 }), LINE.length)
    assert.equal(offsetAt(text, { line: 9, character: 0 }), text.length)
  })

  it('the editor opener hands over a range or a position', () => {
    assert.deepEqual(lspRangeOfSelection({ lineNumber: 3, column: 5 }), {
      start: { line: 2, character: 4 },
      end: { line: 2, character: 4 },
    })
    assert.equal(lspRangeOfSelection(undefined), undefined)
  })
})
