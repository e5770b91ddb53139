// Ownership helpers: everything that listens, subscribes or decorates hands back a Disposable, and whoever
// creates it keeps it in a DisposableStore that it disposes itself.
import type { Disposable } from '../backend/backend'

export type { Disposable }

export function toDisposable(dispose: () => void): Disposable {
  let done = false
  return {
    dispose() {
      if (done) return
      done = true
      dispose()
    },
  }
}

export class DisposableStore implements Disposable {
  private readonly items = new Set<Disposable>()
  private disposed = false

  add<T extends Disposable>(item: T): T {
    if (this.disposed) item.dispose()
    else this.items.add(item)
    return item
  }

  /** Disposes one item now and forgets it. */
  delete(item: Disposable): void {
    if (this.items.delete(item)) item.dispose()
  }

  get isDisposed(): boolean {
    return this.disposed
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    const items = [...this.items].reverse()
    this.items.clear()
    for (const item of items) {
      try {
        item.dispose()
      } catch (err) {
        console.error('Dispose failed', err)
      }
    }
  }
}

/** A typed event source; listeners are Disposables. */
export class Emitter<T = void> implements Disposable {
  private readonly listeners = new Set<(value: T) => void>()

  readonly event = (listener: (value: T) => void): Disposable => {
    this.listeners.add(listener)
    return toDisposable(() => this.listeners.delete(listener))
  }

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value)
      } catch (err) {
        console.error('Listener failed', err)
      }
    }
  }

  dispose(): void {
    this.listeners.clear()
  }
}

/** addEventListener that returns its own remover. */
export function listen<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  handler: (ev: HTMLElementEventMap[K]) => void,
  options?: AddEventListenerOptions,
): Disposable
export function listen<K extends keyof WindowEventMap>(
  target: Window,
  type: K,
  handler: (ev: WindowEventMap[K]) => void,
  options?: AddEventListenerOptions,
): Disposable
export function listen(
  target: EventTarget,
  type: string,
  handler: (ev: Event) => void,
  options?: AddEventListenerOptions,
): Disposable {
  target.addEventListener(type, handler, options)
  return toDisposable(() => target.removeEventListener(type, handler, options))
}
