// The renderer's WebSocket backend against the real bridge: after the connection drops it reconnects,
// re-subscribes (the core replays the current state), and sends the calls made while it was away.
import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import { WebSocket as NodeWebSocket } from 'ws'
import { WsBackend } from '../src/renderer/src/backend/ws-backend'
import type { ConnectionState } from '../src/renderer/src/backend/backend'
import type { DiagnosticsEvent } from '../src/shared/channels'
import { startCore, waitFor } from './helpers/core-harness'
import { pathToUri } from '../src/main/util/uri'

/** A core with its bridge, a file with a `sorry`, and a WsBackend connecting to it; both disposed after the test. */
async function coreWithBackend(t: TestContext) {
  ;(globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket
  const h = await startCore({ files: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'A.lean': 'theorem a : 1 = 1 := by sorry\n' }, bridge: true })
  const bridge = h.bridge!
  const backend = new WsBackend(`ws://127.0.0.1:${bridge.port}/ws?token=${bridge.token}`)
  t.after(async () => {
    backend.dispose()
    await h.dispose()
  })
  return { h, bridge, backend }
}

test('reconnects, re-subscribes with a replay, and delivers edits made while disconnected', async (t) => {
  const { h, bridge, backend } = await coreWithBackend(t)
  const states: ConnectionState[] = []
  backend.onConnectionState((s) => states.push(s))
  const doc = await backend.call('doc.open', { path: h.file('A.lean') })
  const seen: DiagnosticsEvent[] = []
  backend.subscribe('diagnostics', { uri: doc.uri }, (d) => seen.push(d))
  const visible = (d: DiagnosticsEvent | undefined) => d?.diagnostics.filter((x) => !x.isSilent).map((x) => x.message) ?? []
  await waitFor(() => visible(seen.at(-1)).includes("declaration uses 'sorry'"), 'the sorry warning')

  // The connection drops (laptop sleep, proxy hiccup): the core keeps running.
  for (const s of (bridge as unknown as { sessions: Map<string, { socket: NodeWebSocket }> }).sessions.values()) s.socket.terminate()
  await waitFor(() => backend.connectionState === 'reconnecting', 'reconnecting')
  const beforeReplay = seen.length
  // Typing goes on while disconnected; the edit is queued, not lost.
  const change = backend.call('doc.change', {
    uri: doc.uri,
    changes: [{ range: { start: { line: 0, character: 24 }, end: { line: 0, character: 29 } }, text: 'rfl' }],
  })
  await waitFor(() => backend.connectionState === 'open', 'reconnected', 15_000)
  await change
  // The replay repeats the current state at once, then the new diagnostics for the edited text arrive.
  await waitFor(() => seen.length > beforeReplay, 'a replay after re-subscribing')
  await waitFor(() => visible(seen.at(-1)).length === 0 && (seen.at(-1)?.version ?? 0) > doc.version, 'diagnostics of the edited text')
  assert.deepEqual(states.slice(0, 3), ['open', 'reconnecting', 'open'])
  const again = await backend.call('doc.open', { path: h.file('A.lean') })
  assert.equal(again.text, 'theorem a : 1 = 1 := by rfl\n')
})

test('a subscription made before the socket opens is made once: each event arrives once', async (t) => {
  const { h, backend } = await coreWithBackend(t)
  const uri = pathToUri(h.file('A.lean'))
  assert.equal(backend.connectionState, 'connecting')
  const early: DiagnosticsEvent[] = []
  const earlySub = backend.subscribe('diagnostics', { uri }, (d) => early.push(d))
  const doc = await backend.call('doc.open', { path: h.file('A.lean') })
  // The same subscription made once the socket is open receives each event once: the one made before must too.
  const late: DiagnosticsEvent[] = []
  backend.subscribe('diagnostics', { uri }, (d) => late.push(d))
  await waitFor(() => late.some((d) => d.diagnostics.some((x) => x.message === "declaration uses 'sorry'")), 'the sorry warning')
  const edited = await backend.call('doc.change', {
    uri: doc.uri,
    changes: [{ range: { start: { line: 0, character: 24 }, end: { line: 0, character: 29 } }, text: 'rfl' }],
  })
  const after = (list: DiagnosticsEvent[]) => list.filter((d) => d.version >= edited.version)
  await waitFor(() => after(late).some((d) => d.diagnostics.every((x) => x.isSilent)), 'diagnostics of the edited text')
  await new Promise((r) => setTimeout(r, 300))
  assert.ok(after(late).length > 0)
  assert.equal(after(early).length, after(late).length, 'the early subscription received each event as often as the late one')
  // Disposed, it stops at once, and the core is asked to drop it.
  earlySub.dispose()
  const count = early.length
  await backend.call('doc.change', { uri: doc.uri, changes: [{ range: { start: { line: 0, character: 24 }, end: { line: 0, character: 27 } }, text: 'sorry' }] })
  await waitFor(() => late.at(-1)?.diagnostics.some((x) => x.message === "declaration uses 'sorry'") === true, 'the sorry warning again')
  assert.equal(early.length, count)
})
