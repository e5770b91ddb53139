// The /lsp sandbox for real (bubblewrap): a session's server cannot read outside its project, write to it
// unless allowed, open a socket, see the bridge's environment, or outgrow its memory limit. The same probes
// succeed with the sandbox off, so each check can fail. Where bwrap is missing, /lsp refuses with a reason.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { findBwrap } from '../src/main/bridge/lsp/sandbox'
import { DOUBLE, REPO_ROOT, startCore } from './helpers/core-harness'
import { openLsp, refusedUpgrade } from './helpers/lsp-ws'

const PROBE = join(REPO_ROOT, 'test/fixtures/lsp-probe/probe-server.mjs')
const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'A.lean': 'theorem a : 1 + 1 = 2 := rfl\n' }
const skip = findBwrap() ? false : 'bubblewrap is not installed (apt-get install bubblewrap)'

async function probeSession(sandbox: boolean, extra: { projectWritable?: boolean } = {}) {
  const h = await startCore({
    files: PROJECT,
    bridge: true,
    env: { ...process.env, LECTERN_LEAN_SERVER: PROBE, LECTERN_TEST_SECRET: 'do-not-leak' },
    lsp: { limits: { sandbox, ...extra } },
  })
  const outside = join(h.tmp, 'outside-secret.txt')
  writeFileSync(outside, 'secret')
  const c = await openLsp(h)
  await c.initialize()
  return { h, c, outside }
}

test('sandboxed: no reading outside the project, no writing into it, no sockets, a cleared environment, a private /tmp', { skip }, async (t) => {
  const { h, c, outside } = await probeSession(true)
  t.after(() => h.dispose())
  assert.equal((await c.request('probe/read', { path: h.file('A.lean') })).result.ok, true, 'the project is readable')
  const read = (await c.request('probe/read', { path: outside })).result
  assert.deepEqual(read, { ok: false, error: 'ENOENT' }, 'a file outside the project does not exist in the sandbox')
  assert.equal((await c.request('probe/read', { path: '/etc/hostname' })).result.ok, false)
  const write = (await c.request('probe/write', { path: h.file('B.lean') })).result
  assert.deepEqual(write, { ok: false, error: 'EROFS' }, 'the project is read-only')
  const socket = (await c.request('probe/connect', { host: '127.0.0.1', port: h.bridge!.port })).result
  assert.equal(socket.ok, false, 'no network, not even the bridge on loopback')
  const env = (await c.request('probe/env', {})).result
  assert.equal(env.LECTERN_TEST_SECRET, undefined, 'the environment is cleared')
  assert.equal(env.TMPDIR, '/tmp')
  assert.ok(env.PATH)
  assert.equal((await c.request('probe/write', { path: '/tmp/probe-was-here' })).result.ok, true, 'a private /tmp is writable')
  assert.equal((await c.request('probe/read', { path: join(h.tmp, 'outside-secret.txt') })).result.ok, false)
  const [s] = ((await (await fetch(`${h.bridge!.origin}/api/sessions?token=${h.bridge!.token}`)).json()) as any[]).filter((x) => x.kind === 'lsp')
  assert.equal(s.sandboxed, true)
  c.ws.close()
})

test('the same probes succeed without the sandbox (so the checks above can fail)', async (t) => {
  const { h, c, outside } = await probeSession(false)
  t.after(() => h.dispose())
  assert.deepEqual((await c.request('probe/read', { path: outside })).result, { ok: true, value: 'secret' })
  assert.equal((await c.request('probe/connect', { host: '127.0.0.1', port: h.bridge!.port })).result.ok, true)
  assert.equal((await c.request('probe/env', {})).result.LECTERN_TEST_SECRET, 'do-not-leak')
  c.ws.close()
})

test('sandboxed with the project writable on request', { skip }, async (t) => {
  const { h, c } = await probeSession(true, { projectWritable: true })
  t.after(() => h.dispose())
  assert.equal((await c.request('probe/write', { path: h.file('B.lean') })).result.ok, true)
  c.ws.close()
})

test('a session past its memory limit is stopped, and the close reason says so', { skip, timeout: 120_000 }, async (t) => {
  const h = await startCore({
    files: PROJECT,
    bridge: true,
    env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LEAN_DOUBLE_HOG_MEMORY_ON: '-- hog memory' },
    lsp: { limits: { memoryMb: 1600 } },
  })
  t.after(() => h.dispose())
  const c = await openLsp(h)
  await c.initialize()
  const ok = await c.request('textDocument/hover', { textDocument: { uri: 'file:///none.lean' }, position: { line: 0, character: 0 } })
  assert.equal(ok.error?.code, -32801, 'the double runs under the limit and answers')
  c.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: `file://${h.file('A.lean')}`, languageId: 'lean4', version: 1, text: '-- hog memory\n' } } })
  const closed = await c.closed
  assert.equal(closed.code, 1011)
  assert.match(closed.reason, /ran out of memory \(limit 1600 MiB\)/)
})

test('without bwrap, /health says so and /lsp refuses with that sentence unless the sandbox is turned off', async (t) => {
  const h = await startCore({ files: PROJECT, bridge: true, lsp: { bwrap: '/nonexistent/bwrap' } })
  t.after(() => h.dispose())
  const health = (await (await fetch(`${h.bridge!.origin}/health?token=${h.bridge!.token}`)).json()) as any
  assert.equal(health.lsp.sandbox.available, false)
  assert.match(health.lsp.refusing, /bubblewrap \(bwrap\) was not found.*--lsp-no-sandbox/)
  const refused = await refusedUpgrade(h)
  assert.equal(refused.status, 503)
  assert.equal(refused.body.trim(), health.lsp.refusing)
  await h.core.settings.update({ 'lsp.sandbox': false })
  const c = await openLsp(h)
  assert.equal((await c.initialize()).result.serverInfo.name, 'Lean 4 Server')
  c.ws.close()
})
