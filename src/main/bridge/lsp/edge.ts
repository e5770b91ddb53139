// Validation at the edge of /lsp: every client frame is checked before it reaches Lean, because the real
// server exits on malformed input (lean-protocol.md §3.1: unknown error codes, responses without `result`,
// requests without object/array `params`, notifications whose params do not decode, the wrong first
// messages). A bad frame gets a JSON-RPC error here and never reaches Lean. One JSON.parse per frame; the
// original bytes are what Lean receives.

/** The error codes Lean's JSON-RPC decoder knows (JsonRpc.lean `FromJson ErrorCode`). */
export const LEAN_ERROR_CODES: ReadonlySet<number> = new Set([
  -32700, -32600, -32601, -32602, -32603, -32002, -32001, -32801, -32800, -32900, -32901, -32902,
])
const PARSE_ERROR = -32700
const INVALID_REQUEST = -32600
const INVALID_PARAMS = -32602
const NOT_INITIALIZED = -32002
const PARAMS_OPTIONAL = new Set(['shutdown', 'exit'])

type Id = string | number
type Json = Record<string, unknown>
export type Verdict = { ok: true; method?: string } | { ok: false; id: Id | null; code: number; message: string }

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const isId = (v: unknown): v is Id => typeof v === 'string' || Number.isInteger(v)
const isNat = (v: unknown) => Number.isInteger(v) && (v as number) >= 0
const isPos = (v: unknown) => isObj(v) && isNat(v.line) && isNat(v.character)
const isRange = (v: unknown) => isObj(v) && isPos(v.start) && isPos(v.end)
const hasUri = (v: unknown) => isObj(v) && typeof v.uri === 'string'

/** Why the params of a notification Lean decodes would fail to decode, or undefined when they are fine. */
function notificationProblem(method: string, p: Json): string | undefined {
  switch (method) {
    case 'textDocument/didOpen': {
      const t = p.textDocument
      if (!hasUri(t) || typeof (t as Json).text !== 'string' || !Number.isInteger((t as Json).version) || typeof (t as Json).languageId !== 'string') {
        return 'didOpen needs textDocument {uri, languageId, version, text}'
      }
      const mode = p.dependencyBuildMode
      return mode === undefined || mode === 'always' || mode === 'once' || mode === 'never' ? undefined : 'dependencyBuildMode must be "always", "once" or "never"'
    }
    case 'textDocument/didChange': {
      const t = p.textDocument
      if (!hasUri(t) || ((t as Json).version !== undefined && (t as Json).version !== null && !Number.isInteger((t as Json).version))) return 'didChange needs textDocument {uri, version}'
      if (!Array.isArray(p.contentChanges)) return 'didChange needs a contentChanges array'
      for (const c of p.contentChanges) {
        if (!isObj(c) || typeof c.text !== 'string' || (c.range !== undefined && !isRange(c.range))) return 'each content change needs text and, if given, a valid range'
      }
      return undefined
    }
    case 'textDocument/didClose':
    case 'textDocument/didSave':
      return hasUri(p.textDocument) ? undefined : `${method} needs textDocument.uri`
    case 'workspace/didChangeWatchedFiles':
      return Array.isArray(p.changes) && p.changes.every((c) => hasUri(c) && [1, 2, 3].includes((c as Json).type as number)) ? undefined : 'changes must be [{uri, type 1–3}]'
    case '$/cancelRequest':
      return isId(p.id) ? undefined : '$/cancelRequest needs the id of a request'
    case '$/lean/rpc/keepAlive':
    case '$/lean/rpc/release':
      if (typeof p.uri !== 'string' || !(typeof p.sessionId === 'string' || isNat(p.sessionId))) return `${method} needs uri and sessionId`
      return method === '$/lean/rpc/release' && !Array.isArray(p.refs) ? 'release needs a refs array' : undefined
    default:
      return undefined
  }
}

/** The lifecycle Lean's watchdog enforces: `initialize`, then `initialized`, then anything. */
export class LspEdge {
  private phase: 'new' | 'initializing' | 'running' = 'new'

  check(text: string): Verdict {
    let m: unknown
    try {
      m = JSON.parse(text)
    } catch (err) {
      return fail(null, PARSE_ERROR, `Parse error: ${(err as Error).message}`)
    }
    if (Array.isArray(m)) return fail(null, INVALID_REQUEST, 'Batches are not supported: send one JSON-RPC message per frame.')
    if (!isObj(m)) return fail(null, INVALID_REQUEST, 'A JSON-RPC message must be an object.')
    const id = isId(m.id) ? m.id : null
    if (m.jsonrpc !== '2.0') return fail(id, INVALID_REQUEST, 'Missing "jsonrpc": "2.0".')
    if ('id' in m && id === null) return fail(null, INVALID_REQUEST, '"id" must be a string or an integer.')
    if (m.method === undefined) return this.checkResponse(m, id)
    if (typeof m.method !== 'string') return fail(id, INVALID_REQUEST, '"method" must be a string.')
    return this.checkCall(m.method, m.params, id, 'id' in m)
  }

  private checkCall(method: string, params: unknown, id: Id | null, isRequest: boolean): Verdict {
    const paramsOk = typeof params === 'object' && params !== null
    if (!paramsOk && !(PARAMS_OPTIONAL.has(method) && params === undefined) && !(PARAMS_OPTIONAL.has(method) && params === null)) {
      return fail(id, INVALID_PARAMS, `"${method}" needs object or array params.`)
    }
    if (method === 'exit') return { ok: true, method }
    if (this.phase === 'new') {
      if (method !== 'initialize' || !isRequest) return fail(id, NOT_INITIALIZED, `The first message must be the initialize request, not "${method}".`)
      if (!isObj(params) || !isObj(params.capabilities)) return fail(id, INVALID_PARAMS, 'initialize needs params.capabilities (an object).')
      this.phase = 'initializing'
      return { ok: true, method }
    }
    if (this.phase === 'initializing') {
      if (method !== 'initialized' || isRequest) return fail(id, NOT_INITIALIZED, `After initialize the next message must be the initialized notification, not "${method}".`)
      this.phase = 'running'
      return { ok: true, method }
    }
    if (method === 'initialize' || method === 'initialized') return fail(id, INVALID_REQUEST, `"${method}" was already sent in this session.`)
    if (!isRequest && isObj(params)) {
      const problem = notificationProblem(method, params)
      if (problem) return fail(null, INVALID_PARAMS, `Invalid ${method} params: ${problem}.`)
    }
    return { ok: true, method }
  }

  private checkResponse(m: Json, id: Id | null): Verdict {
    if (id === null) return fail(null, INVALID_REQUEST, 'A message needs "method" (request, notification) or "id" (response).')
    if (this.phase !== 'running') return fail(null, NOT_INITIALIZED, 'A response before the session is initialized.')
    if (m.error !== undefined) {
      const e = m.error
      if (!isObj(e) || !Number.isInteger(e.code) || typeof e.message !== 'string') return fail(null, INVALID_REQUEST, `The error response ${id} needs error {code, message}.`)
      if (!LEAN_ERROR_CODES.has(e.code as number)) {
        return fail(null, INVALID_REQUEST, `The error response ${id} uses code ${e.code}, which Lean does not accept; use one of ${[...LEAN_ERROR_CODES].join(', ')}.`)
      }
      return { ok: true }
    }
    return 'result' in m ? { ok: true } : fail(null, INVALID_REQUEST, `The response ${id} has neither "result" nor "error".`)
  }
}

function fail(id: Id | null, code: number, message: string): Verdict {
  return { ok: false, id, code, message }
}
