// Picks the transport: Electron's preload when present, else the serve-mode WebSocket on this page's host.
import type { Backend } from './backend'
import { IpcBackend } from './ipc-backend'
import { WsBackend } from './ws-backend'

export type { Backend, Disposable, ConnectionState } from './backend'
export { BackendError } from './backend'

/** The per-launch token arrives in the page URL (`?token=`) in serve mode; the server also set it as a cookie. */
function wsUrl(): string {
  const here = new URL(window.location.href)
  const token = here.searchParams.get('token') ?? ''
  const scheme = here.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${here.host}/ws?token=${encodeURIComponent(token)}`
}

export async function createBackend(): Promise<Backend> {
  if (window.lectern) return new IpcBackend(window.lectern)
  return new WsBackend(wsUrl())
}
