// A local Lean server: a child process in its own process group, LSP over its stdin/stdout, stderr kept
// line by line for crash reports.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node'
import type { LeanTransport, TransportClosed } from './transport'

export class StdioTransport implements LeanTransport {
  readonly reader: StreamMessageReader
  readonly writer: StreamMessageWriter
  readonly ready: Promise<void>
  private readonly child: ChildProcessWithoutNullStreams
  private closed: TransportClosed | undefined
  private readonly listeners: ((c: TransportClosed) => void)[] = []

  constructor(command: string[], cwd: string, env: NodeJS.ProcessEnv, onStderrLine: (line: string) => void) {
    const [file, ...args] = command
    const child = spawn(file, args, { cwd, env, stdio: 'pipe', detached: true })
    this.child = child
    this.ready = new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve)
      child.once('error', (err) => reject(new Error(`Could not start '${file}': ${err.message}`)))
    })
    this.ready.catch(() => undefined)
    // Usually 'close' (stderr fully read, so a crash report can quote it); 'exit' plus a moment for stderr
    // to drain in case a grandchild still holds the pipes open.
    child.once('close', (code, signal) => this.close({ code, signal }))
    child.once('exit', (code, signal) => {
      // Whatever the server left in its process group (a worker, a build it started) goes with it, right at
      // exit, before the pid can be reused.
      killGroup(child.pid)
      setTimeout(() => this.close({ code, signal }), 50)
    })
    child.once('error', (err) => this.close({ code: null, signal: null, reason: err.message }))
    // A write after the child died must not crash the app (ERR_STREAM_DESTROYED / EPIPE).
    child.stdin.on('error', () => undefined)
    child.stderr.setEncoding('utf8')
    let partial = ''
    child.stderr.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) onStderrLine(line)
    })
    this.reader = new StreamMessageReader(child.stdout)
    this.writer = new StreamMessageWriter(child.stdin)
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  onClose(listener: (c: TransportClosed) => void): void {
    if (this.closed) listener(this.closed)
    else this.listeners.push(listener)
  }

  end(): void {
    this.child.stdin.end()
  }

  /** Signals the whole process group (lake serve starts lean as its child). */
  kill(signal: NodeJS.Signals): void {
    const pid = this.child.pid
    if (!pid || this.closed) return
    try {
      process.kill(-pid, signal)
    } catch {
      try {
        this.child.kill(signal)
      } catch {
        // already gone
      }
    }
  }

  private close(c: TransportClosed): void {
    if (this.closed) return
    this.closed = c
    for (const l of this.listeners.splice(0)) l(c)
  }
}

/** SIGKILL to a process group we lead (detached), ignoring one that is already empty. */
function killGroup(pid: number | undefined): void {
  if (!pid) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // nothing left in the group
  }
}
