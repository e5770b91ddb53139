// Diagnostics and file progress for the infoview frame leave in a task of their own, only the latest per file:
// serialising a publish of thousands for the frame costs tens of ms, which must not add to the task that received
// it (nor be paid for a publish a newer one already replaced). A long list goes in parts, one per task, which the
// frame joins before the infoview sees the list: one message of thousands would be a long task of its own. Anything
// else sent to the frame flushes what waits first, so the frame still sees those in the order they came. Each is a
// file's whole state (the core accumulates Lean's incremental diagnostics; progress is the processing ranges now),
// so keeping the latest loses nothing.
import { diagnosticsParts } from '../../../shared/diagnostics-parts'
import { type Scheduler, timeoutScheduler } from '../editor/diagnostic-slices'
import { DIAGNOSTICS, type DiagnosticsPart, FILE_PROGRESS } from './protocol'

/** Diagnostics per part sent to the frame (~120 KB of JSON; a few ms to serialise and post). */
export const FRAME_PART_SIZE = 500

/** The file a state notification is about, or undefined for any other notification (sent as it comes). */
export function stateKey(method: string, params: unknown): string | undefined {
  const p = params as { uri?: unknown; textDocument?: { uri?: unknown } } | undefined
  if (method === DIAGNOSTICS && typeof p?.uri === 'string') return `${method} ${p.uri}`
  if (method === FILE_PROGRESS && typeof p?.textDocument?.uri === 'string') return `${method} ${p.textDocument.uri}`
  return undefined
}

export interface OutboxTarget {
  notification(method: string, params: unknown): void
  /** One part of a long diagnostics list (`part.index` 0 … `count - 1`, in order). */
  diagnosticsPart(part: DiagnosticsPart): void
}

type Outgoing = { method: string; params: unknown } | { part: DiagnosticsPart }

/** The publish as a list to send in parts, or undefined for anything that goes whole. */
function longList(method: string, params: unknown, size: number): Omit<DiagnosticsPart, 'part'> | undefined {
  const publish = params as Omit<DiagnosticsPart, 'part'> | undefined
  return method === DIAGNOSTICS && Array.isArray(publish?.diagnostics) && publish.diagnostics.length > size ? publish : undefined
}

export class NotificationOutbox {
  /** Per file and kind, what is still to be sent of its latest state: one notification, or a list's parts. */
  private readonly waiting = new Map<string, Outgoing[]>()
  private cancel: (() => void) | undefined

  constructor(
    private readonly target: OutboxTarget,
    private readonly schedule: Scheduler = timeoutScheduler,
    private readonly partSize = FRAME_PART_SIZE,
  ) {}

  /** Holds a state notification (the latest per key) until the next task or the next flush. */
  push(key: string, method: string, params: unknown): void {
    this.waiting.delete(key)
    const list = longList(method, params, this.partSize)
    // Longer than a part, so every part diagnosticsParts makes carries its `part`.
    const outgoing: Outgoing[] = list ? (diagnosticsParts(list, this.partSize) as DiagnosticsPart[]).map((part) => ({ part })) : [{ method, params }]
    this.waiting.set(key, outgoing)
    this.scheduleNext()
  }

  /** Sends all that waits, now. */
  flush(): void {
    this.cancel?.()
    this.cancel = undefined
    const all = [...this.waiting.values()].flat()
    this.waiting.clear()
    for (const o of all) this.sendOne(o)
  }

  /** Drops what waits (the frame it was for is gone). */
  clear(): void {
    this.cancel?.()
    this.cancel = undefined
    this.waiting.clear()
  }

  private scheduleNext(): void {
    this.cancel ??= this.schedule(() => {
      this.cancel = undefined
      this.sendNext()
    })
  }

  /** One task's worth: the next message of each file, so a long list takes one task per part. */
  private sendNext(): void {
    const next: Outgoing[] = []
    for (const [key, queue] of this.waiting) {
      next.push(queue.shift() as Outgoing)
      if (queue.length === 0) this.waiting.delete(key)
    }
    for (const o of next) this.sendOne(o)
    if (this.waiting.size > 0) this.scheduleNext()
  }

  private sendOne(o: Outgoing): void {
    if ('part' in o) this.target.diagnosticsPart(o.part)
    else this.target.notification(o.method, o.params)
  }
}
