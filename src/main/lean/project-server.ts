// The Lean server of one project root: a lifecycle state machine (starting → running → crashed →
// restarting … or no-toolchain / stopped) around a LeanProcess, published on the `server` channel.
// Document sync lives in DocumentSync; this class decides when a process exists and what runs it.
import type { ServerEvent, ServerState } from '../../shared/channels'
import type { Hub } from '../hub/hub'
import type { ProjectInfo, ServerCommandPlan } from '../toolchain'
import { describeLakeServeFailure } from '../toolchain'
import { Emitter } from '../util/disposable'
import { errorMessage } from '../util/errors'
import { CrashPolicy, type CrashPolicyOptions } from './crash-policy'
import { LeanProcess } from './lean-process'
import { isRemoteServer } from './transport'
import { describeRemote } from './ws-transport'

export interface ProjectServerOptions {
  project: ProjectInfo
  hub: Hub
  /** Runs toolchain detection (with timeouts) and returns what to spawn. Called on every (re)start. */
  plan: () => Promise<ServerCommandPlan>
  env: NodeJS.ProcessEnv
  initializeParams: Record<string, unknown>
  logMessages: () => boolean
  crashPolicy?: CrashPolicyOptions
}

export class ProjectServer {
  readonly root: string
  private state: ServerState = 'stopped'
  private event: ServerEvent
  private proc: LeanProcess | undefined
  private readonly crashPolicy: CrashPolicy
  /** A remote server out of reach is retried with backoff for as long as it takes: an outage is not a crash loop. */
  private readonly reconnectPolicy: CrashPolicy
  private restartTimer: ReturnType<typeof setTimeout> | undefined
  private lastStderr: string[] = []
  private disposed = false
  /** Fires with the new process once it is initialized (documents are then reopened by DocumentSync). */
  readonly onDidStart = new Emitter<LeanProcess>()
  /** Fires when the running process went away (crash or stop). */
  readonly onDidStop = new Emitter<void>()
  private readyWaiters: { resolve(p: LeanProcess): void; reject(e: Error): void }[] = []

  constructor(private readonly options: ProjectServerOptions) {
    this.root = options.project.root
    this.crashPolicy = new CrashPolicy(options.crashPolicy)
    this.reconnectPolicy = new CrashPolicy({ ...options.crashPolicy, maxCrashes: Number.POSITIVE_INFINITY })
    this.event = { project: this.root, state: 'stopped', detail: 'Not started.' }
  }

  get current(): ServerEvent {
    return this.event
  }

  get process(): LeanProcess | undefined {
    return this.state === 'running' ? this.proc : undefined
  }

  get stderr(): string[] {
    return this.proc ? this.proc.stderr.toArray() : this.lastStderr
  }

  get messageLog(): string[] {
    return this.proc ? this.proc.messageLog.toArray() : []
  }

  /** Resolves with the running process; waits through starting/restarting; rejects if it can't run. */
  whenRunning(timeoutMs = 60_000): Promise<LeanProcess> {
    if (this.state === 'running' && this.proc) return Promise.resolve(this.proc)
    if (this.state === 'no-toolchain' || this.state === 'stopped') return Promise.reject(new Error(this.event.detail))
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject }
      this.readyWaiters.push(waiter)
      setTimeout(() => {
        const i = this.readyWaiters.indexOf(waiter)
        if (i >= 0) {
          this.readyWaiters.splice(i, 1)
          reject(new Error(`The Lean server for ${this.root} is not ready yet (${this.state}).`))
        }
      }, timeoutMs).unref()
    })
  }

  async start(): Promise<void> {
    if (this.disposed || this.state === 'running' || this.state === 'starting') return
    clearTimeout(this.restartTimer)
    this.setState('starting', 'Looking for the Lean toolchain…')
    let plan: ServerCommandPlan
    try {
      plan = await this.options.plan()
    } catch (err) {
      this.fail('no-toolchain', `Toolchain detection failed: ${errorMessage(err)}`)
      return
    }
    if (this.disposed) return
    if (!plan.ok || !plan.command) {
      this.fail('no-toolchain', plan.summary, { fixCommand: plan.fixCommand, toolchain: plan.toolchain })
      return
    }
    const shown = shownCommand(plan.command)
    const remote = isRemoteServer(plan.command) ? shown[0] : undefined
    this.setState('starting', remote ? `Connecting to the remote Lean server at ${remote}…` : `Starting ${shown.join(' ')}…`, {
      command: shown,
      toolchain: plan.toolchain,
      remote,
    })
    let note = ''
    let proc = await this.tryStart(plan.command)
    if (!proc.ok && plan.fallbackCommand) {
      const why = describeLakeServeFailure(proc.stderr.join('\n')) ?? proc.error
      note = `lake serve failed to start (${why}); using lean --server instead.`
      proc = await this.tryStart(plan.fallbackCommand)
    }
    if (this.disposed) {
      if (proc.ok) await proc.process.stop()
      return
    }
    if (!proc.ok) {
      this.lastStderr = proc.stderr
      if (proc.unreachable) this.onUnreachable(proc.error, remote)
      else this.onCrash(`The Lean server failed to start: ${proc.error}`)
      return
    }
    this.reconnectPolicy.reset()
    this.attach(proc.process, proc.command, plan.toolchain, note)
  }

  /** Restart Server: stop the process (if any) and start afresh, forgetting earlier crashes. */
  async restart(): Promise<void> {
    clearTimeout(this.restartTimer)
    // 'restarting', not 'stopped': requests made meanwhile wait for the new process instead of failing.
    this.setState('restarting', 'Restarting the Lean server…')
    await this.stopProcess()
    this.crashPolicy.reset()
    this.reconnectPolicy.reset()
    await this.start()
  }

  async stop(detail = 'Stopped by the user.'): Promise<void> {
    clearTimeout(this.restartTimer)
    await this.stopProcess()
    this.fail('stopped', detail)
  }

  private async stopProcess(): Promise<void> {
    const proc = this.proc
    this.proc = undefined
    if (!proc) return
    this.lastStderr = proc.stderr.toArray()
    await proc.stop()
    this.onDidStop.fire()
  }

  /** A toolchain file or lakefile changed on disk: offer a restart without doing it. */
  suggestRestart(reason: string): void {
    this.publish({ ...this.event, restartSuggested: true, detail: reason })
  }

  async dispose(detail = 'Lectern is shutting down.'): Promise<void> {
    this.disposed = true
    clearTimeout(this.restartTimer)
    await this.stop(detail)
  }

  private async tryStart(
    command: string[],
  ): Promise<{ ok: true; process: LeanProcess; command: string[] } | { ok: false; error: string; stderr: string[]; unreachable?: boolean }> {
    const proc = new LeanProcess({
      command,
      cwd: this.root,
      env: this.options.env,
      initializeParams: this.options.initializeParams,
      logMessages: this.options.logMessages(),
    })
    try {
      await proc.start()
      return { ok: true, process: proc, command }
    } catch (err) {
      return { ok: false, error: errorMessage(err), stderr: proc.stderr.toArray(), unreachable: (err as { unreachable?: boolean }).unreachable }
    }
  }

  private attach(proc: LeanProcess, command: string[], toolchainName: string | undefined, note: string): void {
    this.proc = proc
    const info = proc.initializeResult as { serverInfo?: { version?: string } } | undefined
    proc.onExit.event((exit) => {
      if (this.proc !== proc) return
      this.proc = undefined
      this.lastStderr = proc.stderr.toArray()
      this.onDidStop.fire()
      if (exit.expected) return
      if (proc.remote) return this.onCrash(`The connection to the remote Lean server at ${proc.remote} was lost${exit.code ? ` (${exit.code})` : ''}.`)
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`
      this.onCrash(`The Lean server ${how}.`)
    })
    const toolchain = toolchainName ? ` (${toolchainName})` : ''
    this.setState('running', note || (proc.remote ? `Remote Lean server at ${proc.remote}${toolchain}.` : `Lean server running${toolchain}.`), {
      command: shownCommand(command),
      pid: proc.pid,
      remote: proc.remote,
      toolchain: toolchainName,
      serverVersion: info?.serverInfo?.version,
    })
    this.onDidStart.fire(proc)
    for (const w of this.readyWaiters.splice(0)) w.resolve(proc)
  }

  private onCrash(reason: string): void {
    if (this.disposed) return
    const delay = this.crashPolicy.recordCrash()
    const stderrTail = this.lastStderr.filter((l) => l.trim()).slice(-12)
    const crashes = this.crashPolicy.recentCrashes
    if (delay === undefined) {
      this.fail('stopped', `${reason} It crashed ${crashes} times within a minute, so Lectern stopped restarting it. Fix the cause and press Restart.`, { stderrTail, crashes })
      return
    }
    this.setState('crashed', reason, { stderrTail, crashes })
    this.setState('restarting', `${reason} Restarting in ${(delay / 1000).toFixed(1)} s…`, { stderrTail, crashes })
    this.restartTimer = setTimeout(() => void this.start(), delay)
  }

  private onUnreachable(reason: string, remote: string | undefined): void {
    if (this.disposed) return
    const delay = this.reconnectPolicy.recordCrash() ?? 15_000
    this.setState('restarting', `${reason.replace(/\.?$/, '.')} Retrying in ${(delay / 1000).toFixed(1)} s…`, { remote, command: remote ? [remote] : undefined })
    this.restartTimer = setTimeout(() => void this.start(), delay)
  }

  private fail(state: 'no-toolchain' | 'stopped', detail: string, extra: Partial<ServerEvent> = {}): void {
    this.setState(state, detail, extra)
    for (const w of this.readyWaiters.splice(0)) w.reject(new Error(detail))
  }

  private setState(state: ServerState, detail: string, extra: Partial<ServerEvent> = {}): void {
    this.state = state
    this.publish({ project: this.root, state, detail, ...extra })
  }

  private publish(event: ServerEvent): void {
    this.event = event
    this.options.hub.publish('server', event)
  }
}

/** The command line as shown to the user: a remote server's URL without its token. */
function shownCommand(command: string[]): string[] {
  return isRemoteServer(command) ? [describeRemote(command[0])] : command
}
