// State, not a log: per key, the first change is sent at once and later ones as the latest state, at most once per
// interval. Used for what Lean streams while it elaborates (progress, cumulative diagnostics), so the flood never
// reaches the window while the final state always does.
export class LatestThrottle {
  private readonly sentAt = new Map<string, number>()
  private readonly due = new Map<string, ReturnType<typeof setTimeout>>()
  private disposed = false

  constructor(private readonly send: (key: string) => void) {}

  /** The state of `key` changed; `intervalMs` is how long after its last send the next may go. */
  changed(key: string, intervalMs: number): void {
    if (this.due.has(key)) return // the due send carries this latest state
    const wait = intervalMs - (Date.now() - (this.sentAt.get(key) ?? 0))
    if (wait <= 0 || this.disposed) return this.flush(key)
    this.due.set(key, setTimeout(() => this.flush(key), wait))
  }

  /** Sends `key`'s state now (a due send is replaced by this one). */
  flush(key: string): void {
    const due = this.due.get(key)
    if (due) clearTimeout(due)
    this.due.delete(key)
    this.sentAt.set(key, Date.now())
    this.send(key)
  }

  /** Whether a send of `key` is waiting for its interval. */
  pending(key: string): boolean {
    return this.due.has(key)
  }

  forget(key: string): void {
    clearTimeout(this.due.get(key))
    this.due.delete(key)
    this.sentAt.delete(key)
  }

  /** Sends everything held back, and holds nothing back from now on. */
  dispose(): void {
    this.disposed = true
    for (const key of [...this.due.keys()]) this.flush(key)
  }
}
