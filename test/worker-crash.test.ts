// One file's Lean worker crashes (lean-protocol.md §8.1), through the core against the double: the request in
// flight fails with -32902 and the file's progress says Lean stopped processing it; a request made after the
// crash (which Lean queues and, on close, drops) is answered by Lectern when the user restarts the file; after
// Restart File the crash state is gone and diagnostics come back.
import assert from 'node:assert/strict'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { DOUBLE, startCore, waitFor } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "p"\n' }
const CRASH = (uri: string) => `Server process for ${uri} crashed, likely due to a stack overflow or a bug.`

// The worker crashes once it has elaborated the first command. A request that reaches it after the crash is queued
// until the next edit, as real Lean queues it (the third test covers that path), so the first two tests give the
// first command 1.5 s: their hover is then surely in flight when the worker dies, and fails with -32902.
const HOVER_BEFORE_CRASH = { LEAN_DOUBLE_DELAY_MS: '1500' }

test('a crashed file worker: -32902, the crash on the progress channel, Restart File settles queued requests and clears it', async (t) => {
  const log = join(tmpdir(), `double-crash-${process.pid}-${Date.now()}.log`)
  const h = await startCore({ files: { ...PROJECT, 'Crash.lean': '#eval 1\n-- double: worker-crash\n#eval 2 + 2\n' }, env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LEAN_DOUBLE_LOG: log, ...HOVER_BEFORE_CRASH } })
  t.after(async () => {
    await h.dispose()
    rmSync(log, { force: true })
  })
  const hoversReceived = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('"dir":"in"') && l.includes('textDocument/hover')).length : 0)
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('Crash.lean') })
  await c.waitServer('running')
  const hover = (line: number) => c.call('lean.request', { uri: doc.uri, method: 'textDocument/hover', params: { textDocument: { uri: doc.uri }, position: { line, character: 7 } } })

  await assert.rejects(hover(2), (err: any) => err.code === -32902 && err.message === CRASH(doc.uri))
  // Lean's own message from the failed request wins over the fatal progress that may have announced the crash first.
  await waitFor(() => c.latest('progress', (p) => p.uri === doc.uri && p.workerCrash === CRASH(doc.uri)), "the crash on the progress channel, with Lean's message")
  await waitFor(() => c.latest('progress', (p) => p.uri === doc.uri && p.processing[0]?.kind === 2 && p.workerCrash !== undefined), 'fatal progress, still marked crashed')

  // Lean queues this one and would never answer it once the file is closed.
  const queued = hover(0).then(
    () => 'answered',
    (err: any) => err.code,
  )
  await waitFor(() => hoversReceived() === 2, 'the second hover at the crashed worker')
  await c.call('lean.restartFile', { uri: doc.uri })
  assert.equal(await queued, -32801, 'settled as Lean settles requests to a closed worker, so the infoview retries')
  await waitFor(() => c.latest('progress', (p) => p.uri === doc.uri && p.workerCrash === undefined), 'the crash cleared')
  // The fresh worker processes the file again (and crashes again at the marker, as real Lean would).
  await assert.rejects(hover(2), (err: any) => err.code === -32902)
  const again = await waitFor(() => c.latest('diagnostics', (d) => d.uri === doc.uri && d.diagnostics.some((x) => x.message === '1')), 'diagnostics back')
  assert.ok(again)
})

test('editing a crashed file restarts its worker: the crash state clears and the file is processed again', async (t) => {
  const h = await startCore({ files: { ...PROJECT, 'Edit.lean': '#eval 1\n-- double: worker-crash\n#eval 2 + 2\n' }, env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, ...HOVER_BEFORE_CRASH } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('Edit.lean') })
  await c.waitServer('running')
  await assert.rejects(
    c.call('lean.request', { uri: doc.uri, method: 'textDocument/hover', params: { textDocument: { uri: doc.uri }, position: { line: 2, character: 7 } } }),
    (err: any) => err.code === -32902,
  )
  await waitFor(() => c.latest('progress', (p) => p.uri === doc.uri && p.workerCrash !== undefined), 'crashed')
  await c.call('doc.change', { uri: doc.uri, changes: [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }] })
  const msgs = await c.waitDiagnostics(doc.uri, (m) => m.includes('4'))
  assert.deepEqual(msgs, ['1', '4'])
  assert.equal(c.latest('progress', (p) => p.uri === doc.uri)?.workerCrash, undefined)
})

test('with no request in flight, a fatal stop with no error is taken for the crash it is; a header error is not', async (t) => {
  const h = await startCore({ files: { ...PROJECT, 'Quiet.lean': '#eval 1\n-- double: worker-crash\n', 'Header.lean': 'import Nowhere.Module\n#eval 1\n' } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const header = await c.call('doc.open', { path: h.file('Header.lean') })
  await waitFor(() => c.latest('progress', (p) => p.uri === header.uri && p.processing[0]?.kind === 2), 'the header error stops Header.lean')
  const quiet = await c.call('doc.open', { path: h.file('Quiet.lean') })
  const crashed = await waitFor(() => c.latest('progress', (p) => p.uri === quiet.uri && p.workerCrash !== undefined), 'Quiet.lean marked crashed')
  assert.match(crashed.workerCrash!, /stopped with no error message; it likely crashed/)
  assert.ok(
    c.events.every((e) => e.channel !== 'progress' || e.payload.uri !== header.uri || e.payload.workerCrash === undefined),
    'the header error (an error diagnostic) is never taken for a crash',
  )
  // An edit restarts the worker; without the marker line it runs to the end.
  await c.call('doc.change', { uri: quiet.uri, changes: [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }] })
  await c.waitDiagnostics(quiet.uri, (m) => m.includes('1'))
  assert.equal(c.latest('progress', (p) => p.uri === quiet.uri)?.workerCrash, undefined)
})
