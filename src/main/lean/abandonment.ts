// Requests in flight per document that Lectern may have to settle itself, because Lean never will (the
// requests a crashed worker queued, once its file is reopened).
import type { Disposable } from '../util/disposable'

interface Tracked extends Disposable {
  /** Rejects when the request is abandoned; never resolves. */
  promise: Promise<never>
}

export class Abandonment {
  private readonly byUri = new Map<string, Set<(err: Error) => void>>()

  track(uri: string): Tracked {
    let reject!: (err: Error) => void
    const promise = new Promise<never>((_, r) => (reject = r))
    promise.catch(() => undefined) // raced; an abandonment nobody awaits any more is not an error
    const set = this.byUri.get(uri) ?? new Set()
    this.byUri.set(uri, set)
    set.add(reject)
    return {
      promise,
      dispose: () => {
        set.delete(reject)
        if (set.size === 0 && this.byUri.get(uri) === set) this.byUri.delete(uri)
      },
    }
  }

  /** Rejects every request in flight for `uri` with `err`. */
  abandon(uri: string, err: Error): void {
    const set = this.byUri.get(uri)
    if (!set) return
    this.byUri.delete(uri)
    for (const reject of set) reject(err)
  }
}
