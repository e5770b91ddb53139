// Long diagnostics lists in slices: a subscription that sets `chunk` gets lists over that length as several
// events (each its own message, so the window never parses megabytes in one task) and joins them back.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { DiagnosticsEvent } from '../src/shared/channels'
import { DiagnosticsParts, diagnosticsParts } from '../src/shared/diagnostics-parts'
import { startCore, waitFor } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'

const warning = (line: number) => ({ range: { start: { line, character: 0 }, end: { line, character: 4 } }, severity: 2 as const, message: `w${line}` })
const list = (n: number, from = 0): DiagnosticsEvent => ({ uri: 'file:///w/A.lean', version: 4, diagnostics: Array.from({ length: n }, (_, i) => warning(from + i)) })

describe('diagnostics in parts', () => {
  it('splits a long list into ordered parts that join back into the same list', () => {
    const whole = list(1001)
    const parts = diagnosticsParts(whole, 500)
    assert.deepEqual(parts.map((p) => [p.part, p.diagnostics.length]), [
      [{ index: 0, count: 3 }, 500],
      [{ index: 1, count: 3 }, 500],
      [{ index: 2, count: 3 }, 1],
    ])
    const join = new DiagnosticsParts()
    assert.equal(join.accept(parts[0]), undefined)
    assert.equal(join.accept(parts[1]), undefined)
    assert.deepEqual(join.accept(parts[2]), whole)
    // A short list is one plain event, passed through as it is.
    assert.deepEqual(diagnosticsParts(list(500), 500), [list(500)])
    assert.deepEqual(join.accept(list(3)), list(3))
  })

  it('drops a list whose part went missing, and takes the next one whole', () => {
    const join = new DiagnosticsParts()
    const first = diagnosticsParts(list(7), 3)
    const next = diagnosticsParts(list(5, 100), 3)
    assert.equal(join.accept(first[0]), undefined)
    assert.equal(join.accept(first[2]), undefined, 'part 1 never came: the list is not shown half')
    assert.equal(join.accept(next[0]), undefined)
    assert.deepEqual(join.accept(next[1]), list(5, 100))
  })

  it('the core sends a chunked subscription its lists in parts, replay included, and refuses a bad chunk', async (t) => {
    const h = await startCore({ files: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n' } })
    t.after(() => h.dispose())
    const uri = 'file:///w/A.lean'
    h.core.registry.diagnostics.applyPublish({ uri, version: 1, diagnostics: list(5).diagnostics })
    const chunked = new TestClient(h.core)
    const plain = new TestClient(h.core)
    await chunked.call('channel.subscribe', { channel: 'diagnostics', filter: { uri, chunk: 2 } })
    await plain.call('channel.subscribe', { channel: 'diagnostics', filter: { uri } })
    await waitFor(() => (chunked.events.length === 3 && plain.events.length === 1 ? true : undefined), 'the replayed list, in 3 parts and whole')
    assert.deepEqual(chunked.events.map((e) => e.payload.part), [{ index: 0, count: 3 }, { index: 1, count: 3 }, { index: 2, count: 3 }])
    const join = new DiagnosticsParts()
    const joined = chunked.events.map((e) => join.accept(e.payload)).filter(Boolean)
    assert.deepEqual(joined, [plain.events[0].payload])
    assert.equal(plain.events[0].payload.part, undefined)
    await assert.rejects(chunked.call('channel.subscribe', { channel: 'diagnostics', filter: { uri, chunk: 0 } }), /'chunk' must be a whole number/)
    await assert.rejects(chunked.call('channel.subscribe', { channel: 'diagnostics', filter: { uri, chunk: '500' } }), /'chunk' must be a whole number/)
  })
})
