// The /lsp endpoint: raw LSP for any client (the seed of a lean4web-style server). Each connection gets
// its own Lean process, which dies with the socket or after the idle timeout. Messages are forwarded as
// they are; only malformed JSON from the client is stopped here (Lean would die on it).
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node'
import type { WebSocket } from 'ws'
import { errorReply } from './json-rpc'
import type { SocketSession } from './app-socket'

export interface LspSessionOptions {
  command: string[]
  cwd: string
  env: NodeJS.ProcessEnv
}

export function serveLspSocket(socket: WebSocket, opts: LspSessionOptions, session: SocketSession, onEnd: () => void): void {
  const [file, ...args] = opts.command
  let child: ChildProcessWithoutNullStreams
  try {
    child = spawn(file, args, { cwd: opts.cwd, env: opts.env, stdio: 'pipe', detached: true })
  } catch (err) {
    socket.close(1011, `Could not start the Lean server: ${(err as Error).message}`.slice(0, 120))
    onEnd()
    return
  }
  session.pid = child.pid
  let ended = false
  const end = () => {
    if (ended) return
    ended = true
    stopChild(child)
    if (socket.readyState === socket.OPEN) socket.close(1000, 'Lean server session ended')
    onEnd()
  }
  child.stdin.on('error', () => undefined)
  child.stderr.resume() // not forwarded as fake JSON-RPC; a client that wants logs reads /api/sessions
  child.on('error', end)
  child.on('exit', end)
  const reader = new StreamMessageReader(child.stdout)
  const writer = new StreamMessageWriter(child.stdin)
  reader.listen((msg) => {
    session.lastActivity = Date.now()
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg))
  })
  socket.on('message', (data) => {
    session.lastActivity = Date.now()
    let msg: unknown
    try {
      msg = JSON.parse(data.toString())
    } catch (err) {
      socket.send(errorReply(null, -32700, `Parse error: ${(err as Error).message}`))
      return
    }
    if (!msg || typeof msg !== 'object' || Array.isArray(msg) || (msg as { jsonrpc?: unknown }).jsonrpc !== '2.0') {
      socket.send(errorReply(null, -32600, 'Expected one JSON-RPC 2.0 message object per frame.'))
      return
    }
    if (!ended) void writer.write(msg as never).catch(() => end())
  })
  socket.on('close', end)
  socket.on('error', end)
}

/** stdin EOF first (Lean exits on it), then signals to the whole process group. */
export function stopChild(child: ChildProcessWithoutNullStreams): void {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.stdin.end()
  const kill = (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
    try {
      process.kill(-child.pid, sig)
    } catch {
      child.kill(sig)
    }
  }
  setTimeout(() => kill('SIGTERM'), 2000).unref()
  setTimeout(() => kill('SIGKILL'), 4000).unref()
}
