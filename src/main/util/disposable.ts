// Ownership of subscriptions, timers, watchers and processes: whoever creates one holds its Disposable.

export interface Disposable {
  dispose(): void
}

export function toDisposable(fn: () => void): Disposable {
  let done = false
  return {
    dispose() {
      if (done) return
      done = true
      fn()
    },
  }
}

/** Disposes its members in reverse order of addition. */
export class DisposableStore implements Disposable {
  private items: Disposable[] = []
  private disposed = false

  add<T extends Disposable>(item: T): T {
    if (this.disposed) item.dispose()
    else this.items.push(item)
    return item
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    for (const item of this.items.reverse()) {
      try {
        item.dispose()
      } catch (err) {
        console.error('dispose failed', err)
      }
    }
    this.items = []
  }
}

/** A tiny typed event emitter. */
export class Emitter<T> {
  private listeners = new Set<(value: T) => void>()

  event = (listener: (value: T) => void): Disposable => {
    this.listeners.add(listener)
    return toDisposable(() => this.listeners.delete(listener))
  }

  fire(value: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(value)
      } catch (err) {
        console.error('listener failed', err)
      }
    }
  }

  get size(): number {
    return this.listeners.size
  }
}
