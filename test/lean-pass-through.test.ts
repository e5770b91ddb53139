// What a renderer passes through to Lean (lean.request, lean.notify) cannot break the shared session: the real
// watchdog dies on notification params it cannot decode, and initialize/shutdown/document sync are the core's.
// Found by the double's violation check (a release with bad refs killed the server for every tab).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { startCore } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "p"\n' }

test('bad pass-through messages get a clear -32602 and the Lean server lives on', async (t) => {
  const h = await startCore({ files: { ...PROJECT, 'A.lean': 'theorem a : 1 = 1 := by rfl\n' } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('A.lean') })
  const running = await c.waitServer('running')
  await c.waitDiagnostics(doc.uri, (m) => m.length === 0)
  const { sessionId } = await c.call('lean.rpcConnect', { uri: doc.uri })
  const refused = (call: Promise<unknown>, message: RegExp) => assert.rejects(call, (e: any) => e.code === -32602 && message.test(e.message))

  await refused(c.call('lean.notify', { uri: doc.uri, method: '$/lean/rpc/release', params: { uri: doc.uri, sessionId, refs: 'all' } }), /refs: an array/)
  await refused(c.call('lean.notify', { uri: doc.uri, method: '$/lean/rpc/keepAlive', params: { uri: doc.uri, sessionId: 7 } }), /sessionId: decimal string/)
  await refused(c.call('lean.notify', { uri: doc.uri, method: 'textDocument/didOpen', params: { textDocument: { uri: doc.uri, version: 1, text: '' } } }), /Lectern owns document sync/)
  await refused(c.call('lean.request', { uri: doc.uri, method: 'shutdown', params: {} }), /sent by Lectern itself/)
  await refused(c.call('lean.request', { uri: doc.uri, method: 'textDocument/hover', params: 'here' }), /must be an object or an array/)

  // Well-formed ones still go through, to the same server process.
  await c.call('lean.notify', { uri: doc.uri, method: '$/lean/rpc/keepAlive', params: { uri: doc.uri, sessionId } })
  await c.call('lean.notify', { uri: doc.uri, method: '$/lean/rpc/release', params: { uri: doc.uri, sessionId, refs: [] } })
  const hover = await c.call('lean.request', { uri: doc.uri, method: 'textDocument/hover', params: { textDocument: { uri: doc.uri }, position: { line: 0, character: 8 } } })
  assert.match(JSON.stringify(hover), /1 = 1/)
  assert.equal(c.latest('server')?.pid, running.pid)
  assert.deepEqual(c.serverStates().filter((s) => s === 'crashed'), [])
})
