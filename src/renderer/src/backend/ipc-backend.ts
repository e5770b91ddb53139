// Backend over Electron IPC: the preload exposes one named function per API method on `window.lectern`
// plus `onChannelEvent`. No raw ipcRenderer ever reaches this page.
import type { ApiMethod, ApiParams, ApiResult, ChannelEventMessage } from '../../../shared/api'
import type { ChannelFilters, ChannelName, ChannelPayloads } from '../../../shared/channels'
import { type Backend, BackendError, type ConnectionState, type Disposable } from './backend'
import { ChannelListeners, type LocalSubscription } from './channel-listeners'

export interface PreloadApi {
  /** One function per API method, named by the method with dots replaced: `app.info` → `app_info`. */
  [fn: string]: unknown
  onChannelEvent(listener: (ev: ChannelEventMessage) => void): () => void
}

declare global {
  interface Window {
    lectern?: PreloadApi
  }
}

export function preloadFunctionName(method: string): string {
  return method.replace(/\./g, '_')
}

export class IpcBackend implements Backend {
  readonly kind = 'ipc' as const
  readonly connectionState: ConnectionState = 'open'
  private readonly listeners = new ChannelListeners()
  private readonly removeEventListener: () => void

  constructor(private readonly api: PreloadApi) {
    this.removeEventListener = api.onChannelEvent((ev) => this.listeners.deliver(ev.subscriptionId, ev.payload))
  }

  async call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
    const fn = this.api[preloadFunctionName(method)] as ((p: unknown) => Promise<{ ok: boolean; result?: unknown; error?: { code: number; message: string; data?: unknown } }>) | undefined
    if (!fn) throw new BackendError(-32601, `The preload does not expose '${method}'`)
    // Errors come back as values: Electron flattens thrown errors to strings and would lose `code`.
    const reply = await fn(params)
    if (!reply.ok) throw new BackendError(reply.error?.code ?? -32603, reply.error?.message ?? 'Unknown error', reply.error?.data)
    return reply.result as ApiResult<M>
  }

  subscribe<C extends ChannelName>(channel: C, filter: ChannelFilters[C], listener: (payload: ChannelPayloads[C]) => void): Disposable {
    const sub: LocalSubscription = { channel, filter, listener: listener as (p: unknown) => void, disposed: false }
    this.listeners.add(sub)
    this.call('channel.subscribe', { channel, filter }).then(
      ({ subscriptionId }) => {
        if (sub.disposed) void this.call('channel.unsubscribe', { subscriptionId })
        else this.listeners.bind(sub, subscriptionId)
      },
      (err) => console.error(`Subscribing to '${channel}' failed`, err),
    )
    return {
      dispose: () => {
        if (sub.disposed) return
        const remoteId = sub.remoteId
        this.listeners.remove(sub)
        if (remoteId) void this.call('channel.unsubscribe', { subscriptionId: remoteId })
      },
    }
  }

  onConnectionState(): Disposable {
    return { dispose: () => undefined }
  }

  dispose(): void {
    this.removeEventListener()
  }
}
