// Lean's file progress as the window receives it: a flood of per-command reports (a big file re-elaborated
// after each keystroke) reaches subscribers as its first state at once and its latest state soon after,
// never as thousands of events.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ProgressEvent } from '../src/shared/channels'
import { Hub } from '../src/main/hub/hub'
import { DiagnosticsStore } from '../src/main/lean/diagnostics-store'

const uri = 'file:///w/Big.lean'
const at = (line: number) => ({ textDocument: { uri, version: 2 }, processing: [{ range: { start: { line, character: 0 }, end: { line: 20_000, character: 0 } }, kind: 1 as const }] })

function subscribed() {
  const hub = new Hub()
  const store = new DiagnosticsStore(hub)
  const seen: ProgressEvent[] = []
  hub.subscribe('progress', {}, (e) => seen.push(e))
  return { store, seen }
}

describe('file progress', () => {
  it('a flood of 10,000 reports reaches subscribers as the first at once and the last one shortly after', async () => {
    const { store, seen } = subscribed()
    for (let line = 10_000; line < 20_000; line++) store.applyProgress(at(line))
    assert.equal(seen.length, 1, 'the first report is published at once')
    assert.equal(seen[0].processing[0].range.start.line, 10_000)
    store.applyProgress({ textDocument: { uri, version: 2 }, processing: [] })
    // Positive signal: the held-back latest state arrives (done processing), and nothing in between.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => seen.length > 1 && (clearInterval(poll), resolve()), 5)
    })
    assert.equal(seen.length, 2)
    assert.deepEqual(seen[1].processing, [])
    assert.deepEqual(store.getProgress(uri)?.processing, [])
    store.dispose()
  })

  it('closing a document publishes its held-back state before forgetting it, and dispose flushes the rest', () => {
    const { store, seen } = subscribed()
    store.applyProgress(at(1))
    store.applyProgress(at(2))
    store.forget(uri)
    assert.deepEqual(seen.map((e) => e.processing.length), [1, 0], 'the close ends processing for subscribers, with no stale state after it')
    const other = 'file:///w/Other.lean'
    store.applyProgress({ textDocument: { uri: other, version: 1 }, processing: [] })
    store.applyProgress({ textDocument: { uri: other, version: 1 }, processing: at(3).processing })
    store.dispose()
    assert.equal(seen.at(-1)?.uri, other)
    assert.equal(seen.at(-1)?.processing.length, 1, 'dispose publishes what the interval held back')
  })
})
