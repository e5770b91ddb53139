// The floor of any WebSocket bridge to a stdio server: a proxy with nothing but framing, in a process of its
// own (no validation, limits, sandbox or sessions). bench/lsp.ts compares /lsp with it as well as with the
// direct pipe, so the table tells the cost of one more process hop apart from the cost of Lectern's bridge.
// Prints {"port": N} once listening.
import { spawn } from 'node:child_process'
import { WebSocketServer } from 'ws'
import { ContentLengthReader, contentLengthHeader } from '../src/main/bridge/lsp/framing'
import { DOUBLE } from '../test/helpers/core-harness'

const cwd = process.argv[2] ?? process.cwd()
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
wss.on('listening', () => process.stdout.write(`${JSON.stringify({ port: (wss.address() as { port: number }).port })}\n`))
wss.on('connection', (ws) => {
  const child = spawn(DOUBLE, [], { stdio: 'pipe', cwd })
  const reader = new ContentLengthReader(64 * 1024 * 1024)
  child.stdout.on('data', (d: Buffer) => {
    for (const body of reader.push(d)) ws.send(body, { binary: false })
  })
  ws.on('message', (data: Buffer) => {
    child.stdin.write(contentLengthHeader(data.length))
    child.stdin.write(data)
  })
  ws.on('close', () => child.stdin.end())
})
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
