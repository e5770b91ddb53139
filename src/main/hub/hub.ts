// Typed channels (DESIGN §3). Subscriptions are filtered, reference-counted per channel (producers can ask
// whether anyone listens before doing work) and disposable. On subscribe the channel's replay provider
// hands the new subscriber the current state, so late or reconnecting subscribers never see stale data.
import type { ChannelFilters, ChannelName, ChannelPayloads } from '../../shared/channels'
import { type Disposable, toDisposable } from '../util/disposable'

type Listener<C extends ChannelName> = (payload: ChannelPayloads[C]) => void
type ReplayProvider<C extends ChannelName> = (filter: ChannelFilters[C]) => ChannelPayloads[C][]

interface Subscriber<C extends ChannelName> {
  filter: ChannelFilters[C]
  listener: Listener<C>
}

export class Hub {
  private readonly subscribers = new Map<ChannelName, Set<Subscriber<ChannelName>>>()
  private readonly replays = new Map<ChannelName, ReplayProvider<ChannelName>>()

  publish<C extends ChannelName>(channel: C, payload: ChannelPayloads[C]): void {
    const subs = this.subscribers.get(channel)
    if (!subs) return
    for (const sub of [...subs]) {
      if (!matches(channel, sub.filter, payload)) continue
      try {
        sub.listener(payload)
      } catch (err) {
        console.error(`channel '${channel}' listener failed`, err)
      }
    }
  }

  subscribe<C extends ChannelName>(channel: C, filter: ChannelFilters[C], listener: Listener<C>): Disposable {
    let subs = this.subscribers.get(channel)
    if (!subs) this.subscribers.set(channel, (subs = new Set()))
    const sub = { filter, listener } as unknown as Subscriber<ChannelName>
    subs.add(sub)
    const replay = this.replays.get(channel) as ReplayProvider<C> | undefined
    if (replay) {
      for (const payload of replay(filter)) {
        if (matches(channel, filter, payload)) listener(payload)
      }
    }
    return toDisposable(() => {
      subs.delete(sub)
      if (subs.size === 0) this.subscribers.delete(channel)
    })
  }

  /** Registers who knows the current state of a channel. */
  setReplay<C extends ChannelName>(channel: C, provider: ReplayProvider<C>): void {
    this.replays.set(channel, provider as unknown as ReplayProvider<ChannelName>)
  }

  /** The current state of a channel for a filter, as a new subscriber would get it, without subscribing. */
  snapshot<C extends ChannelName>(channel: C, filter: ChannelFilters[C]): ChannelPayloads[C][] {
    const replay = this.replays.get(channel) as ReplayProvider<C> | undefined
    return replay ? replay(filter).filter((payload) => matches(channel, filter, payload)) : []
  }

  subscriberCount(channel: ChannelName): number {
    return this.subscribers.get(channel)?.size ?? 0
  }

  /** Is anyone listening for this lsp method (either direction)? Saves forwarding work when not. */
  wantsLsp(method: string, direction: 'server' | 'client'): boolean {
    const subs = this.subscribers.get('lsp')
    if (!subs) return false
    for (const s of subs) {
      const f = s.filter as ChannelFilters['lsp']
      if ((!f.method || f.method === method) && (!f.direction || f.direction === direction)) return true
    }
    return false
  }
}

/** Does a channel payload pass a subscription filter? Keys a channel does not know are ignored. */
export function matches(channel: ChannelName, filter: unknown, payload: unknown): boolean {
  const f = (filter ?? {}) as Record<string, unknown>
  const p = payload as Record<string, unknown>
  switch (channel) {
    case 'diagnostics':
    case 'progress':
      return !f.uri || f.uri === p.uri
    case 'files':
      return !f.root || f.root === p.root
    case 'server':
    case 'tasks':
      return !f.project || f.project === p.project
    case 'lsp':
      return (!f.method || f.method === p.method) && (!f.direction || f.direction === p.direction)
    case 'workspace':
      return true
  }
}
