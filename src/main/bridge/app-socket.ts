// The /ws endpoint: the renderer API (the same router Electron's IPC uses) plus channel events, as
// JSON-RPC 2.0 over one WebSocket per renderer.
import { randomUUID } from 'node:crypto'
import type { WebSocket } from 'ws'
import { CHANNEL_EVENT } from '../../shared/api'
import type { ApiRouter, ConnectionContext } from '../api/router'
import { errorMessage } from '../util/errors'
import { errorReply, notification, parseMessage, resultReply } from './json-rpc'

export interface SocketSession {
  id: string
  kind: 'app' | 'lsp'
  project?: string
  pid?: number
  started: number
  lastActivity: number
  /** /lsp only: whether Lean runs under bubblewrap, the limits it runs under, and its traffic. */
  sandboxed?: boolean
  limits?: object
  traffic?: object
}

export function serveAppSocket(socket: WebSocket, router: ApiRouter, session: SocketSession): void {
  const ctx: ConnectionContext = {
    id: `ws-${randomUUID()}`,
    sendEvent: (subscriptionId, channel, payload) => send(notification(CHANNEL_EVENT, { subscriptionId, channel, payload })),
  }
  function send(text: string): void {
    if (socket.readyState === socket.OPEN) socket.send(text)
  }
  socket.on('message', (data, isBinary) => {
    session.lastActivity = Date.now()
    const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString()
    const parsed = parseMessage(text)
    if (parsed.kind === 'invalid') {
      send(errorReply(parsed.id, parsed.code, parsed.message))
      return
    }
    if (parsed.kind === 'notification') return // the API has no notifications; ignore like LSP does
    const { id, method, params } = parsed.msg
    router.dispatch(method, params, ctx).then(
      (result) => send(resultReply(id as number | string, result)),
      (err) => {
        const e = err as { code?: unknown; data?: unknown }
        const code = typeof e.code === 'number' ? e.code : -32603
        send(errorReply(id as number | string, code, errorMessage(err), e.data))
      },
    )
  })
  socket.on('close', () => router.disconnect(ctx))
  socket.on('error', () => socket.terminate())
}
