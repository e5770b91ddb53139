// Applies a long list to the editor in slices, one slice per task, so thousands of diagnostics never freeze the
// page for long: one setModelMarkers of 5,000 is a ~200 ms task, a slice of a few hundred takes a few ms. A newer list restarts the
// slicing from the top; slices an older, longer list filled (even one cut short) are cleared once the newer list is
// all applied, so the editor always converges to the latest list. Pure: the target and the scheduler are injected.

export interface SliceTarget<A, B> {
  /** Show `a` and `b` as slice `index`, replacing what that slice showed. */
  set(index: number, a: A[], b: B[]): void
  /** Empty slice `index`. */
  clear(index: number): void
}

/** Runs `task` later, in a task of its own; returns a cancel function. */
export type Scheduler = (task: () => void) => () => void

export const timeoutScheduler: Scheduler = (task) => {
  const timer = setTimeout(task, 0)
  return () => clearTimeout(timer)
}

export class SlicedApplier<A, B> {
  private job: { a: A[]; b: B[]; next: number } | undefined
  private cancel: (() => void) | undefined
  /** Slices that may hold something: 0 … inUse-1. */
  private inUse = 0

  /**
   * @param budgetMs after a list's first task (one slice), a task goes on to the next slice while it has run less than
   *   this (0: one slice per task), so a fast machine needs few tasks and a slow one still yields often.
   */
  constructor(
    private readonly target: SliceTarget<A, B>,
    private readonly size: number,
    private readonly schedule: Scheduler = timeoutScheduler,
    private readonly budgetMs = 0,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Show `a` and `b` (sliced alike). Short lists are applied at once; longer ones start in a task of their own. */
  update(a: A[], b: B[]): void {
    this.job = { a, b, next: 0 }
    if (Math.max(a.length, b.length) <= this.size) {
      this.stop()
      while (this.job) this.applyNext()
    } else this.scheduleNext()
  }

  /** True while slices of the latest list are still to be applied. */
  get pending(): boolean {
    return this.job !== undefined
  }

  private scheduleNext(): void {
    this.cancel ??= this.schedule(() => {
      this.cancel = undefined
      if (!this.job) return
      const start = this.now()
      // The first task of a list applies one slice: what Monaco does after it (its marker events, in the task's
      // microtasks, outside this budget) runs cold the first time, and costs less on fewer markers.
      const first = this.job.next === 0
      do this.applyNext()
      while (this.job && !first && this.now() - start < this.budgetMs)
      if (this.job) this.scheduleNext()
    })
  }

  private applyNext(): void {
    const job = this.job as NonNullable<SlicedApplier<A, B>['job']>
    const i = job.next++
    const a = job.a.slice(i * this.size, (i + 1) * this.size)
    const b = job.b.slice(i * this.size, (i + 1) * this.size)
    if (a.length || b.length || i < this.inUse) this.target.set(i, a, b)
    // Counted at once: a newer list may cut this one short, and must still clear what this slice shows.
    if (a.length || b.length) this.inUse = Math.max(this.inUse, i + 1)
    if ((i + 1) * this.size < Math.max(job.a.length, job.b.length)) return
    const used = i + 1
    for (let k = used; k < this.inUse; k++) this.target.clear(k)
    this.inUse = Math.min(this.inUse, used)
    this.job = undefined
  }

  private stop(): void {
    this.cancel?.()
    this.cancel = undefined
  }

  /** Stops applying; clears nothing (the owner clears the target). Returns how many slices may hold something. */
  dispose(): number {
    this.stop()
    this.job = undefined
    return this.inUse
  }
}
