// Backend over the bridge's /ws endpoint (serve mode): JSON-RPC 2.0, reconnects with capped exponential
// backoff + jitter, queues calls while disconnected, and re-subscribes every channel after a reconnect
// (the core replays current state on subscribe, so nothing shown is stale).
import type { ApiMethod, ApiParams, ApiResult, ChannelEventMessage } from '../../../shared/api'
import { CHANNEL_EVENT } from '../../../shared/api'
import type { ChannelFilters, ChannelName, ChannelPayloads } from '../../../shared/channels'
import { type Backend, BackendError, type ConnectionState, type Disposable } from './backend'
import { ChannelListeners, type LocalSubscription } from './channel-listeners'

interface Pending {
  resolve(value: unknown): void
  reject(err: unknown): void
}

const MAX_BACKOFF_MS = 10_000

export class WsBackend implements Backend {
  readonly kind = 'ws' as const
  private socket: WebSocket | undefined
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  /** Requests not yet written to a socket, in call order; they survive a reconnect. */
  private readonly outbox: { id: number; text: string }[] = []
  private readonly listeners = new ChannelListeners()
  private readonly stateListeners = new Set<(s: ConnectionState) => void>()
  private state: ConnectionState = 'connecting'
  private attempts = 0
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined
  private disposed = false

  constructor(private readonly url: string) {
    this.connect()
  }

  get connectionState(): ConnectionState {
    return this.state
  }

  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
    return this.send(method, params) as Promise<ApiResult<M>>
  }

  subscribe<C extends ChannelName>(
    channel: C,
    filter: ChannelFilters[C],
    listener: (payload: ChannelPayloads[C]) => void,
  ): Disposable {
    const sub: LocalSubscription = { channel, filter, listener: listener as (p: unknown) => void, disposed: false }
    this.listeners.add(sub)
    // Until the socket opens, `onopen` subscribes every listener; asking now too would subscribe it twice.
    if (this.state === 'open') this.subscribeRemote(sub)
    return {
      dispose: () => {
        if (sub.disposed) return
        const remoteId = sub.remoteId
        this.listeners.remove(sub)
        if (remoteId && this.state === 'open') {
          void this.send('channel.unsubscribe', { subscriptionId: remoteId }).catch(() => undefined)
        }
      },
    }
  }

  onConnectionState(listener: (state: ConnectionState) => void): Disposable {
    this.stateListeners.add(listener)
    return { dispose: () => this.stateListeners.delete(listener) }
  }

  dispose(): void {
    this.disposed = true
    clearTimeout(this.reconnectTimer)
    this.socket?.close(1000, 'disposed')
    this.rejectAll(new BackendError(-32015, 'Connection closed'))
    this.setState('closed')
  }

  private subscribeRemote(sub: LocalSubscription): void {
    this.send('channel.subscribe', { channel: sub.channel, filter: sub.filter as never }).then(
      (res) => {
        const { subscriptionId } = res as { subscriptionId: string }
        if (sub.disposed) {
          void this.send('channel.unsubscribe', { subscriptionId }).catch(() => undefined)
          return
        }
        this.listeners.bind(sub, subscriptionId)
      },
      (err) => console.error(`Subscribing to '${sub.channel}' failed`, err),
    )
  }

  private send(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++
    const text = JSON.stringify({ jsonrpc: '2.0', id, method, params })
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      if (this.state === 'open' && this.socket) this.socket.send(text)
      else this.outbox.push({ id, text })
    })
  }

  private connect(): void {
    const socket = new WebSocket(this.url)
    this.socket = socket
    socket.onopen = () => {
      this.attempts = 0
      this.setState('open')
      // Re-subscribe first so replays arrive before answers to queued calls that depend on them.
      for (const sub of this.listeners.all) this.subscribeRemote(sub)
      for (const { text } of this.outbox.splice(0)) socket.send(text)
    }
    socket.onmessage = (ev) => this.onMessage(String(ev.data))
    socket.onclose = () => {
      if (this.socket !== socket) return
      this.socket = undefined
      this.listeners.unbindAll()
      // Calls already written to the dead socket cannot be answered any more; unsent ones wait.
      const unsent = new Set(this.outbox.map((m) => m.id))
      for (const [id, p] of this.pending) {
        if (unsent.has(id)) continue
        this.pending.delete(id)
        p.reject(new BackendError(-32015, 'Connection to Lectern was lost; please retry.'))
      }
      if (this.disposed) return
      this.setState('reconnecting')
      const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.attempts++) * (0.75 + Math.random() / 2)
      this.reconnectTimer = setTimeout(() => this.connect(), delay)
    }
  }

  private onMessage(text: string): void {
    let msg: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string; data?: unknown } }
    try {
      msg = JSON.parse(text)
    } catch {
      console.error('Malformed message from Lectern core', text.slice(0, 200))
      return
    }
    if (msg.method === CHANNEL_EVENT) {
      const ev = msg.params as ChannelEventMessage
      this.listeners.deliver(ev.subscriptionId, ev.payload)
      return
    }
    if (typeof msg.id !== 'number') return
    const pending = this.pending.get(msg.id)
    if (!pending) return
    this.pending.delete(msg.id)
    if (msg.error) pending.reject(new BackendError(msg.error.code, msg.error.message, msg.error.data))
    else pending.resolve(msg.result ?? null)
  }

  private rejectAll(err: BackendError): void {
    for (const p of this.pending.values()) p.reject(err)
    this.pending.clear()
    this.outbox.length = 0
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return
    this.state = state
    for (const l of this.stateListeners) l(state)
  }
}
