// A remote Lean server: another Lectern's /lsp endpoint (ws://host:port/lsp?project=/remote/root&token=…),
// one LSP message per text frame. The `project` folder is the remote root; URIs are mapped between it and the
// local project root in both directions. A ping every few seconds notices a peer that vanished without a
// close (a machine that went away); the socket closing is to LeanProcess what a child exiting is.
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-jsonrpc/node'
import WebSocket from 'ws'
import { RootMapping } from './path-map'
import type { LeanTransport, TransportClosed } from './transport'

export interface WsTransportOptions {
  /** How often to ping; a peer that misses a pong by the next ping is taken for gone. */
  heartbeatMs?: number
  /** How long the WebSocket opening handshake may take. */
  handshakeTimeoutMs?: number
}

/** The URL as shown to the user: no token. */
export function describeRemote(url: string): string {
  const u = new URL(url)
  u.searchParams.delete('token')
  return u.href
}

export class WebSocketTransport implements LeanTransport {
  readonly reader: MessageReader
  readonly writer: MessageWriter
  readonly remote: string
  readonly ready: Promise<void>
  readonly pid = undefined
  readonly mapping: RootMapping
  private readonly socket: WebSocket
  private closed: TransportClosed | undefined
  private readonly listeners: ((c: TransportClosed) => void)[] = []
  private heartbeat: ReturnType<typeof setInterval> | undefined

  constructor(url: string, localRoot: string, options: WsTransportOptions = {}) {
    const parsed = new URL(url)
    this.remote = describeRemote(url)
    this.mapping = new RootMapping(localRoot, parsed.searchParams.get('project') ?? localRoot)
    // A host that accepts TCP but never answers (frozen, or a half-open tunnel) must not hang the connect.
    const socket = new WebSocket(parsed, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024, handshakeTimeout: options.handshakeTimeoutMs ?? 15_000 })
    this.socket = socket
    this.ready = new Promise<void>((resolve, reject) => {
      const unreachable = (why: string) => reject(Object.assign(new Error(`Cannot reach the remote Lean server at ${this.remote}: ${why}`), { unreachable: true }))
      socket.once('open', () => resolve())
      socket.once('unexpected-response', (_req, res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (d: string) => (body += d))
        res.on('end', () => {
          const why = `HTTP ${res.statusCode}${body.trim() ? ` (${body.trim().slice(0, 200)})` : ''}`
          // A refusal is an answer, not an outage: say so (wrong token, project outside its workspace…).
          reject(new Error(`The remote Lean server at ${this.remote} refused the connection: ${why}`))
          this.close({ code: null, signal: null, reason: why })
        })
        res.on('error', () => unreachable(`HTTP ${res.statusCode}`))
      })
      socket.once('error', (err) => unreachable(err.message))
    })
    this.ready.catch(() => undefined)
    socket.on('error', (err) => this.close({ code: null, signal: null, reason: err.message }))
    socket.on('close', (code, reason) => this.close({ code, signal: null, reason: reason.toString() || undefined }))
    this.reader = new FrameReader(socket, this.mapping)
    this.writer = new FrameWriter(socket, this.mapping)
    const heartbeatMs = options.heartbeatMs ?? 10_000
    let answered = true
    socket.on('pong', () => (answered = true))
    socket.once('open', () => {
      this.heartbeat = setInterval(() => {
        if (!answered) return socket.terminate()
        answered = false
        socket.ping()
      }, heartbeatMs)
      this.heartbeat.unref()
    })
  }

  onClose(listener: (c: TransportClosed) => void): void {
    if (this.closed) listener(this.closed)
    else this.listeners.push(listener)
  }

  end(): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close(1000, 'Lectern closed the session')
  }

  kill(): void {
    this.socket.terminate()
  }

  private close(c: TransportClosed): void {
    clearInterval(this.heartbeat)
    if (this.closed) return
    this.closed = c
    for (const l of this.listeners.splice(0)) l(c)
  }
}

class FrameReader extends AbstractMessageReader {
  private callback: DataCallback | undefined

  constructor(socket: WebSocket, mapping: RootMapping) {
    super()
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString()
      let msg: Message
      try {
        msg = JSON.parse(text) as Message
      } catch (err) {
        this.fireError(new Error(`The remote Lean server sent a frame that is not JSON: ${(err as Error).message}`))
        return
      }
      // Most frames mention no file at all; only those that do are walked.
      this.callback?.(text.includes('file:') ? mapping.toLocal(msg) : msg)
    })
    socket.on('close', () => this.fireClose())
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback
    return { dispose: () => (this.callback = undefined) }
  }
}

class FrameWriter extends AbstractMessageWriter {
  constructor(
    private readonly socket: WebSocket,
    private readonly mapping: RootMapping,
  ) {
    super()
  }

  write(msg: Message): Promise<void> {
    if (this.socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error('The connection to the remote Lean server is closed.'))
    const text = JSON.stringify(this.mapping.toRemote(msg))
    return new Promise((resolve, reject) => this.socket.send(text, (err) => (err ? reject(err) : resolve())))
  }

  end(): void {}
}
