// JSON-RPC 2.0 envelope handling for /ws: parse, validate, and build error replies with standard codes.
// Malformed input gets an error reply; the connection lives on.

export interface JsonRpcRequest {
  jsonrpc: '2.0'
  id?: number | string | null
  method: string
  params?: unknown
}

export type Parsed =
  | { kind: 'request'; msg: JsonRpcRequest }
  | { kind: 'notification'; msg: JsonRpcRequest }
  | { kind: 'invalid'; id: number | string | null; code: number; message: string }

export function parseMessage(text: string): Parsed {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { kind: 'invalid', id: null, code: -32700, message: `Parse error: ${(err as Error).message}` }
  }
  if (Array.isArray(value)) return { kind: 'invalid', id: null, code: -32600, message: 'Batch requests are not supported.' }
  if (!value || typeof value !== 'object') return { kind: 'invalid', id: null, code: -32600, message: 'A JSON-RPC message must be an object.' }
  const m = value as Record<string, unknown>
  const id = typeof m.id === 'number' || typeof m.id === 'string' ? m.id : null
  if (m.jsonrpc !== '2.0') return { kind: 'invalid', id, code: -32600, message: "Missing \"jsonrpc\": \"2.0\"." }
  if (typeof m.method !== 'string') return { kind: 'invalid', id, code: -32600, message: 'Missing "method".' }
  if (m.id !== undefined && id === null) return { kind: 'invalid', id: null, code: -32600, message: '"id" must be a number or a string.' }
  const msg = m as unknown as JsonRpcRequest
  return m.id === undefined ? { kind: 'notification', msg } : { kind: 'request', msg }
}

export function errorReply(id: number | string | null, code: number, message: string, data?: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error: data === undefined ? { code, message } : { code, message, data } })
}

export function resultReply(id: number | string, result: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', id, result: result ?? null })
}

export function notification(method: string, params: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', method, params })
}
