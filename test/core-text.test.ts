import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CrashPolicy } from '../src/main/lean/crash-policy'
import { DocumentStore } from '../src/main/lean/documents'
import { applyChanges, offsetAt, positionAt } from '../src/shared/text'
import { Hub } from '../src/main/hub/hub'

test('incremental edits use UTF-16 positions, including non-BMP characters', () => {
  const text = 'def 𝔽 := 1\nexample : 𝔽 = 1 := rfl\n'
  // 𝔽 is two UTF-16 code units: 'def ' (4) + 2 = column 6 after it.
  assert.equal(offsetAt(text, { line: 0, character: 6 }), 6)
  const edited = applyChanges(text, [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 12 } }, text: 'G' }])
  assert.equal(edited, 'def 𝔽 := 1\nexample : G = 1 := rfl\n')
  assert.deepEqual(positionAt(text, text.indexOf('example')), { line: 1, character: 0 })
})

test('changes in one didChange apply in order; CRLF terminators are not part of a line', () => {
  const text = 'ab\r\ncd'
  assert.equal(offsetAt(text, { line: 0, character: 99 }), 2)
  const out = applyChanges(text, [
    { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, text: '!' },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'A' },
    { text: 'whole' },
    { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: '?' },
  ])
  assert.equal(out, 'whole?')
})

test('document versions strictly increase, even across close and reopen; empty changes are ignored', () => {
  const docs = new DocumentStore()
  const init = { uri: 'file:///a.lean', path: '/a.lean', text: 'x', diskText: 'x', diskMtimeMs: 0, readonly: false, languageId: 'lean4' }
  const d = docs.open(init)
  assert.equal(d.version, 1)
  assert.equal(docs.change(d.uri, []).version, 1)
  assert.equal(docs.change(d.uri, [{ text: 'y' }]).version, 2)
  docs.close(d.uri)
  assert.equal(docs.open(init).version, 3)
})

test('hub: filters by uri, replays current state on subscribe, disposal stops delivery', () => {
  const hub = new Hub()
  const state = [{ uri: 'a', version: 1, diagnostics: [] }, { uri: 'b', version: 2, diagnostics: [] }]
  hub.setReplay('diagnostics', () => state)
  const seen: string[] = []
  const sub = hub.subscribe('diagnostics', { uri: 'b' }, (e) => seen.push(`${e.uri}${e.version}`))
  hub.publish('diagnostics', { uri: 'a', version: 3, diagnostics: [] })
  hub.publish('diagnostics', { uri: 'b', version: 4, diagnostics: [] })
  assert.equal(hub.subscriberCount('diagnostics'), 1)
  sub.dispose()
  hub.publish('diagnostics', { uri: 'b', version: 5, diagnostics: [] })
  assert.deepEqual(seen, ['b2', 'b4'])
  assert.equal(hub.subscriberCount('diagnostics'), 0)
})

test('crash policy backs off exponentially with jitter and gives up after 5 crashes in a minute', () => {
  let now = 0
  let random = 0.5
  const policy = new CrashPolicy({ random: () => random, now: () => now, baseDelayMs: 100 })
  // Exponential: the middle of each jitter band doubles per crash.
  assert.equal(policy.recordCrash(), 100)
  assert.equal(policy.recordCrash(), 200)
  // Jitter: other random values give other delays, within ±25% of the band's middle.
  random = 0
  assert.equal(policy.recordCrash(), 300) // 400 × 0.75
  random = 0.999
  assert.equal(policy.recordCrash(), 1000) // 800 × 1.2495
  assert.equal(policy.recordCrash(), undefined)
  now = 120_000 // crashes older than a minute are forgotten
  random = 0.5
  assert.equal(policy.recordCrash(), 100)
  // Two servers crashing together with different random draws do not restart in lockstep.
  const delays = [0, 0.25, 0.75, 0.99].map((r) => new CrashPolicy({ random: () => r, now: () => 0, baseDelayMs: 1000 }).recordCrash())
  assert.deepEqual(delays, [750, 875, 1125, 1245])
})

test('the incremental line index agrees with a full re-apply on random edits, LF and CRLF', () => {
  let seed = 7
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n)
  for (const nl of ['\n', '\r\n']) {
    const docs = new DocumentStore()
    const start = ['theorem a : 1 = 1 := rfl', '  𝔽 α', '', 'end'].join(nl)
    docs.open({ uri: 'u', path: '/u', text: start, diskText: start, diskMtimeMs: 0, readonly: false, languageId: 'lean4' })
    let expected = start
    for (let i = 0; i < 300; i++) {
      const lines = expected.split(/\r\n|\n/)
      const l1 = rnd(lines.length + 1)
      const l2 = Math.min(lines.length, l1 + rnd(2))
      const change = {
        range: { start: { line: l1, character: rnd(8) }, end: { line: l2, character: rnd(8) } },
        text: ['', 'x', `y${nl}z`, nl, '𝔽'][rnd(5)],
      }
      if (l2 === l1 && change.range.end.character < change.range.start.character) change.range.end.character = change.range.start.character
      expected = applyChanges(expected, [change])
      assert.equal(docs.change('u', [change]).text, expected, `edit ${i} (${JSON.stringify(nl)})`)
    }
  }
})
