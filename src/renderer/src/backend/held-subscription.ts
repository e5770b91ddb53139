// A channel subscription made before the one who listens exists: its events wait, in order, until `attach` hands
// them over. The early start subscribes to `files` before it asks for the first documents, so a change on disk in
// between reaches the workbench instead of being lost.
import type { Disposable } from './backend'

export class HeldSubscription<T> implements Disposable {
  private waiting: T[] = []
  private listener: ((event: T) => void) | undefined
  private readonly subscription: Disposable

  constructor(subscribe: (listener: (event: T) => void) => Disposable) {
    this.subscription = subscribe((event) => {
      if (this.listener) this.listener(event)
      else this.waiting.push(event)
    })
  }

  /** Delivers the events that waited, then every later one, to `listener`; disposing the result unsubscribes. */
  attach(listener: (event: T) => void): Disposable {
    if (this.listener) throw new Error('This subscription already has its listener')
    this.listener = listener
    const waiting = this.waiting
    this.waiting = []
    for (const event of waiting) listener(event)
    return this
  }

  dispose(): void {
    this.subscription.dispose()
    this.waiting = []
    this.listener = undefined
  }
}
