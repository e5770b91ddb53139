// A remote Lean server: the first Lectern (in this process) uses the second's /lsp (a separate serve process,
// the double behind it) as its project's Lean server, with the project at different paths on the two sides.
// Diagnostics and locations come back in local paths; killing the remote mid-edit loses nothing: the core
// reconnects when it is back and the diagnostics match the latest text.
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type TestContext, test } from 'node:test'
import { pathToUri } from '../src/main/util/uri'
import { startCore, waitFor } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'
import { startRemoteServe } from './helpers/remote-serve'

const PROJECT = {
  'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
  'lakefile.toml': 'name = "proj"\n',
  'Defs.lean': 'def answer := 42\n',
  'A.lean': 'import Defs\n#eval answer\nexample : 1 = 2 := rfl\n',
}

async function setUp(t: TestContext) {
  const box = mkdtempSync(join(tmpdir(), 'lectern-remote-box-'))
  const remoteRoot = join(box, 'srv', 'checkouts', 'proj')
  mkdirSync(remoteRoot, { recursive: true })
  for (const [rel, text] of Object.entries(PROJECT)) writeFileSync(join(remoteRoot, rel), text)
  const token = 'remote-test-token-0123456789abcdef'
  const doubleLog = join(box, 'double.jsonl')
  const env = { remote: await startRemoteServe({ workspace: remoteRoot, tmp: box, token, doubleLog }) }
  const port = env.remote.port
  const url = `ws://127.0.0.1:${port}/lsp?project=${encodeURIComponent(remoteRoot)}&token=${token}`
  const h = await startCore({
    files: PROJECT,
    env: { ...process.env, LECTERN_LEAN_SERVER: url },
    core: { crashPolicy: { maxDelayMs: 1000 } },
  })
  t.after(async () => {
    await h.dispose()
    env.remote.child.kill('SIGCONT')
    await env.remote.stop()
    rmSync(box, { recursive: true, force: true })
  })
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('A.lean') })
  const restart = async () => (env.remote = await startRemoteServe({ workspace: remoteRoot, tmp: box, token, port }))
  return { box, remoteRoot, token, doubleLog, env, port, url, h, c, doc, restart }
}

test('edits here get diagnostics computed behind a second Lectern; a remote that goes away mid-edit loses nothing', { timeout: 240_000 }, async (t) => {
  const { remoteRoot, token, doubleLog, env, port, h, c, doc, restart } = await setUp(t)
  assert.notEqual(h.workspace, remoteRoot)
  assert.equal(doc.uri, pathToUri(h.file('A.lean')))
  const running = await c.waitServer('running', 60_000)
  assert.equal(running.remote, `ws://127.0.0.1:${port}/lsp?project=${encodeURIComponent(remoteRoot)}`)
  assert.equal(running.pid, undefined)
  assert.ok(!JSON.stringify(c.events).includes(token), 'the token is never published')

  // Diagnostics the double computed on the other side, under the local uri.
  const first = await c.waitDiagnostics(doc.uri, (m) => m.includes('42') && m.some((x) => x.includes('rfl')), 60_000)
  assert.ok(first.length >= 2)
  // The double saw the remote paths only.
  const opened = readFileSync(doubleLog, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((e) => e.msg.method === 'textDocument/didOpen')
  assert.equal(opened[0].msg.params.textDocument.uri, pathToUri(join(remoteRoot, 'A.lean')))
  // A location into another file of the project comes back as the local file.
  const def = (await c.call('lean.request', { uri: doc.uri, method: 'textDocument/definition', params: { textDocument: { uri: doc.uri }, position: { line: 1, character: 7 } } })) as { targetUri?: string; uri?: string }[]
  assert.equal(def[0].targetUri ?? def[0].uri, pathToUri(h.file('Defs.lean')))
  assert.ok(existsSync(h.file('Defs.lean')))

  // The remote machine goes away in the middle of editing.
  const crashesBefore = c.serverStates().length
  env.remote.child.kill('SIGKILL')
  await c.call('doc.change', { uri: doc.uri, changes: [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }] })
  await waitFor(() => c.serverStates().slice(crashesBefore).includes('restarting'), 'the core to notice the remote is gone', 60_000)
  await c.call('doc.change', { uri: doc.uri, changes: [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 12 } }, text: ' + 1' }] })
  // Back on the same port (with the same token): the core reconnects by itself and re-sends the latest text.
  await restart()
  await waitFor(() => c.serverStates().slice(crashesBefore).includes('running'), 'reconnected', 90_000)
  const after = await c.waitDiagnostics(doc.uri, (m) => m.includes('43'), 60_000)
  assert.deepEqual(after, ['43'], 'the diagnostics match the latest text (the removed example is gone)')
})

test('a remote that stops answering without closing (a machine gone silent) is noticed by the heartbeat', { timeout: 240_000 }, async (t) => {
  const { env, c, doc } = await setUp(t)
  await c.waitServer('running', 60_000)
  await c.waitDiagnostics(doc.uri, (m) => m.includes('42'), 60_000)
  const before = c.serverStates().length
  // Frozen, not dead: the TCP connection stays open, only pongs stop coming.
  env.remote.child.kill('SIGSTOP')
  await waitFor(() => c.serverStates().slice(before).includes('restarting'), 'the missing pong to be noticed', 90_000)
  const lost = c.latest('server')!
  assert.match(lost.detail, /connection to the remote Lean server .* was lost|Cannot reach/)
  env.remote.child.kill('SIGCONT')
  await waitFor(() => c.serverStates().slice(before).includes('running'), 'reconnected after the freeze', 90_000)
  await c.waitDiagnostics(doc.uri, (m) => m.includes('42'), 60_000)
})
