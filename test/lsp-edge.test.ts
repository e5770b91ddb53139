// /lsp's edge, frame by frame: the lifecycle Lean enforces, and close codes for frames that are not JSON text.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { startCore, waitFor } from './helpers/core-harness'
import { isAlive } from './helpers/lean-client'
import { openLsp } from './helpers/lsp-ws'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'A.lean': 'theorem a : 1 + 1 = 2 := rfl\n' }

test('initialize first, then initialized: anything else gets -32002 with its id, and the session lives on', async (t) => {
  const h = await startCore({ files: PROJECT, bridge: true })
  t.after(() => h.dispose())
  const c = await openLsp(h)
  const early = await c.request('textDocument/hover', { textDocument: { uri: 'file:///x.lean' }, position: { line: 0, character: 0 } })
  assert.equal(early.error.code, -32002)
  assert.match(early.error.message, /first message must be the initialize request/)
  const noCaps = await c.request('initialize', { processId: null })
  assert.equal(noCaps.error.code, -32602, 'initialize without capabilities would kill Lean')
  const init = await c.request('initialize', { capabilities: {} })
  assert.equal(init.result.serverInfo.name, 'Lean 4 Server')
  const between = await c.request('textDocument/hover', { textDocument: { uri: 'file:///x.lean' }, position: { line: 0, character: 0 } })
  assert.equal(between.error.code, -32002)
  assert.match(between.error.message, /initialized notification/)
  c.send({ jsonrpc: '2.0', method: 'initialized', params: {} })
  const again = await c.request('initialize', { capabilities: {} })
  assert.equal(again.error.code, -32600)
  const unknown = await c.request('lectern/none', {})
  assert.equal(unknown.error.code, -32601, 'a valid request reaches Lean, which answers it')
  c.ws.close()
})

test('binary frames close with 1003, invalid UTF-8 with 1007, oversize frames with 1009; others keep serving', async (t) => {
  const h = await startCore({ files: PROJECT, bridge: true, lsp: { limits: { maxFrameBytes: 64 * 1024 } } })
  t.after(() => h.dispose())
  const survivor = await openLsp(h)
  await survivor.initialize()
  const cases: [string, (ws: import('ws').WebSocket) => void, number][] = [
    ['binary', (ws) => ws.send(Buffer.from('{"jsonrpc":"2.0"}'), { binary: true }), 1003],
    ['invalid UTF-8', (ws) => ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }), 1007],
    ['oversize', (ws) => ws.send(JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { pad: 'y'.repeat(70 * 1024) } })), 1009],
  ]
  const lspPids = async () =>
    ((await (await fetch(`${h.bridge!.origin}/api/sessions?token=${h.bridge!.token}`)).json()) as any[]).filter((s) => s.kind === 'lsp').map((s) => s.pid as number)
  for (const [what, send, code] of cases) {
    const before = await lspPids()
    const c = await openLsp(h)
    await c.initialize()
    const pid = (await lspPids()).find((p) => !before.includes(p))!
    send(c.ws)
    assert.equal((await c.closed).code, code, what)
    await waitFor(() => !isAlive(pid), `the Lean process of the ${what} session to end`)
  }
  const still = await survivor.request('lectern/none', {})
  assert.equal(still.error.code, -32601, 'the other session is untouched')
  survivor.ws.close()
})
