// The bridge with real sockets: token, Origin, malformed frames, unknown methods, confinement, /health.
import assert from 'node:assert/strict'
import { after, before, test, type TestContext } from 'node:test'
import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import WebSocket from 'ws'
import { LecternErrorCodes } from '../src/shared/api'
import { type Harness, startCore, waitFor } from './helpers/core-harness'

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

/**
 * The bridge's HTTP server with its own waiting limits raised to ten minutes: a close() that waited for a client
 * to go away would hang (and the test time out), instead of merely being slower.
 */
function patientServer(h2: Harness): Server {
  const server = (h2.bridge as unknown as { server: Server }).server
  server.keepAliveTimeout = 600_000
  server.headersTimeout = 600_000
  server.requestTimeout = 600_000
  return server
}

const connections = (server: Server) => new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)))

/** A second core + bridge for a close() test, disposed by the test, or afterwards if the test failed first. */
async function secondBridge(t: TestContext): Promise<{ h2: Harness; server: Server; dispose(): Promise<void> }> {
  const h2 = await startCore({ files: {}, bridge: true })
  let disposed: Promise<void> | undefined
  const dispose = () => (disposed ??= h2.dispose())
  t.after(dispose)
  return { h2, server: patientServer(h2), dispose }
}

test('close() returns even while a client holds an idle keep-alive connection', { timeout: 60_000 }, async (t) => {
  const { h2, dispose } = await secondBridge(t)
  const { Agent, get } = await import('node:http')
  const agent = new Agent({ keepAlive: true })
  t.after(() => agent.destroy())
  const socket = await new Promise<Socket>((resolve) => {
    const req = get(`${h2.bridge!.origin}/health?token=${h2.bridge!.token}`, { agent }, (res) => res.resume().on('end', () => resolve(req.socket!)))
  })
  const closed = new Promise((r) => socket.once('close', r))
  await dispose()
  await closed // the server ended the idle connection rather than waiting for the client
})

test('close() returns even while a refused upgrade and a half-sent request hold raw sockets open', { timeout: 60_000 }, async (t) => {
  const { h2, server, dispose } = await secondBridge(t)
  const { connect } = await import('node:net')
  const refused = connect(h2.bridge!.port, '127.0.0.1')
  refused.on('error', () => undefined)
  const refusal = new Promise<string>((r) => refused.once('data', (d) => r(String(d))))
  const host = `127.0.0.1:${h2.bridge!.port}` // the bridge's own Host, so the refusal is the token's (401)
  refused.write(`GET /ws HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`)
  const halfSent = connect(h2.bridge!.port, '127.0.0.1')
  halfSent.on('error', () => undefined)
  halfSent.write(`GET /health HTTP/1.1\r\nHost: ${host}\r\n`)
  t.after(() => (refused.destroy(), halfSent.destroy()))
  // The upgrade has been answered (401) and the half-sent request has reached the server before it is asked to close.
  assert.match(await refusal, /^HTTP\/1\.1 401/)
  await waitFor(async () => (await connections(server)) >= 1, 'the server to hold the half-sent request')
  const halfClosed = new Promise((r) => halfSent.once('close', r))
  await dispose()
  await halfClosed
})
