// LSP base protocol over stdio, hand-rolled so that the double sees (and can reject) exactly what the
// client put on the wire. Content-Length is a UTF-8 byte count; outgoing messages are compact JSON
// with only a Content-Length header, like Lean's own writer (lean-protocol.md §3.1).
import { appendFileSync } from 'node:fs'
import type { Readable, Writable } from 'node:stream'

export type Id = number | string

export interface RequestMessage {
  jsonrpc: '2.0'
  id: Id
  method: string
  params?: unknown
}
export interface NotificationMessage {
  jsonrpc: '2.0'
  method: string
  params?: unknown
}
export interface ResponseMessage {
  jsonrpc: '2.0'
  id: Id | null
  result?: unknown
  error?: { code: number; message: string; data?: unknown }
}
export type Message = RequestMessage | NotificationMessage | ResponseMessage

/** Error codes Lean's JSON-RPC decoder knows; any other code in a client response is fatal. */
export const KNOWN_ERROR_CODES = new Set([
  -32700, -32600, -32601, -32602, -32603, -32002, -32001, -32801, -32800, -32900, -32901, -32902,
])

export class MessageLog {
  constructor(private readonly path: string | undefined) {}
  /** `t`: when the message was read or written (ms since the epoch), for benches that time the way to the screen. */
  write(dir: 'in' | 'out', msg: unknown, t = Date.now()): void {
    if (!this.path) return
    try {
      appendFileSync(this.path, JSON.stringify({ dir, t, msg }) + '\n')
    } catch {
      // the log is best effort
    }
  }
}

/** Reads framed messages; calls `onMessage` with the raw parsed JSON, `onFatal` on a framing error. */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0)

  constructor(
    input: Readable,
    private readonly onMessage: (msg: unknown, raw: string) => void,
    private readonly onFatal: (why: string) => void,
    onEnd: () => void,
  ) {
    input.on('data', (chunk: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk
      this.drain()
    })
    input.on('end', onEnd)
    input.on('close', onEnd)
  }

  private drain(): void {
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n')
      if (headerEnd < 0) {
        if (this.buf.length > 64 * 1024) return this.onFatal('header too long or missing \\r\\n\\r\\n')
        return
      }
      const header = this.buf.subarray(0, headerEnd).toString('ascii')
      let length = -1
      for (const line of header.split('\r\n')) {
        const colon = line.indexOf(':')
        if (colon < 0) return this.onFatal(`invalid header line '${line}'`)
        if (line.slice(0, colon).trim().toLowerCase() === 'content-length') {
          const n = Number(line.slice(colon + 1).trim())
          if (!Number.isInteger(n) || n < 0) return this.onFatal(`invalid Content-Length '${line}'`)
          length = n
        }
      }
      if (length < 0) return this.onFatal('missing Content-Length header')
      const bodyStart = headerEnd + 4
      if (this.buf.length < bodyStart + length) return
      const raw = this.buf.subarray(bodyStart, bodyStart + length).toString('utf8')
      this.buf = this.buf.subarray(bodyStart + length)
      let parsed: unknown
      try {
        parsed = JSON.parse(raw)
      } catch (e) {
        return this.onFatal(`cannot parse JSON: ${(e as Error).message}: ${raw.slice(0, 200)}`)
      }
      this.onMessage(parsed, raw)
    }
  }
}

function sortedKeys(_k: string, v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v
  const o = v as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(o).sort()) out[k] = o[k]
  return out
}

export class FrameWriter {
  constructor(
    private readonly out: Writable,
    private readonly log: MessageLog,
  ) {}
  send(msg: Message): void {
    // Lean's JSON objects are ordered maps: keys come out sorted
    const body = JSON.stringify(msg, sortedKeys)
    // Logged after the write (a big message's log line must not delay it), stamped with the time of the write.
    const t = Date.now()
    this.out.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`)
    this.log.write('out', msg, t)
  }
}

export type Classified =
  | { kind: 'request'; msg: RequestMessage }
  | { kind: 'notification'; msg: NotificationMessage }
  | { kind: 'response'; msg: ResponseMessage }
  | { kind: 'invalid'; why: string }

const PARAMS_OPTIONAL = new Set(['shutdown', 'exit', 'initialized'])

/** Classifies a message the way Lean's watchdog does; `invalid` is fatal for the real server. */
export function classify(m: unknown): Classified {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return { kind: 'invalid', why: 'message is not an object' }
  const o = m as Record<string, unknown>
  if (o.jsonrpc !== '2.0') return { kind: 'invalid', why: 'missing "jsonrpc": "2.0"' }
  const hasId = 'id' in o && o.id !== undefined
  if (typeof o.method === 'string') {
    if (hasId && typeof o.id !== 'number' && typeof o.id !== 'string') return { kind: 'invalid', why: 'request id is neither number nor string' }
    const p = o.params
    const okParams = typeof p === 'object' && p !== null
    if (!okParams && !PARAMS_OPTIONAL.has(o.method)) {
      return { kind: 'invalid', why: `Got invalid JSON-RPC message: ${o.method} without object/array params` }
    }
    if (hasId) return { kind: 'request', msg: o as unknown as RequestMessage }
    return { kind: 'notification', msg: o as unknown as NotificationMessage }
  }
  if (!hasId) return { kind: 'invalid', why: 'message has neither method nor id' }
  if ('error' in o && o.error !== undefined) {
    const err = o.error as Record<string, unknown> | null
    if (typeof err !== 'object' || err === null || typeof err.code !== 'number' || typeof err.message !== 'string') {
      return { kind: 'invalid', why: 'malformed error response' }
    }
    if (!KNOWN_ERROR_CODES.has(err.code)) {
      return { kind: 'invalid', why: `error response with an error code Lean does not know: ${err.code}` }
    }
    return { kind: 'response', msg: o as unknown as ResponseMessage }
  }
  if (!('result' in o)) return { kind: 'invalid', why: `response ${JSON.stringify(o.id)} without "result"` }
  return { kind: 'response', msg: o as unknown as ResponseMessage }
}
