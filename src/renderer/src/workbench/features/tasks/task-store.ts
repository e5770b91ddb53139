// The renderer's view of the `tasks` channel: each task's latest state and its output lines (appended from
// each event, replaced by a replay). Pure: no DOM, so it is tested under Node.
import type { TaskEvent } from '../../../../../shared/channels'
import { Emitter } from '../../disposables'

/** What the Output panel keeps per task; older lines are dropped (the core keeps its own bounded copy). */
export const MAX_OUTPUT_LINES = 5000

export interface TaskRecord {
  event: TaskEvent
  lines: string[]
}

export class TaskStore {
  private readonly records = new Map<string, TaskRecord>()
  private readonly changed = new Emitter<TaskRecord>()
  private readonly ended = new Emitter<TaskEvent>()
  /** Fires with the task that changed (state, progress or output). */
  readonly onDidChange = this.changed.event
  /** Fires once when a task this store saw running reaches done / failed / cancelled. */
  readonly onDidEnd = this.ended.event

  apply(event: TaskEvent): void {
    const prev = this.records.get(event.id)
    const lines = event.fromStart || !prev ? [...event.output] : prev.lines.concat(event.output)
    if (lines.length > MAX_OUTPUT_LINES) lines.splice(0, lines.length - MAX_OUTPUT_LINES)
    const record = { event: { ...event, output: [] }, lines }
    this.records.set(event.id, record)
    this.changed.fire(record)
    if (prev?.event.state === 'running' && event.state !== 'running') this.ended.fire(record.event)
  }

  get(id: string): TaskRecord | undefined {
    return this.records.get(id)
  }

  /** Every task, oldest first (ids grow: task-1, task-2, …). */
  all(): TaskRecord[] {
    return [...this.records.values()].sort((a, b) => taskNumber(a.event.id) - taskNumber(b.event.id))
  }

  /** The newest running task, else the newest one. */
  current(): TaskRecord | undefined {
    const all = this.all()
    return [...all].reverse().find((r) => r.event.state === 'running') ?? all[all.length - 1]
  }

  running(): TaskRecord[] {
    return this.all().filter((r) => r.event.state === 'running')
  }

  dispose(): void {
    this.changed.dispose()
    this.ended.dispose()
    this.records.clear()
  }
}

export function taskNumber(id: string): number {
  return Number(/(\d+)$/.exec(id)?.[1] ?? 0)
}

/** "12/345 · Built Foo" or the text alone; the percentage for a progress bar, or undefined when unknown. */
export function progressText(event: TaskEvent): { text: string; percent?: number } {
  const p = event.progress
  if (event.state !== 'running') return { text: event.detail ?? event.state }
  if (!p) return { text: 'Starting…' }
  if (p.done !== undefined && p.total) {
    return { text: `${p.done}/${p.total} · ${p.text}`, percent: Math.min(100, Math.round((100 * p.done) / p.total)) }
  }
  return { text: p.text }
}
