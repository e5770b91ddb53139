// Servers that survive crashes and never lose the user's text (issue: recovery). Real processes: the
// double, SIGKILL, and crash loops; recovery times are printed for the closing note.
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { DOUBLE, startCore, waitFor } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "p"\n' }
const FAST_RESTART = { baseDelayMs: 50, maxDelayMs: 400 }

function logLines(path: string): any[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).msg)
  } catch {
    return []
  }
}

test('SIGKILL mid-session: edits made while down are kept, diagnostics come back for the latest text', async (t) => {
  const h = await startCore({ files: { ...PROJECT, 'A.lean': 'theorem a : 1 = 1 := by rfl\n' }, core: { crashPolicy: FAST_RESTART } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('A.lean') })
  const first = await c.waitServer('running')
  await c.waitDiagnostics(doc.uri, (m) => m.length === 0)

  const killedAt = Date.now()
  process.kill(first.pid!, 'SIGKILL')
  // Keep typing while the server is down.
  await c.call('doc.change', { uri: doc.uri, changes: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'theorem b : 2 = 2 := by sorry\n' }] })
  await waitFor(() => c.serverStates().includes('crashed'), 'crashed state')
  const back = await c.waitServer('running')
  assert.notEqual(back.pid, first.pid)
  const msgs = await c.waitDiagnostics(doc.uri, (m) => m.some((x) => x.includes("declaration uses 'sorry'")))
  console.log(`recovery: SIGKILL → diagnostics for the latest text in ${Date.now() - killedAt} ms`)
  assert.equal(msgs.length, 1)
  const reopened = await c.call('doc.open', { path: h.file('A.lean') })
  assert.equal(reopened.text, 'theorem a : 1 = 1 := by rfl\ntheorem b : 2 = 2 := by sorry\n')
  assert.ok(reopened.dirty)
})

test('a request in flight when the server dies fails with a clear error, not a hang', async (t) => {
  const log = join(tmpdir(), `double-inflight-${process.pid}-${Date.now()}.log`)
  const h = await startCore({
    files: { ...PROJECT, 'S.lean': 'theorem a : 1 = 1 := by rfl\ntheorem b : 1 = 1 := by rfl\ntheorem c : 1 = 1 := by rfl\n' },
    env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LEAN_DOUBLE_DELAY_MS: '1500', LEAN_DOUBLE_LOG: log },
    core: { crashPolicy: FAST_RESTART },
  })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('S.lean') })
  const running = await c.waitServer('running')
  const pending = c.call('lean.request', { uri: doc.uri, method: '$/lean/plainGoal', params: { textDocument: { uri: doc.uri }, position: { line: 2, character: 25 } } })
  // Killed once the request has reached the server (the double logs what it receives), so it is really in flight.
  await waitFor(() => logLines(log).some((m) => m.method === '$/lean/plainGoal'), 'the request to reach the server')
  process.kill(running.pid!, 'SIGKILL')
  await assert.rejects(pending, (err: any) => err.code === -32902 && /stopped/.test(err.message))
})

test('a server that keeps crashing is stopped after 5 crashes with its last stderr lines', async (t) => {
  const h = await startCore({
    files: { ...PROJECT, 'A.lean': '#eval 1\n' },
    env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LEAN_DOUBLE_EXIT_AFTER_INIT: '1' },
    core: { crashPolicy: FAST_RESTART },
  })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const openedAt = Date.now()
  await c.call('doc.open', { path: h.file('A.lean') })
  const stopped = await c.waitServer('stopped', 30_000)
  console.log(`recovery: crash loop (fast test backoff) → stopped after 5 crashes in ${Date.now() - openedAt} ms`)
  assert.match(stopped.detail, /5 times within a minute/)
  assert.equal(stopped.crashes, 5)
  // The last lines the server wrote to stderr, the newest last, and at most a screenful.
  const tail = stopped.stderrTail ?? []
  assert.equal(tail.at(-1), 'lean-double: LEAN_DOUBLE_EXIT_AFTER_INIT is set, exiting with code 1')
  assert.ok(tail.length <= 12, `${tail.length} lines`)
  assert.ok(c.serverStates().filter((s) => s === 'restarting').length >= 4)
})

test('Restart File closes and reopens with dependencyBuildMode "once"; Restart Server starts a new process', async (t) => {
  const log = join(tmpdir(), `double-restart-${process.pid}-${Date.now()}.log`)
  const h = await startCore({ files: { ...PROJECT, 'R.lean': '#eval 2 + 2\n' }, env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LEAN_DOUBLE_LOG: log } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('R.lean') })
  const first = await c.waitServer('running')
  await c.waitDiagnostics(doc.uri, (m) => m.includes('4'))
  await c.call('lean.restartFile', { uri: doc.uri })
  await waitFor(() => logLines(log).filter((m) => m.method === 'textDocument/didOpen').length === 2, 'reopen')
  const syncs = logLines(log).filter((m) => m.method === 'textDocument/didOpen' || m.method === 'textDocument/didClose')
  assert.deepEqual(syncs.map((m) => m.method), ['textDocument/didOpen', 'textDocument/didClose', 'textDocument/didOpen'])
  assert.equal(syncs[0].params.dependencyBuildMode, 'never')
  assert.equal(syncs[2].params.dependencyBuildMode, 'once')
  assert.ok(syncs[2].params.textDocument.version > syncs[0].params.textDocument.version)

  const restartAt = Date.now()
  await c.call('lean.restartServer', { uri: doc.uri })
  const second = await c.waitServer('running')
  assert.notEqual(second.pid, first.pid)
  await c.waitDiagnostics(doc.uri, (m) => m.includes('4'))
  console.log(`recovery: Restart Server → diagnostics back in ${Date.now() - restartAt} ms`)
})

test('changing lean-toolchain on disk offers a restart; touching it without a change does not', async (t) => {
  const h = await startCore({ files: { ...PROJECT, 'A.lean': '#eval 1\n' } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  await c.call('doc.open', { path: h.file('A.lean') })
  await c.waitServer('running')
  // Touch lean-toolchain (same text), then really change the lakefile: the one suggestion that follows names
  // only the lakefile, so the touch was seen and judged unchanged (not merely not seen yet).
  writeFileSync(h.file('lean-toolchain'), 'leanprover/lean4:v4.20.0\n')
  writeFileSync(h.file('lakefile.toml'), 'name = "p2"\n')
  const first = await waitFor(() => c.events.find((e) => e.channel === 'server' && e.payload.restartSuggested)?.payload, 'restart suggestion')
  assert.match(first.detail, /^lakefile\.toml changed on disk/)
  writeFileSync(h.file('lean-toolchain'), 'leanprover/lean4:v4.21.0\n')
  const ev = await waitFor(() => (/lean-toolchain changed/.test(c.latest('server')?.detail ?? '') ? c.latest('server') : undefined), 'restart suggestion for lean-toolchain')
  assert.equal(ev!.restartSuggested, true)
})
