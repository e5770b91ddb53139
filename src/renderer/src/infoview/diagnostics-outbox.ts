// Diagnostics for the infoview frame leave in a task of their own, only the latest per file: serialising a publish
// of thousands for the frame costs tens of ms, which must not add to the task that received it (nor be paid for a
// publish that a newer one already replaced). Anything else sent to the frame flushes what waits first, so the
// frame still sees notifications in the order they came. Each publish is a file's whole list (the core accumulates
// Lean's incremental ones), so keeping only the latest loses nothing.
import { type Scheduler, timeoutScheduler } from '../editor/diagnostic-slices'

export class DiagnosticsOutbox {
  private readonly waiting = new Map<string, unknown>()
  private cancel: (() => void) | undefined

  constructor(
    private readonly send: (params: unknown) => void,
    private readonly schedule: Scheduler = timeoutScheduler,
  ) {}

  push(uri: string, params: unknown): void {
    this.waiting.delete(uri)
    this.waiting.set(uri, params)
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
    for (const params of all) this.send(params)
  }

  /** Drops what waits (the frame it was for is gone). */
  clear(): void {
    this.cancel?.()
    this.cancel = undefined
    this.waiting.clear()
  }
}
