// When to restart a crashed server and when to give up (DESIGN §4): exponential backoff with jitter,
// and no more retries after `maxCrashes` crashes inside `windowMs`.

export interface CrashPolicyOptions {
  maxCrashes?: number
  windowMs?: number
  baseDelayMs?: number
  maxDelayMs?: number
  random?: () => number
  now?: () => number
}

export class CrashPolicy {
  private crashes: number[] = []
  private readonly maxCrashes: number
  private readonly windowMs: number
  private readonly baseDelayMs: number
  private readonly maxDelayMs: number
  private readonly random: () => number
  private readonly now: () => number

  constructor(opts: CrashPolicyOptions = {}) {
    this.maxCrashes = opts.maxCrashes ?? 5
    this.windowMs = opts.windowMs ?? 60_000
    this.baseDelayMs = opts.baseDelayMs ?? 300
    this.maxDelayMs = opts.maxDelayMs ?? 15_000
    this.random = opts.random ?? Math.random
    this.now = opts.now ?? Date.now
  }

  /** Records a crash; returns the delay before the next attempt, or undefined to stop retrying. */
  recordCrash(): number | undefined {
    const now = this.now()
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs)
    this.crashes.push(now)
    if (this.crashes.length >= this.maxCrashes) return undefined
    const exp = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (this.crashes.length - 1))
    // ±25% jitter so several servers crashing together don't restart in lockstep.
    return Math.round(exp * (0.75 + this.random() * 0.5))
  }

  get recentCrashes(): number {
    const now = this.now()
    return this.crashes.filter((t) => now - t < this.windowMs).length
  }

  reset(): void {
    this.crashes = []
  }
}
