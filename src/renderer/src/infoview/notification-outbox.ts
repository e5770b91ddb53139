// Diagnostics and file progress for the infoview frame leave in a task of their own, only the latest per file:
// serialising a publish of thousands for the frame costs tens of ms, which must not add to the task that received
// it (nor be paid for a publish a newer one already replaced). Anything else sent to the frame flushes what waits
// first, so the frame still sees those in the order they came. Each is a file's whole state (the core accumulates
// Lean's incremental diagnostics; progress is the processing ranges now), so keeping the latest loses nothing.
import { type Scheduler, timeoutScheduler } from '../editor/diagnostic-slices'

export const DIAGNOSTICS = 'textDocument/publishDiagnostics'
export const FILE_PROGRESS = '$/lean/fileProgress'

/** The file a state notification is about, or undefined for any other notification (sent as it comes). */
export function stateKey(method: string, params: unknown): string | undefined {
  const p = params as { uri?: unknown; textDocument?: { uri?: unknown } } | undefined
  if (method === DIAGNOSTICS && typeof p?.uri === 'string') return `${method} ${p.uri}`
  if (method === FILE_PROGRESS && typeof p?.textDocument?.uri === 'string') return `${method} ${p.textDocument.uri}`
  return undefined
}

export class NotificationOutbox {
  private readonly waiting = new Map<string, { method: string; params: unknown }>()
  private cancel: (() => void) | undefined

  constructor(
    private readonly send: (method: string, params: unknown) => void,
    private readonly schedule: Scheduler = timeoutScheduler,
  ) {}

  /** Holds a state notification (the latest per key) until the next task or the next flush. */
  push(key: string, method: string, params: unknown): void {
    this.waiting.delete(key)
    this.waiting.set(key, { method, params })
    this.cancel ??= this.schedule(() => {
      this.cancel = undefined
      this.flush()
    })
  }

  /** Sends what waits, now. */
  flush(): void {
    this.cancel?.()
    this.cancel = undefined
    const all = [...this.waiting.values()]
    this.waiting.clear()
    for (const n of all) this.send(n.method, n.params)
  }

  /** Drops what waits (the frame it was for is gone). */
  clear(): void {
    this.cancel?.()
    this.cancel = undefined
    this.waiting.clear()
  }
}
