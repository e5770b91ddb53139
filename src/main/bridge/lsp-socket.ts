// The /lsp endpoint's sessions: raw LSP for any client, one Lean process per connection. Frames pass as
// bytes: Lean's bodies go out unchanged as text frames, client frames are checked once (./lsp/edge) and
// written with a Content-Length header. Both directions are bounded: reading Lean's stdout pauses while the
// socket is backed up, reading the socket pauses while Lean's stdin is backed up or the message budget is spent.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import type { WebSocket } from 'ws'
import type { SocketSession } from './app-socket'
import { errorReply } from './json-rpc'
import { LspEdge } from './lsp/edge'
import { ContentLengthReader, contentLengthHeader } from './lsp/framing'
import type { LspLimits } from './lsp/limits'
import { processTreeUsage } from './lsp/proc-tree'

export interface LspSessionOptions {
  /** The full argv, sandbox and limits included. */
  argv: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  limits: LspLimits
}

/** What /api/sessions shows of an /lsp session besides the common fields. */
export interface LspTraffic {
  fromClient: number
  toClient: number
  rejected: number
  /** Bytes sent to the socket and not yet written out. */
  queuedToClient: number
  /** Bytes received from the client and not yet written to Lean. */
  queuedToLean: number
  readingLeanPaused: boolean
  readingClientPaused: boolean
  /** Times reading the socket paused because the message budget was spent. */
  throttled: number
}

export function serveLspSocket(socket: WebSocket, opts: LspSessionOptions, session: SocketSession, onEnd: () => void): void {
  const { limits } = opts
  let child: ChildProcessWithoutNullStreams
  try {
    // Not detached: a new session would also be a new scheduler autogroup on Linux, which costs latency under
    // load; the sandbox gives Lean its own session (bwrap --new-session) and stopChild ends the whole tree.
    child = spawn(opts.argv[0], opts.argv.slice(1), { cwd: opts.cwd, env: opts.env, stdio: 'pipe' })
  } catch (err) {
    closeWith(socket, 1011, `Could not start the Lean server: ${(err as Error).message}`)
    onEnd()
    return
  }
  session.pid = child.pid
  const traffic: LspTraffic = { fromClient: 0, toClient: 0, rejected: 0, queuedToClient: 0, queuedToLean: 0, readingLeanPaused: false, readingClientPaused: false, throttled: 0 }
  session.traffic = traffic
  const started = Date.now()
  const touch = () => (session.lastActivity = Date.now())
  let ended = false
  let clientSentExit = false
  let stderrTail = ''

  const end = (code: number, reason: string) => {
    if (ended) return
    ended = true
    clearInterval(timer)
    clearTimeout(refill)
    stopChild(child)
    closeWith(socket, code, reason)
    onEnd()
  }

  // Lean → client: bodies as they are, paused while the socket holds more than the limit.
  const reader = new ContentLengthReader(limits.maxFrameBytes)
  const sendToClient = (body: Buffer | string) => {
    if (socket.readyState !== socket.OPEN) return
    const size = body.length
    traffic.queuedToClient += size
    socket.send(body, { binary: false }, () => {
      traffic.queuedToClient -= size
      if (traffic.readingLeanPaused && traffic.queuedToClient <= limits.maxQueuedBytes / 2) {
        traffic.readingLeanPaused = false
        child.stdout.resume()
      }
    })
    if (!traffic.readingLeanPaused && traffic.queuedToClient > limits.maxQueuedBytes) {
      traffic.readingLeanPaused = true
      child.stdout.pause()
    }
  }
  child.stdout.on('data', (chunk: Buffer) => {
    let bodies: Buffer[]
    try {
      bodies = reader.push(chunk)
    } catch (err) {
      return end(1011, `The Lean server wrote malformed LSP: ${(err as Error).message}`)
    }
    if (bodies.length) touch()
    for (const body of bodies) {
      traffic.toClient++
      sendToClient(body)
    }
  })
  child.stdin.on('error', () => undefined) // EPIPE after Lean exits; 'close' below reports why
  child.stderr.on('data', (d: Buffer) => (stderrTail = (stderrTail + d.toString('utf8')).slice(-2000)))
  child.on('error', (err) => end(1011, `The Lean server could not run: ${err.message}`))
  child.on('close', (code, signal) => end(...exitReason(code, signal, stderrTail, limits, clientSentExit)))

  // Client → Lean: queued in order, checked, forwarded while Lean's stdin and the message budget allow.
  const edge = new LspEdge()
  const queue: Buffer[] = []
  let stdinBlocked = false
  let tokens = limits.maxMessagesPerSecond
  let lastRefill = started
  let refill: ReturnType<typeof setTimeout> | undefined
  const takeToken = (): boolean => {
    const rate = limits.maxMessagesPerSecond
    if (rate <= 0) return true
    const now = Date.now()
    tokens = Math.min(rate, tokens + ((now - lastRefill) * rate) / 1000)
    lastRefill = now
    if (tokens < 1) return false
    tokens--
    return true
  }
  const pump = () => {
    while (queue.length && !stdinBlocked && !ended) {
      if (!takeToken()) {
        if (!refill) traffic.throttled++
        refill ??= setTimeout(() => ((refill = undefined), pump()), Math.max(1, Math.ceil(1000 / limits.maxMessagesPerSecond)))
        break
      }
      const frame = queue.shift()!
      traffic.queuedToLean -= frame.length
      const verdict = edge.check(frame.toString('utf8'))
      if (!verdict.ok) {
        traffic.rejected++
        sendToClient(errorReply(verdict.id, verdict.code, verdict.message))
        continue
      }
      if (verdict.method === 'exit') clientSentExit = true
      child.stdin.cork()
      child.stdin.write(contentLengthHeader(frame.length))
      child.stdin.write(frame)
      child.stdin.uncork()
      // Our own bound instead of the stream's 16 KiB mark: a deep pipe keeps a pipelining client as fast as stdio.
      if (child.stdin.writableLength > limits.maxQueuedBytes) {
        stdinBlocked = true
        child.stdin.once('drain', () => ((stdinBlocked = false), pump()))
      }
    }
    const backlog = queue.length > 0 || stdinBlocked
    if (backlog !== traffic.readingClientPaused) {
      traffic.readingClientPaused = backlog
      if (backlog) socket.pause()
      else socket.resume()
    }
  }
  socket.on('message', (data, isBinary) => {
    touch()
    if (isBinary) return end(1003, 'Binary frames are not accepted: send each JSON-RPC message as one text frame.')
    const frame = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
    traffic.fromClient++
    traffic.queuedToLean += frame.length
    queue.push(frame)
    pump()
  })
  socket.on('close', () => end(1000, 'Client closed'))
  socket.on('error', () => end(1011, 'Socket error'))

  const every = Math.min(5000, Math.max(20, Math.min(limits.idleMs || Infinity, limits.maxLifeMs || Infinity) / 4))
  const timer = setInterval(() => {
    const now = Date.now()
    if (limits.maxLifeMs > 0 && now - started >= limits.maxLifeMs) return end(1001, `Session lifetime limit reached (${seconds(limits.maxLifeMs)}).`)
    if (limits.idleMs > 0 && now - session.lastActivity >= limits.idleMs) return end(1001, `Idle timeout: no messages for ${seconds(limits.idleMs)}.`)
  }, every)
  timer.unref()
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}

/** Close code and reason when Lean's process ends; a killed or starved process says which limit did it. */
function exitReason(code: number | null, signal: NodeJS.Signals | null, stderr: string, limits: LspLimits, expected: boolean): [number, string] {
  // Through bwrap a signal death arrives as exit status 128 + signal number.
  const sig = signal ?? (code !== null && code > 128 ? signalName(code - 128) : undefined)
  if (/out of memory|bad_alloc|cannot allocate memory/i.test(stderr)) {
    return [1011, `The Lean server ran out of memory${limits.memoryMb ? ` (limit ${limits.memoryMb} MiB)` : ''} and was stopped.`]
  }
  if (sig === 'SIGXCPU') return [1011, `The Lean server used up its CPU-time limit (${limits.cpuSeconds} s) and was stopped.`]
  if (code === 0 || expected) return [1000, 'The Lean server exited.']
  const last = stderr.trim().split('\n').pop() ?? ''
  return [1011, `The Lean server stopped (${sig ? `signal ${sig}` : `exit code ${code}`})${last ? `: ${last}` : '.'}`]
}

function signalName(n: number): NodeJS.Signals | undefined {
  const names: Record<number, NodeJS.Signals> = { 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 15: 'SIGTERM', 24: 'SIGXCPU' }
  return names[n]
}

/** Close reasons are limited to 123 bytes of UTF-8; cut on a character boundary. */
function closeWith(socket: WebSocket, code: number, reason: string): void {
  if (socket.readyState !== socket.OPEN && socket.readyState !== socket.CONNECTING) return
  let r = reason
  while (Buffer.byteLength(r) > 123) r = `${r.slice(0, -2)}…`
  socket.close(code, r)
}

/** stdin EOF first (Lean exits on it), then signals to the whole process tree (file workers included). */
export function stopChild(child: ChildProcessWithoutNullStreams): void {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.stdin.end()
  const kill = (sig: NodeJS.Signals) => {
    // Only while the root lives: its descendants are then ours for sure (no pid reuse), found afresh each time.
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
    for (const pid of processTreeUsage(child.pid)?.pids ?? [child.pid]) {
      try {
        process.kill(pid, sig)
      } catch {
        // already gone
      }
    }
  }
  setTimeout(() => kill('SIGTERM'), 2000).unref()
  setTimeout(() => kill('SIGKILL'), 4000).unref()
}
