// The renderer reaches the core only through this interface. Two implementations:
// IpcBackend (Electron, window.lectern) and WsBackend (/ws, serve mode, reconnecting).
import type { ApiMethod, ApiParams, ApiResult } from '../../../shared/api'
import type { ChannelFilters, ChannelName, ChannelPayloads } from '../../../shared/channels'

export interface Disposable {
  dispose(): void
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed'

/** Rejections from `call` are BackendError: a numeric JSON-RPC `code` and a readable message. */
export class BackendError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message)
    this.name = 'BackendError'
  }
}

export interface Backend {
  readonly kind: 'ipc' | 'ws'
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>>
  /**
   * Subscribe to a channel. The core replays the latest state for the filter at once, and again after a
   * reconnect, so a listener never misses the current diagnostics / progress / server state.
   */
  subscribe<C extends ChannelName>(
    channel: C,
    filter: ChannelFilters[C],
    listener: (payload: ChannelPayloads[C]) => void,
  ): Disposable
  onConnectionState(listener: (state: ConnectionState) => void): Disposable
  readonly connectionState: ConnectionState
  dispose(): void
}
