// A minimal /lsp client for tests: raw JSON over a WebSocket, answering the server's requests like an editor.
import WebSocket from 'ws'
import type { Harness } from './core-harness'
import { waitFor } from './core-harness'

export interface LspWs {
  ws: WebSocket
  inbox: any[]
  closed: Promise<{ code: number; reason: string }>
  send(msg: unknown): void
  request(method: string, params: unknown): Promise<any>
  reply(id: number | string): Promise<any>
  initialize(): Promise<any>
}

let nextId = 1

export async function openLsp(h: Harness, query = ''): Promise<LspWs> {
  const b = h.bridge!
  const ws = new WebSocket(`ws://127.0.0.1:${b.port}/lsp?token=${b.token}${query}`, { headers: { Origin: b.origin } })
  const inbox: any[] = []
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString())
    inbox.push(m)
    // Answer server requests (register_lean_watcher, refreshes) as an editor does.
    if (m.method && m.id !== undefined && ws.readyState === ws.OPEN) ws.send(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: null }))
  })
  ws.on('error', () => undefined)
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)))
  })
  const client: LspWs = {
    ws,
    inbox,
    closed,
    send: (msg) => ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg)),
    reply: (id) => waitFor(() => inbox.find((m) => m.id === id && m.method === undefined), `reply to ${id}`, 60_000),
    request(method, params) {
      const id = nextId++
      client.send({ jsonrpc: '2.0', id, method, params })
      return client.reply(id)
    },
    async initialize() {
      const init = await client.request('initialize', { capabilities: {}, initializationOptions: { hasWidgets: true } })
      client.send({ jsonrpc: '2.0', method: 'initialized', params: {} })
      return init
    },
  }
  return client
}

/** The `refused` HTTP status and body of an upgrade that does not open. */
export function refusedUpgrade(h: Harness, query = ''): Promise<{ status: number; body: string }> {
  const b = h.bridge!
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${b.port}/lsp?token=${b.token}${query}`, { headers: { Origin: b.origin } })
    ws.once('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    ws.once('open', () => (ws.close(), reject(new Error('the upgrade was accepted'))))
    ws.once('error', () => undefined)
  })
}
