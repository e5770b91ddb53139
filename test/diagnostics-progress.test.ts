// Lean's file progress and diagnostics as the window receives them: a flood of per-command reports (a big file
// re-elaborated after each keystroke) reaches subscribers as its first state at once and its latest state soon
// after, never as thousands of events.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { DiagnosticsEvent, ProgressEvent } from '../src/shared/channels'
import { Hub } from '../src/main/hub/hub'
import { DiagnosticsStore, diagnosticsIntervalMs } from '../src/main/lean/diagnostics-store'

const uri = 'file:///w/Big.lean'
const at = (line: number) => ({ textDocument: { uri, version: 2 }, processing: [{ range: { start: { line, character: 0 }, end: { line: 20_000, character: 0 } }, kind: 1 as const }] })

/** A store, and what a subscriber to `channel` has seen of it. */
function subscribed<C extends 'progress' | 'diagnostics'>(channel: C) {
  const hub = new Hub()
  const store = new DiagnosticsStore(hub)
  const seen: (C extends 'progress' ? ProgressEvent : DiagnosticsEvent)[] = []
  hub.subscribe(channel, {}, (e) => seen.push(e as never))
  return { store, seen }
}

describe('file progress', () => {
  it('a flood of 10,000 reports reaches subscribers as the first at once and the last one shortly after', async () => {
    const { store, seen } = subscribed('progress')
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
    const { store, seen } = subscribed('progress')
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

describe('diagnostics streamed while Lean elaborates', () => {
  const warning = (line: number) => ({ range: { start: { line, character: 0 }, end: { line, character: 4 } }, severity: 2 as const, message: `w${line}` })

  it('5,000 cumulative publishes reach subscribers as the first at once and the whole list soon after', async () => {
    const { store, seen } = subscribed('diagnostics')
    const all = Array.from({ length: 5000 }, (_, i) => warning(i))
    // As Lean without incremental support: each publish is the whole list so far.
    for (let n = 1; n <= 5000; n++) store.applyPublish({ uri, version: 2, diagnostics: all.slice(0, n) })
    assert.equal(seen.length, 1, 'the first publish goes out at once')
    assert.equal(seen[0].diagnostics.length, 1)
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => seen.length > 1 && (clearInterval(poll), resolve()), 5)
    })
    assert.equal(seen.length, 2, 'the held-back lists were folded into their latest')
    assert.equal(seen[1].diagnostics.length, 5000)
    store.dispose()
  })

  it('incremental batches are folded into whole lists, and the list current when a file closes is cleared after it', () => {
    const { store, seen } = subscribed('diagnostics')
    store.applyPublish({ uri, version: 3, diagnostics: [warning(0)] })
    store.applyPublish({ uri, version: 3, diagnostics: [warning(1)], isIncremental: true } as never)
    assert.equal(store.getDiagnostics(uri)?.diagnostics.length, 2)
    store.forget(uri)
    assert.deepEqual(seen.map((e) => e.diagnostics.length), [1, 0], 'no stale list after the close')
    store.dispose()
    assert.equal(seen.length, 2)
  })

  it('the wait follows the list that went out last: a long list after a short one goes at once, the next waits', async () => {
    const { store, seen } = subscribed('diagnostics')
    const all = Array.from({ length: 5000 }, (_, i) => warning(i))
    store.applyPublish({ uri, version: 4, diagnostics: [] })
    await new Promise((r) => setTimeout(r, 80)) // past the 50 ms after a short list
    store.applyPublish({ uri, version: 5, diagnostics: all })
    assert.deepEqual(seen.map((e) => e.diagnostics.length), [0, 5000], 'not held back for the empty list before it')
    store.applyPublish({ uri, version: 6, diagnostics: all.slice(0, 3) })
    assert.equal(seen.length, 2, 'after 5,000 the window gets time before the next list')
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => seen.length > 2 && (clearInterval(poll), resolve()), 5)
    })
    assert.deepEqual(seen.map((e) => e.diagnostics.length), [0, 5000, 3])
    store.dispose()
  })

  it('the wait is 50 ms after a short list, up to 500 after a long one', () => {
    assert.equal(diagnosticsIntervalMs(3), 50)
    assert.equal(diagnosticsIntervalMs(1000), 100)
    assert.equal(diagnosticsIntervalMs(100_000), 500)
  })
})
