// A third-party JSON-RPC library (vscode-jsonrpc, as vscode-languageclient uses it) speaking to /lsp through a
// WebSocket adapter: the LSP lifecycle works and the double's diagnostics arrive.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Message } from 'vscode-jsonrpc/node'
import WebSocket from 'ws'
import { startCore, waitFor } from './helpers/core-harness'

/** One JSON-RPC message per text frame, which is all /lsp asks of a client. */
class WsReader extends AbstractMessageReader {
  constructor(private readonly ws: WebSocket) {
    super()
    ws.on('close', () => this.fireClose())
    ws.on('error', (err) => this.fireError(err))
  }
  listen(callback: DataCallback) {
    const on = (data: WebSocket.RawData) => callback(JSON.parse(data.toString()))
    this.ws.on('message', on)
    return { dispose: () => this.ws.off('message', on) }
  }
}

class WsWriter extends AbstractMessageWriter {
  constructor(private readonly ws: WebSocket) {
    super()
  }
  write(msg: Message): Promise<void> {
    return new Promise((resolve, reject) => this.ws.send(JSON.stringify(msg), (err) => (err ? reject(err) : resolve())))
  }
  end(): void {}
}

test('vscode-jsonrpc over a WebSocket adapter gets diagnostics from /lsp', async (t) => {
  const h = await startCore({ files: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'A.lean': '' }, bridge: true })
  t.after(() => h.dispose())
  const b = h.bridge!
  const ws = new WebSocket(`ws://127.0.0.1:${b.port}/lsp?token=${b.token}`, { headers: { Origin: b.origin } })
  await new Promise((r) => ws.once('open', r))
  const conn = createMessageConnection(new WsReader(ws), new WsWriter(ws))
  const published: any[] = []
  conn.onNotification('textDocument/publishDiagnostics', (p) => void published.push(p))
  conn.onRequest(() => null) // client/registerCapability and refresh requests
  conn.listen()
  t.after(() => conn.dispose())
  const init: any = await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })
  assert.equal(init.serverInfo.name, 'Lean 4 Server')
  await conn.sendNotification('initialized', {})
  const uri = `file://${h.file('A.lean')}`
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'lean4', version: 1, text: 'theorem bad : 1 + 1 = 3 := rfl\n' } })
  const diag = await waitFor(() => published.find((p) => p.uri === uri && p.diagnostics.length > 0), 'diagnostics for A.lean')
  assert.match(diag.diagnostics[0].message, /rfl/)
  assert.equal(diag.diagnostics[0].severity, 1)
  ws.close()
})
