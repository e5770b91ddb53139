// The core's chunked document text against a naive model (split into lines, splice strings) on long random edit
// sequences: LF, CRLF, lone CR, mixed, non-BMP characters, positions past line ends and past the end of the file.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DocumentText } from '../src/main/lean/document-text'
import { DocumentStore } from '../src/main/lean/documents'
import type { Position, TextChange } from '../src/shared/lsp'

/** LSP's rules written the obvious way: lines end at \r\n, \r or \n; the terminator is not part of the line. */
function naiveOffset(text: string, pos: Position): number {
  if (pos.line < 0) return 0
  const re = /\r\n|\r|\n/g
  let start = 0
  for (let line = 0; line < pos.line; line++) {
    const m = re.exec(text)
    if (!m) return text.length
    start = m.index + m[0].length
  }
  const m = re.exec(text)
  const end = m ? m.index : text.length
  return Math.min(start + Math.max(0, pos.character), end)
}

function naiveApply(text: string, change: TextChange): string {
  if (!change.range) return change.text
  const a = naiveOffset(text, change.range.start)
  const b = naiveOffset(text, change.range.end)
  return text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b))
}

function lineCountOf(text: string): number {
  let n = 1
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) n++
  }
  return n
}

/** mulberry32: a seeded generator with 32-bit integer arithmetic (a float LCG loses its low bits and cycles). */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n)
  }
}

const PIECES = ['', 'x', 'theorem', ' := by', '𝔽', 'α ∧ β', '\n', '\r\n', '\r', 'a\nb', 'c\r\nd', 'e\rf', '\n\n', '\r\r\n', '\n\r']

/** A random edit: mostly typing near one place, sometimes pastes of many lines and deletions across chunks. */
function randomChange(rnd: (n: number) => number, text: string, lineCount: number): TextChange {
  const kind = rnd(20)
  // A whole-text replacement now and then (as a reload from disk), big enough to span many chunks.
  if (kind === 0 && rnd(10) === 0) return { text: Array.from({ length: 100 + rnd(800) }, (_, i) => `l${i}${PIECES[rnd(PIECES.length)]}`).join(PIECES[rnd(PIECES.length)] || '\n') }
  const line = rnd(lineCount + 2) - (kind === 1 ? 1 : 0)
  // Column 0 often: edits at line starts are where a chunk boundary can come between a \r and a \n.
  const start = { line, character: rnd(3) === 0 ? 0 : rnd(kind === 2 ? 200 : 40) }
  const end = kind === 3 ? { line: line + rnd(400), character: rnd(40) } : rnd(3) === 0 ? { line: line + rnd(4), character: rnd(40) } : rnd(4) === 0 ? { line, character: rnd(3) } : start
  let inserted = PIECES[rnd(PIECES.length)]
  if (kind === 4 && rnd(3) === 0) inserted = Array.from({ length: 200 + rnd(400) }, (_, i) => `line ${i}${PIECES[rnd(PIECES.length)]}`).join('\n')
  if (kind === 5) inserted = 'y'.repeat(3000 + rnd(3000)) // one line longer than a chunk
  return rnd(8) === 0 ? { range: { start: end, end: start }, text: inserted } : { range: { start, end }, text: inserted }
}

for (const [name, newline, seed] of [['LF', '\n', 1], ['CRLF', '\r\n', 2], ['lone CR', '\r', 3], ['mixed', '', 4]] as const) {
  test(`chunked document text equals the naive model over 3,000 random edits (${name})`, () => {
    const rnd = random(seed)
    const nl = () => newline || ['\n', '\r\n', '\r'][rnd(3)]
    let expected = Array.from({ length: 500 }, (_, i) => `theorem t${i} : ${i} = ${i} := rfl -- 𝔽${i % 7 === 0 ? ' α' : ''}`).map((l) => l + nl()).join('')
    const text = new DocumentText(expected)
    for (let i = 0; i < 3000; i++) {
      const lineCount = lineCountOf(expected)
      const change = randomChange(rnd, expected, lineCount)
      expected = naiveApply(expected, change)
      text.apply([change])
      assert.equal(text.length, expected.length, `length after edit ${i}: ${JSON.stringify(change).slice(0, 200)}`)
      // Reading the whole text every time would hide a wrong offset that later edits cancel out: check
      // positions every edit, the full string now and then.
      const probe = { line: rnd(lineCount + 1), character: rnd(60) }
      assert.equal(text.offsetAt(probe), naiveOffset(expected, probe), `offset of ${JSON.stringify(probe)} after edit ${i}`)
      if (i % 97 === 0) assert.equal(text.text, expected, `text after edit ${i}`)
    }
    assert.equal(text.text, expected)
  })
}

test('a \\r and a \\n brought together by an edit become one line break, and split apart become two', () => {
  const big = 'a'.repeat(1500)
  const text = new DocumentText(`${big}\r${big}\n${big}`)
  // Delete everything between the \r and the \n: across a chunk boundary they now form one \r\n.
  text.apply([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1500 } }, text: '' }])
  assert.equal(text.text, `${big}\r\n${big}`)
  assert.equal(text.offsetAt({ line: 1, character: 0 }), 1502)
  assert.equal(text.offsetAt({ line: 0, character: 9999 }), 1500)
  // Replace the \r\n with \r, q, \n: two line breaks again.
  text.apply([{ range: { start: { line: 0, character: 1500 }, end: { line: 1, character: 0 } }, text: '\rq\n' }])
  assert.equal(text.text, `${big}\rq\n${big}`)
  assert.equal(text.offsetAt({ line: 1, character: 5 }), 1502)
  assert.equal(text.offsetAt({ line: 2, character: 0 }), 1503)
})

test('several changes in one didChange apply in order on the document store, including a full replacement', () => {
  const docs = new DocumentStore()
  const init = 'def 𝔽 := 1\r\nexample : 𝔽 = 1 := rfl\n'
  docs.open({ uri: 'u', path: '/u', text: init, diskText: init, diskMtimeMs: 0, readonly: false, languageId: 'lean4' })
  const changes: TextChange[] = [
    { range: { start: { line: 1, character: 10 }, end: { line: 1, character: 12 } }, text: 'G' },
    { range: { start: { line: 0, character: 4 }, end: { line: 0, character: 6 } }, text: 'G' },
    { text: 'whole\nnew' },
    { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: '!' },
  ]
  let expected = init
  for (const c of changes.slice(0, 2)) expected = naiveApply(expected, c)
  assert.equal(docs.change('u', changes.slice(0, 2)).text, expected)
  assert.equal(expected, 'def G := 1\r\nexample : G = 1 := rfl\n')
  assert.equal(docs.change('u', changes.slice(2)).text, 'whole\nnew!')
  assert.equal(docs.isDirty(docs.require('u')), true)
})
