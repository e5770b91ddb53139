// Document sync arithmetic: Monaco content changes → LSP incremental changes, applied in order as Lean does.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  applyLspChanges,
  fullRange,
  lineStarts,
  minimalChange,
  offsetAt,
  positionAt,
  toLspChanges,
  toLspRange,
  toMonacoRange,
  type ContentChangeLike,
} from '../src/renderer/src/editor/position'

/** Monaco-shaped change for a replacement of [start, end) in `text` (1-based lines/columns). */
function monacoChange(text: string, start: number, end: number, insert: string): ContentChangeLike {
  const s = positionAt(text, start)
  const e = positionAt(text, end)
  return {
    range: { startLineNumber: s.line + 1, startColumn: s.character + 1, endLineNumber: e.line + 1, endColumn: e.character + 1 },
    text: insert,
  }
}

/** Applies non-overlapping edits given as offsets into the original text, all at once. */
function applyAtOnce(text: string, edits: { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start)
  let out = ''
  let at = 0
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text
    at = e.end
  }
  return out + text.slice(at)
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('toLspChanges', () => {
  it('converts 1-based Monaco ranges to 0-based LSP ranges', () => {
    const changes = toLspChanges([{ range: { startLineNumber: 3, startColumn: 5, endLineNumber: 3, endColumn: 7 }, text: 'ab' }])
    assert.deepEqual(changes, [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } }, text: 'ab' }])
  })

  it('keeps the order of a multi-cursor event (end of document first), which applies correctly in sequence', () => {
    const text = 'theorem a : True := by\n  trivial\n  trivial\n'
    // Two cursors typing "x" at the start of lines 2 and 3: Monaco reports the later one first.
    const event = [monacoChange(text, 33, 33, 'x'), monacoChange(text, 23, 23, 'x')]
    const result = applyLspChanges(text, toLspChanges(event))
    assert.equal(result, 'theorem a : True := by\nx  trivial\nx  trivial\n')
  })

  it('two cursors on one line', () => {
    const text = 'abc def ghi'
    const event = [monacoChange(text, 8, 11, 'Z'), monacoChange(text, 0, 3, 'Y')]
    assert.equal(applyLspChanges(text, toLspChanges(event)), 'Y def Z')
  })

  it('random multi-cursor events (non-overlapping, descending) reproduce the edited text', () => {
    const random = rng(42)
    const alphabet = ['a', 'b', ' ', '\n', 'α', '𝔽', '\r\n', '→']
    for (let round = 0; round < 300; round++) {
      let text = ''
      const len = Math.floor(random() * 60)
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(random() * alphabet.length)]
      // Cut points that do not split \r\n or surrogate pairs.
      const cuts = new Set<number>([0, text.length])
      for (let i = 0; i < 6; i++) {
        let at = Math.floor(random() * (text.length + 1))
        const code = text.charCodeAt(at)
        if ((code >= 0xdc00 && code <= 0xdfff) || (code === 10 && text[at - 1] === '\r')) at--
        cuts.add(at)
      }
      const points = [...cuts].sort((a, b) => a - b)
      const edits: { start: number; end: number; text: string }[] = []
      for (let i = 0; i + 1 < points.length; i += 2) {
        if (random() < 0.6) edits.push({ start: points[i], end: points[i + 1], text: random() < 0.5 ? '' : 'xy\n' })
      }
      if (!edits.length) continue
      const expected = applyAtOnce(text, edits)
      const monacoOrder = [...edits].sort((a, b) => b.start - a.start).map((e) => monacoChange(text, e.start, e.end, e.text))
      assert.equal(applyLspChanges(text, toLspChanges(monacoOrder)), expected, `round ${round}`)
    }
  })
})

describe('positions', () => {
  it('line starts for \\n, \\r\\n and \\r', () => {
    assert.deepEqual(lineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7])
  })

  it('counts UTF-16 code units, like Lean and Monaco', () => {
    const text = '𝔽 x\nα'
    assert.deepEqual(positionAt(text, 3), { line: 0, character: 3 })
    assert.equal(offsetAt(text, { line: 0, character: 3 }), 3)
    assert.equal(offsetAt(text, { line: 1, character: 1 }), 6)
  })

  it('clamps past the end of a line to the line end (not into the next line)', () => {
    assert.equal(offsetAt('ab\r\ncd', { line: 0, character: 99 }), 2)
    assert.equal(offsetAt('ab', { line: 5, character: 0 }), 2)
  })

  it('round-trips Monaco and LSP ranges', () => {
    const lsp = { start: { line: 0, character: 2 }, end: { line: 4, character: 0 } }
    assert.deepEqual(toLspRange(toMonacoRange(lsp)), lsp)
  })

  it('fullRange covers the whole text', () => {
    assert.deepEqual(fullRange('ab\ncd'), { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } })
  })
})

describe('minimalChange', () => {
  it('is undefined for equal texts', () => {
    assert.equal(minimalChange('same', 'same'), undefined)
  })

  it('replaces only the differing middle', () => {
    const change = minimalChange('theorem a := by\n  rfl\n', 'theorem a := by\n  simp\n')
    assert.deepEqual(change, { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }, text: 'simp' })
  })

  it('never splits \\r\\n or surrogate pairs, and always applies back exactly', () => {
    const pairs: [string, string][] = [
      ['a\r\nb', 'a\nb'],
      ['a\nb', 'a\r\nb'],
      ['x𝔽y', 'x𝔾y'],
      ['', 'new'],
      ['old', ''],
      ['aaa', 'aa'],
      ['ab\r\n', 'ab\r\n\r\n'],
    ]
    for (const [from, to] of pairs) {
      const change = minimalChange(from, to)!
      assert.equal(applyLspChanges(from, [change]), to, JSON.stringify([from, to]))
    }
  })
})
