// The bridge with real sockets: token, Origin, malformed frames, unknown methods, confinement, /health.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import WebSocket from 'ws'
import { LecternErrorCodes } from '../src/shared/api'
import { type Harness, startCore } from './helpers/core-harness'

let h: Harness
let origin: string
let token: string

before(async () => {
  h = await startCore({ files: { 'A.lean': '#eval 1\n' }, bridge: true, maxPayloadBytes: 64 * 1024 })
  origin = h.bridge!.origin
  token = h.bridge!.token
})
after(() => h.dispose())

function connect(path: string, headers: Record<string, string> = {}): Promise<{ ws?: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${h.bridge!.port}${path}`, { headers })
    ws.once('open', () => resolve({ ws }))
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }))
    ws.once('error', () => undefined)
  })
}

function rpc(ws: WebSocket, text: string): Promise<any> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())))
    ws.send(text)
  })
}

test('HTTP needs the token: 401 without, 200 with; the frame path needs only the frame token', async () => {
  assert.equal((await fetch(`${origin}/health`)).status, 401)
  assert.equal((await fetch(`${origin}/health?token=wrong`)).status, 401)
  const health = await fetch(`${origin}/health`, { headers: { authorization: `Bearer ${token}` } })
  assert.equal(health.status, 200)
  assert.equal((await health.json()).status, 'ok')
  assert.equal((await fetch(`${origin}/api/sessions?token=${token}`)).status, 200)
  assert.equal((await fetch(`${origin}/frame/not-the-token/infoview.html`)).status, 401)
})

test('WebSocket upgrade: no token → 401, foreign Origin → 403, own origin → open', async () => {
  assert.equal((await connect('/ws')).status, 401)
  assert.equal((await connect(`/ws?token=${token}`, { Origin: 'http://evil.example' })).status, 403)
  const { ws } = await connect(`/ws?token=${token}`, { Origin: origin })
  assert.ok(ws)
  ws!.close()
})

test('bad input over /ws gets clear errors and the connection lives on', async () => {
  const { ws } = await connect(`/ws?token=${token}`, { Origin: origin })
  const parse = await rpc(ws!, '{not json')
  assert.equal(parse.error.code, -32700)
  assert.equal((await rpc(ws!, '[1,2]')).error.code, -32600)
  assert.equal((await rpc(ws!, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'no.such' }))).error.code, -32601)
  const badParams = await rpc(ws!, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'workspace.read', params: { path: 42 } }))
  assert.equal(badParams.error.code, -32602)
  const outside = await rpc(ws!, JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'workspace.read', params: { path: '/etc/passwd' } }))
  assert.equal(outside.error.code, LecternErrorCodes.PathOutsideWorkspace)
  const traversal = await rpc(ws!, JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'workspace.read', params: { path: `${h.workspace}/../../etc/passwd` } }))
  assert.equal(traversal.error.code, LecternErrorCodes.PathOutsideWorkspace)
  const ok = await rpc(ws!, JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'workspace.read', params: { path: h.file('A.lean') } }))
  assert.equal(ok.result.text, '#eval 1\n')
  ws!.close()
})

test('an oversized frame closes that socket with 1009; the server keeps serving', async () => {
  const { ws } = await connect(`/ws?token=${token}`, { Origin: origin })
  const code = await new Promise<number>((resolve) => {
    ws!.once('close', (c) => resolve(c))
    ws!.send('x'.repeat(128 * 1024))
  })
  assert.equal(code, 1009)
  assert.equal((await fetch(`${origin}/health?token=${token}`)).status, 200)
})

test('close() returns even while a client holds an idle keep-alive connection', async () => {
  const h2 = await startCore({ files: {}, bridge: true })
  const { Agent, get } = await import('node:http')
  const agent = new Agent({ keepAlive: true })
  await new Promise<void>((resolve) => get(`${h2.bridge!.origin}/health?token=${h2.bridge!.token}`, { agent }, (res) => res.resume().on('end', resolve)))
  const started = Date.now()
  await h2.dispose()
  assert.ok(Date.now() - started < 5000, 'closed promptly')
  agent.destroy()
})

test('close() returns even while a refused upgrade and a half-sent request hold raw sockets open', { timeout: 15_000 }, async () => {
  const h2 = await startCore({ files: {}, bridge: true })
  const { connect } = await import('node:net')
  const refused = connect(h2.bridge!.port, '127.0.0.1')
  refused.on('error', () => undefined)
  refused.write('GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n')
  const halfSent = connect(h2.bridge!.port, '127.0.0.1')
  halfSent.on('error', () => undefined)
  halfSent.write('GET /health HTTP/1.1\r\nHost: x\r\n')
  await new Promise((r) => setTimeout(r, 200))
  const started = Date.now()
  await h2.dispose()
  assert.ok(Date.now() - started < 5000, `closed in ${Date.now() - started} ms`)
  refused.destroy()
  halfSent.destroy()
})
