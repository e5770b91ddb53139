// One document through everything that restarts something: a server crash, a dropped /ws connection, Restart File,
// Restart Server and a relaunch of the app, with the double's violation check on for every server process (the
// harness fails the test on any violation) and the whole conversation checked as Lean would see it.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { WebSocket as NodeWebSocket } from 'ws'
import { Core } from '../src/main/core'
import { WsBackend } from '../src/renderer/src/backend/ws-backend'
import type { DiagnosticsEvent, ServerEvent } from '../src/shared/channels'
import { assertNoViolations, DOUBLE, readViolations, startCore, waitFor } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "p"\n' }
const FAST_RESTART = { baseDelayMs: 50, maxDelayMs: 400 }

test('crash, reconnect, Restart File, Restart Server and relaunch: Lean sees one clean session per process', async (t) => {
  ;(globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket
  const log = join((await import('node:os')).tmpdir(), `double-lifecycle-${process.pid}-${Date.now()}.log`)
  const env = { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LEAN_DOUBLE_LOG: log }
  const h = await startCore({ files: { ...PROJECT, 'A.lean': 'theorem a : 1 = 1 := by sorry\n' }, env, bridge: true, core: { crashPolicy: FAST_RESTART } })
  const backend = new WsBackend(`ws://127.0.0.1:${h.bridge!.port}/ws?token=${h.bridge!.token}`)
  t.after(async () => {
    backend.dispose()
    await h.dispose()
  })
  const servers: ServerEvent[] = []
  backend.subscribe('server', {}, (e) => servers.push(e))
  const doc = await backend.call('doc.open', { path: h.file('A.lean') })
  const seen: DiagnosticsEvent[] = []
  backend.subscribe('diagnostics', { uri: doc.uri }, (d) => seen.push(d))
  const messages = () => seen.at(-1)?.diagnostics.filter((x) => !x.isSilent).map((x) => x.message) ?? []
  const running = () => [...servers].reverse().find((e) => e.state === 'running')?.pid
  let line = 1
  /** Types a new declaration and waits for its own diagnostic: the server in charge has the latest text. */
  const typeAndSee = async (what: string) => {
    await backend.call('doc.change', { uri: doc.uri, changes: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `#eval ${line} + 100\n` }] })
    const expected = String(line + 100)
    line++
    await waitFor(() => messages().includes(expected), `the diagnostic of the edit after ${what}`)
  }
  await typeAndSee('opening')
  const first = await waitFor(running, 'a running server')

  // 1. The server is killed; Lectern starts another one and gives it the document again.
  process.kill(first, 'SIGKILL')
  await waitFor(() => running() !== first && running(), 'a new server after the crash')
  await typeAndSee('the crash')

  // 2. The /ws connection drops and comes back; the tab keeps editing the same document.
  for (const s of (h.bridge as unknown as { sessions: Map<string, { socket: NodeWebSocket }> }).sessions.values()) s.socket.terminate()
  await waitFor(() => backend.connectionState === 'reconnecting', 'reconnecting')
  await waitFor(() => backend.connectionState === 'open', 'reconnected', 15_000)
  await backend.call('doc.open', { path: h.file('A.lean') }) // the renderer's view asks again after reconnecting
  await typeAndSee('the reconnect')

  // 3. Restart File, then 4. Restart Server.
  await backend.call('lean.restartFile', { uri: doc.uri })
  await typeAndSee('Restart File')
  const beforeRestart = running()
  await backend.call('lean.restartServer', { uri: doc.uri })
  await waitFor(() => running() !== beforeRestart && running(), 'a new server after Restart Server')
  await typeAndSee('Restart Server')

  // 5. Quit and start again on the same user data: the unsaved document comes back and goes to a fresh server.
  backend.dispose()
  await h.core.dispose()
  const again = await Core.create({ mode: 'serve', workspace: h.workspace, userDataDir: join(h.tmp, 'user-data'), env: { ...env, LEAN_DOUBLE_VIOLATIONS: h.violationsPath } })
  const c = new TestClient(again)
  await c.subscribeAll()
  const reopened = await c.call('doc.open', { path: h.file('A.lean') })
  assert.equal(reopened.restoredFromBackup, true)
  await c.waitDiagnostics(reopened.uri, (m) => m.includes(String(line - 1 + 100)))
  await again.dispose()
  assertNoViolations(readViolations(h.violationsPath))

  // The whole conversation, one server process after another (each starts with initialize).
  const inbound = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((e) => e.dir === 'in').map((e) => e.msg)
  const sessions: any[][] = []
  for (const m of inbound) m.method === 'initialize' ? sessions.push([m]) : sessions.at(-1)!.push(m)
  // opening, crash restart, Restart Server, relaunch
  assert.equal(sessions.length, 4, `server processes: ${sessions.length}`)
  let lastVersion = 0
  for (const [i, session] of sessions.entries()) {
    if (i === 3) lastVersion = 0 // a relaunched app counts versions afresh, for a fresh server
    const sync = session.filter((m) => m.params?.textDocument?.uri === doc.uri && /^textDocument\/did(Open|Change|Close)$/.test(m.method))
    assert.equal(sync[0].method, 'textDocument/didOpen', `process ${i} starts the document with didOpen`)
    let open = false
    for (const m of sync) {
      if (m.method === 'textDocument/didOpen') assert.equal(open, false, `process ${i}: didOpen while open`)
      if (m.method === 'textDocument/didClose') assert.equal(open, true, `process ${i}: didClose while closed`)
      open = m.method !== 'textDocument/didClose'
      const v = m.params.textDocument.version
      if (v !== undefined) {
        assert.ok(v > lastVersion, `process ${i}: version ${v} after ${lastVersion}`)
        lastVersion = v
      }
    }
    // Every process the app stopped itself (all but the killed first one) was shut down before exit.
    if (i !== 0) assert.deepEqual(session.slice(-2).map((m) => m.method), ['shutdown', 'exit'], `process ${i} ends with shutdown, exit`)
  }
})
