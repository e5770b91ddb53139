// The one owner of long-running child processes that are not Lean servers (DESIGN §1 tasks/): Lake builds,
// cache fetches, `lake new`, elan installs. Each runs in its own process group (detached), so Cancel ends the
// whole tree (`lake` → `lean`, `curl`, `leantar`, …) with one signal to the group. Output is split into lines,
// parsed per kind, and published in small batches on the `tasks` channel; the last lines are kept for replay.
import type { ChildProcess } from 'node:child_process'
import type { BuildProblem, TaskEvent, TaskKind, TaskProgress, TaskState } from '../../shared/channels'
import type { Hub } from '../hub/hub'
import { formatCommandLine } from '../toolchain/command-line'
import type { Disposable } from '../util/disposable'
import { errorMessage } from '../util/errors'
import { signalGroup, spawnGroupLeader } from '../util/process-group'

const MAX_KEPT_LINES = 5000
const MAX_KEPT_TASKS = 20
const PUBLISH_EVERY_MS = 50
/** After SIGTERM to the group, how long a process may take to clean up before SIGKILL. */
const KILL_GRACE_MS = 2000
/** After the leader exits, how long a grandchild may keep the pipes open before we stop waiting. */
const CLOSE_GRACE_MS = 300
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g

/** Reads a task's output line by line; knows the shapes one tool prints. */
export interface OutputParser {
  line(text: string): void
  progress(): TaskProgress | undefined
  problems?(): BuildProblem[]
  rebuiltModules?(): string[]
  /** A failure the exit code hides (`curl … | sh` exits 0 when curl fails); one sentence, or undefined. */
  failedAnyway?(): string | undefined
  /** One sentence for the end of the task, from what the tool printed (e.g. "Build completed successfully (3 jobs)."). */
  summary(state: TaskState, exitCode: number | null): string | undefined
}

export interface TaskSpec {
  kind: TaskKind
  project: string
  title: string
  argv: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  parser: OutputParser
  /** Tasks with the same key never run at once (one build per project); a second start is refused. */
  exclusiveKey?: string
  /** Lines shown before the process output, e.g. the exact command. */
  preamble?: string[]
  /** Runs after the process ended, before the final event (e.g. New Project checks what Lake left). */
  finish?: (task: TaskEvent) => Promise<Partial<TaskEvent>> | Partial<TaskEvent>
}

interface RunningTask {
  event: TaskEvent
  spec: TaskSpec
  lines: string[]
  pending: string[]
  partial: { stdout: string; stderr: string }
  child?: ChildProcess
  cancelRequested: boolean
  timer?: ReturnType<typeof setTimeout>
  killTimer?: ReturnType<typeof setTimeout>
  ended: Promise<TaskEvent>
  resolveEnded: (e: TaskEvent) => void
  problemCount: number
}

export class TaskBusyError extends Error {}

export class TaskManager implements Disposable {
  private readonly tasks = new Map<string, RunningTask>()
  private nextId = 1
  private disposed = false

  constructor(private readonly hub: Hub) {
    hub.setReplay('tasks', (filter) =>
      [...this.tasks.values()]
        .filter((t) => !filter.project || filter.project === t.event.project)
        .map((t) => ({ ...this.snapshot(t), output: [...t.lines], fromStart: true })),
    )
  }

  /** Starts a task; throws TaskBusyError when one with the same exclusive key still runs. */
  start(spec: TaskSpec): TaskEvent {
    if (this.disposed) throw new Error('Lectern is shutting down.')
    if (spec.exclusiveKey) {
      const busy = [...this.tasks.values()].find((t) => t.event.state === 'running' && t.spec.exclusiveKey === spec.exclusiveKey)
      if (busy) throw new TaskBusyError(`${busy.event.title} is still running in ${busy.event.project}; wait for it or cancel it first.`)
    }
    const id = `task-${this.nextId++}`
    let resolveEnded!: (e: TaskEvent) => void
    const ended = new Promise<TaskEvent>((r) => (resolveEnded = r))
    const task: RunningTask = {
      event: { id, kind: spec.kind, project: spec.project, title: spec.title, command: formatCommandLine(spec.argv), state: 'running', output: [] },
      spec,
      lines: [],
      pending: [],
      partial: { stdout: '', stderr: '' },
      cancelRequested: false,
      ended,
      resolveEnded,
      problemCount: 0,
    }
    this.tasks.set(id, task)
    this.forgetOldTasks()
    for (const line of spec.preamble ?? [`$ ${task.event.command}`]) this.addLine(task, line, false)
    this.spawn(task)
    this.flush(task)
    return this.snapshot(task)
  }

  /** Ends the task's whole process group: SIGTERM, then SIGKILL after a grace period. */
  cancel(id: string): boolean {
    const task = this.tasks.get(id)
    if (!task || task.event.state !== 'running') return false
    task.cancelRequested = true
    this.addLine(task, '[Cancelled by the user: ending the process group]', false)
    signalGroup(task.child, 'SIGTERM')
    task.killTimer = setTimeout(() => signalGroup(task.child, 'SIGKILL'), KILL_GRACE_MS)
    this.schedule(task)
    return true
  }

  list(): TaskEvent[] {
    return [...this.tasks.values()].map((t) => this.snapshot(t))
  }

  get(id: string): TaskEvent | undefined {
    const t = this.tasks.get(id)
    return t ? this.snapshot(t) : undefined
  }

  /** Resolves with the final event once the task ended (tests, New Project's follow-up). */
  whenEnded(id: string): Promise<TaskEvent> {
    const t = this.tasks.get(id)
    return t ? t.ended : Promise.reject(new Error(`No task ${id}`))
  }

  /** The pid of the group leader (its process group id), while it runs. */
  pidOf(id: string): number | undefined {
    return this.tasks.get(id)?.child?.pid
  }

  dispose(): void {
    this.disposed = true
    for (const t of this.tasks.values()) {
      clearTimeout(t.timer)
      clearTimeout(t.killTimer)
      if (t.event.state === 'running') signalGroup(t.child, 'SIGKILL')
    }
  }

  private spawn(task: RunningTask): void {
    const { spec } = task
    let child: ChildProcess
    try {
      child = spawnGroupLeader(spec.argv, { cwd: spec.cwd, env: spec.env })
    } catch (err) {
      queueMicrotask(() => void this.end(task, null, null, errorMessage(err)))
      return
    }
    task.child = child
    let exited = false
    let closeTimer: ReturnType<typeof setTimeout> | undefined
    let exit: { code: number | null; signal: NodeJS.Signals | null } = { code: null, signal: null }
    const finish = (): void => {
      clearTimeout(closeTimer)
      void this.end(task, exit.code, exit.signal)
    }
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.onData(task, 'stdout', chunk))
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.onData(task, 'stderr', chunk))
    child.on('error', (err) => {
      if (!exited) void this.end(task, null, null, (err as NodeJS.ErrnoException).code === 'ENOENT' ? `${spec.argv[0]} was not found.` : err.message)
    })
    child.on('exit', (code, signal) => {
      exited = true
      exit = { code, signal }
      // Whatever the leader left behind in its group goes with it when the user cancelled.
      if (task.cancelRequested) signalGroup(child, 'SIGKILL')
      closeTimer = setTimeout(finish, CLOSE_GRACE_MS)
    })
    child.on('close', () => {
      if (exited) finish()
    })
  }

  private onData(task: RunningTask, stream: 'stdout' | 'stderr', chunk: string): void {
    // Progress counters end with \r and no \n (Mathlib's cache: "\rDownloaded: …"); each is its own line here.
    const text = task.partial[stream] + chunk
    const parts = text.split(/\r\n|\n|\r/)
    task.partial[stream] = parts.pop() ?? ''
    // A counter redrawn after \r with no newline yet is the current state: show it now, not at the next redraw.
    if (task.partial[stream] !== '' && /\r[^\r\n]+$/.test(text)) {
      parts.push(task.partial[stream])
      task.partial[stream] = ''
    }
    for (const part of parts) this.addLine(task, part, true)
    this.schedule(task)
  }

  private addLine(task: RunningTask, raw: string, parse: boolean): void {
    const line = raw.replace(ANSI_ESCAPE, '')
    if (parse) {
      if (line.trim() === '') return
      try {
        task.spec.parser.line(line)
      } catch (err) {
        console.error('task output parser failed', err)
      }
    }
    task.lines.push(line)
    task.pending.push(line)
    if (task.lines.length > MAX_KEPT_LINES) task.lines.splice(0, task.lines.length - MAX_KEPT_LINES)
  }

  private schedule(task: RunningTask): void {
    if (task.timer) return
    task.timer = setTimeout(() => {
      task.timer = undefined
      this.flush(task)
    }, PUBLISH_EVERY_MS)
  }

  private flush(task: RunningTask): void {
    clearTimeout(task.timer)
    task.timer = undefined
    const output = task.pending
    task.pending = []
    this.hub.publish('tasks', { ...this.snapshot(task), output })
  }

  private async end(task: RunningTask, code: number | null, signal: NodeJS.Signals | null, spawnError?: string): Promise<void> {
    if (task.event.state !== 'running') return
    clearTimeout(task.killTimer)
    for (const stream of ['stdout', 'stderr'] as const) {
      if (task.partial[stream] !== '') this.addLine(task, task.partial[stream], true)
      task.partial[stream] = ''
    }
    const hidden = code === 0 ? task.spec.parser.failedAnyway?.() : undefined
    const state: TaskState = task.cancelRequested ? 'cancelled' : spawnError === undefined && code === 0 && !hidden ? 'done' : 'failed'
    const parsed = hidden ?? task.spec.parser.summary(state, code)
    const ending =
      state === 'cancelled'
        ? `${task.event.title} was cancelled.`
        : spawnError !== undefined
          ? `${task.event.title} could not start: ${spawnError}`
          : state === 'done'
            ? parsed ?? `${task.event.title} finished.`
            : hidden
              ? `${task.event.title} failed: ${hidden}`
              : `${task.event.title} failed (${code !== null ? `exit code ${code}` : `killed by ${signal ?? 'a signal'}`})${parsed ? `: ${parsed}` : '.'}`
    task.event = { ...task.event, state, exitCode: code, detail: ending }
    if (task.spec.finish) {
      try {
        task.event = { ...task.event, ...(await task.spec.finish(this.snapshot(task))) }
      } catch (err) {
        task.event = { ...task.event, detail: `${ending} ${errorMessage(err)}` }
      }
    }
    this.addLine(task, `[${task.event.detail}]`, false)
    this.flush(task)
    task.resolveEnded(this.snapshot(task))
  }

  private snapshot(task: RunningTask): TaskEvent {
    const { parser } = task.spec
    const progress = parser.progress()
    const problems = parser.problems?.()
    const rebuilt = parser.rebuiltModules?.()
    return {
      ...task.event,
      output: [],
      ...(progress ? { progress } : {}),
      ...(problems ? { problems } : {}),
      ...(rebuilt && rebuilt.length ? { rebuiltModules: rebuilt } : {}),
    }
  }

  private forgetOldTasks(): void {
    const ended = [...this.tasks.values()].filter((t) => t.event.state !== 'running')
    for (const t of ended.slice(0, Math.max(0, this.tasks.size - MAX_KEPT_TASKS))) this.tasks.delete(t.event.id)
  }
}
