// Local fan-out of channel events by subscription id; shared by both backends.
import type { ChannelName } from '../../../shared/channels'

export interface LocalSubscription {
  channel: ChannelName
  filter: unknown
  listener: (payload: unknown) => void
  /** Id the core gave this subscription on the current connection; undefined while (re)subscribing. */
  remoteId?: string
  disposed: boolean
}

export class ChannelListeners {
  private readonly byRemoteId = new Map<string, LocalSubscription>()
  readonly all = new Set<LocalSubscription>()

  add(sub: LocalSubscription): void {
    this.all.add(sub)
  }

  bind(sub: LocalSubscription, remoteId: string): void {
    sub.remoteId = remoteId
    this.byRemoteId.set(remoteId, sub)
  }

  remove(sub: LocalSubscription): void {
    sub.disposed = true
    this.all.delete(sub)
    if (sub.remoteId) this.byRemoteId.delete(sub.remoteId)
  }

  /** Forget remote ids (the connection that issued them is gone). */
  unbindAll(): void {
    this.byRemoteId.clear()
    for (const sub of this.all) sub.remoteId = undefined
  }

  deliver(remoteId: string, payload: unknown): void {
    const sub = this.byRemoteId.get(remoteId)
    if (!sub || sub.disposed) return
    try {
      sub.listener(payload)
    } catch (err) {
      console.error(`Listener for channel '${sub.channel}' failed`, err)
    }
  }
}
