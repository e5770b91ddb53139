// One Lean server spoken to with vscode-jsonrpc over a transport — a local child process (stdio) or a remote
// server (another Lectern's /lsp over a WebSocket) — the same way: the initialize / initialized handshake,
// answers to server→client requests, and an orderly shutdown that never leaves a child behind
// (shutdown → exit → SIGTERM → SIGKILL of the whole process group; a close frame, then terminate).
import {
  type CancellationToken,
  createMessageConnection,
  type Message,
  type MessageConnection,
  type MessageReader,
  ResponseError,
} from 'vscode-jsonrpc/node'
import { LeanErrorCodes } from '../../shared/lsp'
import { Emitter } from '../util/disposable'
import { RingBuffer } from './ring-buffer'
import { StdioTransport } from './stdio-transport'
import { isRemoteServer, type LeanTransport } from './transport'
import { WebSocketTransport } from './ws-transport'

export interface LeanProcessOptions {
  command: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  initializeParams: Record<string, unknown>
  /** Keep a log of every message (for "Show Server Log"). */
  logMessages?: boolean
  /** Ping interval for a remote server's socket. */
  remoteHeartbeatMs?: number
}

export interface ServerRequestEvent {
  method: string
  params: unknown
}

export interface ExitInfo {
  code: number | null
  signal: NodeJS.Signals | null
  /** True when we asked it to stop. */
  expected: boolean
}

const SHUTDOWN_GRACE_MS = 2000

export class LeanProcess {
  private transport: LeanTransport | undefined
  private connection: MessageConnection | undefined
  private exited = false
  private stopping = false
  readonly stderr = new RingBuffer<string>(400)
  readonly messageLog = new RingBuffer<string>(2000)
  readonly onNotification = new Emitter<{ method: string; params: unknown }>()
  /** Server→client requests, after they were answered. */
  readonly onServerRequest = new Emitter<ServerRequestEvent>()
  readonly onExit = new Emitter<ExitInfo>()
  /** Every `client/(un)registerCapability` so far, in order: the server may register before anyone listens. */
  readonly capabilityRequests: ServerRequestEvent[] = []
  initializeResult: unknown

  constructor(private readonly options: LeanProcessOptions) {}

  get pid(): number | undefined {
    return this.transport?.pid
  }

  /** Where a remote server runs (URL without token); undefined for a local process. */
  get remote(): string | undefined {
    return this.transport?.remote
  }

  get isAlive(): boolean {
    return !!this.transport && !this.exited
  }

  /**
   * Starts the server (spawns it, or connects to a remote one) and completes the handshake. Rejects, and ends
   * the transport, if the server dies or errs first; the error has `unreachable` for a remote out of reach.
   */
  async start(): Promise<unknown> {
    const { command, cwd, env } = this.options
    const transport: LeanTransport = isRemoteServer(command)
      ? new WebSocketTransport(command[0], cwd, { heartbeatMs: this.options.remoteHeartbeatMs })
      : new StdioTransport(command, cwd, env, (line) => this.stderr.push(line))
    this.transport = transport
    const exitedEarly = new Promise<never>((_, reject) => {
      // Until the transport is up, its own rejection says best what went wrong (not found, unreachable, refused).
      let up = false
      transport.ready.then(() => (up = true), reject)
      transport.onClose(({ code, signal, reason }) => {
        if (!up) return
        const how = transport.remote
          ? `The remote Lean server at ${transport.remote} closed the connection during startup${code ? ` (${code}${reason ? `: ${reason}` : ''})` : ''}.`
          : `The Lean server exited during startup (${signal ?? `code ${code}`}).`
        reject(new Error(`${how}${this.stderrHint()}`))
      })
    })
    exitedEarly.catch(() => undefined)
    transport.onClose(({ code, signal, reason }) => {
      if (reason && transport.remote) this.stderr.push(`[lectern] connection to ${transport.remote} closed: ${reason}`)
      this.handleExit(code, signal)
    })

    const reader = this.wrapReader(transport.reader)
    const writer = transport.writer
    const connection = createMessageConnection(reader, writer)
    this.connection = connection
    if (this.options.logMessages) {
      const write = writer.write.bind(writer)
      writer.write = (msg: Message) => {
        this.messageLog.push(JSON.stringify({ time: Date.now(), direction: 'out', msg }))
        return write(msg)
      }
    }
    connection.onRequest((method, params) => this.answerServerRequest(method, params))
    connection.onNotification((method, params) => this.onNotification.fire({ method, params }))
    connection.onError(([err]) => this.stderr.push(`[lectern] LSP stream error: ${err.message}`))
    connection.listen()

    const handshake = (async () => {
      await transport.ready
      const result = await connection.sendRequest('initialize', this.options.initializeParams)
      // `initialized` must be the very next message or the watchdog dies (lean-protocol.md §3.2).
      await connection.sendNotification('initialized', {})
      return result
    })()
    try {
      this.initializeResult = await Promise.race([handshake, exitedEarly])
    } catch (err) {
      this.kill()
      throw err
    }
    return this.initializeResult
  }

  sendRequest(method: string, params: unknown, token?: CancellationToken): Promise<unknown> {
    if (!this.connection || this.exited) return Promise.reject(new ResponseError(LeanErrorCodes.WorkerCrashed, 'The Lean server is not running.'))
    return this.connection.sendRequest(method, params, token)
  }

  async sendNotification(method: string, params: unknown): Promise<void> {
    if (!this.connection || this.exited) return
    try {
      await this.connection.sendNotification(method, params)
    } catch (err) {
      this.stderr.push(`[lectern] could not send ${method}: ${(err as Error).message}`)
    }
  }

  /** shutdown → exit, then signals after a grace period. Resolves once the child is gone. */
  async stop(graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
    if (!this.transport || this.exited) return
    this.stopping = true
    const gone = new Promise<void>((resolve) => this.onExit.event(() => resolve()))
    const timer = setTimeout(() => this.kill('SIGTERM'), graceMs)
    const hardTimer = setTimeout(() => this.kill('SIGKILL'), graceMs * 2)
    try {
      await Promise.race([this.connection?.sendRequest('shutdown'), delay(graceMs)])
      await this.connection?.sendNotification('exit')
      this.transport?.end()
    } catch {
      // The server may already be gone; the timers take care of the rest.
    }
    await gone
    clearTimeout(timer)
    clearTimeout(hardTimer)
  }

  /** Signals the whole process group (lake serve starts lean as its child), or drops a remote connection. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (!this.transport || this.exited) return
    this.stopping = this.stopping || signal !== 'SIGKILL'
    this.transport.kill(signal)
  }

  private async answerServerRequest(method: string, params: unknown): Promise<unknown> {
    // Lean ignores these answers, but it must get one, with `result` present (lean-protocol.md §3.1).
    const answer = (() => {
      switch (method) {
        case 'client/registerCapability':
        case 'client/unregisterCapability':
        case 'workspace/semanticTokens/refresh':
        case 'workspace/inlayHint/refresh':
        case 'workspace/codeLens/refresh':
        case 'workspace/diagnostic/refresh':
        case 'window/workDoneProgress/create':
          return null
        case 'window/showDocument':
          return { success: false }
        case 'workspace/applyEdit':
          return { applied: false, failureReason: 'Lectern applies server edits through code actions only.' }
        default:
          // -32601 is one of the codes Lean can parse; anything else would kill the server.
          return new ResponseError(LeanErrorCodes.MethodNotFound, `Lectern does not handle '${method}'`)
      }
    })()
    if (method === 'client/registerCapability' || method === 'client/unregisterCapability') this.capabilityRequests.push({ method, params })
    queueMicrotask(() => this.onServerRequest.fire({ method, params }))
    return answer
  }

  private wrapReader(reader: MessageReader): MessageReader {
    if (!this.options.logMessages) return reader
    const listen = reader.listen.bind(reader)
    reader.listen = (callback) =>
      listen((msg) => {
        this.messageLog.push(JSON.stringify({ time: Date.now(), direction: 'in', msg }))
        callback(msg)
      })
    return reader
  }

  private handleExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exited) return
    this.exited = true
    this.connection?.dispose()
    this.onExit.fire({ code, signal, expected: this.stopping })
  }

  private stderrHint(): string {
    const tail = this.stderr.toArray().slice(-5).join('\n').trim()
    return tail ? `\n${tail}` : ''
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
