// One Lean server child process spoken to over stdio with vscode-jsonrpc: spawn, the initialize /
// initialized handshake, answers to server→client requests, and an orderly shutdown that never leaves
// a child behind (shutdown → exit → SIGTERM → SIGKILL of the whole process group).
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import {
  type CancellationToken,
  createMessageConnection,
  type Message,
  type MessageConnection,
  type MessageReader,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node'
import { LeanErrorCodes } from '../../shared/lsp'
import { Emitter } from '../util/disposable'
import { RingBuffer } from './ring-buffer'

export interface LeanProcessOptions {
  command: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  initializeParams: Record<string, unknown>
  /** Keep a log of every message (for "Show Server Log"). */
  logMessages?: boolean
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
  private child: ChildProcessWithoutNullStreams | undefined
  private connection: MessageConnection | undefined
  private exited = false
  private stopping = false
  readonly stderr = new RingBuffer<string>(400)
  readonly messageLog = new RingBuffer<string>(2000)
  readonly onNotification = new Emitter<{ method: string; params: unknown }>()
  /** Server→client requests, after they were answered. */
  readonly onServerRequest = new Emitter<ServerRequestEvent>()
  readonly onExit = new Emitter<ExitInfo>()
  initializeResult: unknown

  constructor(private readonly options: LeanProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid
  }

  get isAlive(): boolean {
    return !!this.child && !this.exited
  }

  /** Spawns and completes the handshake. Rejects (and kills the child) if the server dies or errs first. */
  async start(): Promise<unknown> {
    const [file, ...args] = this.options.command
    const child = spawn(file, args, { cwd: this.options.cwd, env: this.options.env, stdio: 'pipe', detached: true })
    this.child = child
    const exitedEarly = new Promise<never>((_, reject) => {
      child.once('error', (err) => reject(new Error(`Could not start '${file}': ${err.message}`)))
      // 'close' rather than 'exit': by then stderr is fully read, so the message can quote it.
      child.once('close', (code, signal) =>
        reject(new Error(`The Lean server exited during startup (${signal ?? `code ${code}`}).${this.stderrHint()}`)),
      )
    })
    exitedEarly.catch(() => undefined)
    // Give stderr a moment to drain so a crash report quotes the last lines.
    child.on('exit', (code, signal) => {
      // Whatever the server left in its process group (a worker, a build it started) goes with it.
      this.killGroupRemnants(child.pid)
      setTimeout(() => this.handleExit(code, signal), 50)
    })
    child.on('error', () => this.handleExit(null, null))
    // A write after the child died must not crash the app (ERR_STREAM_DESTROYED / EPIPE).
    child.stdin.on('error', () => undefined)
    child.stderr.setEncoding('utf8')
    let partial = ''
    child.stderr.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) this.stderr.push(line)
    })

    const reader = this.wrapReader(new StreamMessageReader(child.stdout))
    const writer = new StreamMessageWriter(child.stdin)
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
    if (!this.child || this.exited) return
    this.stopping = true
    const gone = new Promise<void>((resolve) => this.onExit.event(() => resolve()))
    const timer = setTimeout(() => this.kill('SIGTERM'), graceMs)
    const hardTimer = setTimeout(() => this.kill('SIGKILL'), graceMs * 2)
    try {
      await Promise.race([this.connection?.sendRequest('shutdown'), delay(graceMs)])
      await this.connection?.sendNotification('exit')
      this.child.stdin.end()
    } catch {
      // The server may already be gone; the timers take care of the rest.
    }
    await gone
    clearTimeout(timer)
    clearTimeout(hardTimer)
  }

  /** The group is ours (detached: the server leads it); called right at exit, before the pid can be reused. */
  private killGroupRemnants(pid: number | undefined): void {
    if (!pid) return
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // nothing left in the group
    }
  }

  /** Signals the whole process group (lake serve starts lean as its child). */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    const pid = this.child?.pid
    if (!pid || this.exited) return
    this.stopping = this.stopping || signal !== 'SIGKILL'
    try {
      process.kill(-pid, signal)
    } catch {
      try {
        this.child?.kill(signal)
      } catch {
        // already gone
      }
    }
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
    queueMicrotask(() => this.onServerRequest.fire({ method, params }))
    return answer
  }

  private wrapReader(reader: StreamMessageReader): MessageReader {
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
