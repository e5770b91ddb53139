// What a renderer may pass through to Lean with `lean.request` / `lean.notify`. The core owns the session
// (initialize, document sync, shutdown), and the real watchdog dies on params it cannot decode
// (lean-protocol.md §3.1), so anything else is refused here with a clear -32602 before it reaches Lean.
import { INVALID_PARAMS } from '../api/validate'
import { ApiError } from '../util/errors'

/** Requests the core sends itself: a renderer sending them would break the session every tab shares. */
const CORE_OWNED_REQUESTS = new Set(['initialize', 'shutdown'])

/** The notifications the infoview sends (vscode-lean4 sends the same two through `sendClientNotification`). */
const PASS_THROUGH_NOTIFICATIONS = new Set(['$/lean/rpc/release', '$/lean/rpc/keepAlive'])

export function checkClientRequest(method: string, params: unknown): void {
  if (CORE_OWNED_REQUESTS.has(method)) throw new ApiError(INVALID_PARAMS, `'${method}' is sent by Lectern itself, not through lean.request`)
  if (typeof params !== 'object' || params === null) throw new ApiError(INVALID_PARAMS, `'params' of '${method}' must be an object or an array`)
}

export function checkClientNotification(method: string, params: unknown): void {
  if (!PASS_THROUGH_NOTIFICATIONS.has(method)) {
    throw new ApiError(INVALID_PARAMS, `lean.notify forwards only ${[...PASS_THROUGH_NOTIFICATIONS].join(' and ')}, not '${method}' (Lectern owns document sync)`)
  }
  const p = params as Record<string, unknown> | null
  // Lean decodes {uri: string, sessionId: UInt64 as a decimal string, refs?: RpcRef[]}; anything else is fatal to it.
  if (typeof p !== 'object' || p === null || typeof p.uri !== 'string' || typeof p.sessionId !== 'string' || !/^\d+$/.test(p.sessionId)) {
    throw new ApiError(INVALID_PARAMS, `'${method}' needs {uri: string, sessionId: decimal string}`)
  }
  if (method === '$/lean/rpc/release' && (!Array.isArray(p.refs) || p.refs.some((r) => typeof r !== 'object' || r === null))) {
    throw new ApiError(INVALID_PARAMS, `'${method}' needs refs: an array of RPC references`)
  }
}
