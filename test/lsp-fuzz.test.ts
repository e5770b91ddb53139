// Fuzzing /lsp's edge: seeded frames of every malformed kind Lean dies on, mixed with valid traffic, over
// initialized sessions against the Lean double (which exits like Lean on each of them). Afterwards every
// session still answers, every bad frame was answered with an error, and no process is left behind.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { processTreeUsage } from '../src/main/bridge/lsp/proc-tree'
import { startCore, waitFor } from './helpers/core-harness'
import { isAlive } from './helpers/lean-client'
import { type LspWs, openLsp } from './helpers/lsp-ws'

const SEED = Number(process.env.FUZZ_SEED ?? 20261127)
const SESSIONS = 8
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000)

function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Frame {
  text: string
  kind: string
  /** The id the error reply must carry (null when the frame has no usable id); undefined for valid frames. */
  errorId?: number | string | null
}

/** The malformed kinds (each kills real Lean) and the valid kinds, by name. */
function makeGenerators(uri: string, state: { version: number; id: number }) {
  const j = (o: unknown) => JSON.stringify(o)
  const id = () => state.id++
  const pos = { line: 0, character: 8 }
  const hover = (i: number) => ({ jsonrpc: '2.0', id: i, method: 'textDocument/hover', params: { textDocument: { uri }, position: pos } })
  const bad: Record<string, () => Frame> = {
    truncated: () => {
      const t = j(hover(id()))
      return { text: t.slice(0, 1 + Math.floor(t.length / 2)), kind: 'truncated', errorId: null }
    },
    notJson: () => ({ text: 'Content-Length: 2\r\n\r\n{}', kind: 'notJson', errorId: null }),
    requestWithoutParams: () => {
      const i = id()
      return { text: j({ jsonrpc: '2.0', id: i, method: 'textDocument/hover' }), kind: 'requestWithoutParams', errorId: i }
    },
    notificationWithoutParams: () => ({ text: j({ jsonrpc: '2.0', method: 'textDocument/didChange' }), kind: 'notificationWithoutParams', errorId: null }),
    stringParams: () => {
      const i = id()
      return { text: j({ jsonrpc: '2.0', id: i, method: 'textDocument/hover', params: 'x' }), kind: 'stringParams', errorId: i }
    },
    jsonrpc1: () => {
      const i = id()
      return { text: j({ jsonrpc: '1.0', id: i, method: 'textDocument/hover', params: {} }), kind: 'jsonrpc1', errorId: i }
    },
    noJsonrpc: () => ({ text: j({ method: '$/cancelRequest', params: { id: 1 } }), kind: 'noJsonrpc', errorId: null }),
    objectId: () => ({ text: j({ jsonrpc: '2.0', id: { a: 1 }, method: 'textDocument/hover', params: {} }), kind: 'objectId', errorId: null }),
    nullId: () => ({ text: j({ jsonrpc: '2.0', id: null, method: 'textDocument/hover', params: {} }), kind: 'nullId', errorId: null }),
    floatId: () => ({ text: j({ jsonrpc: '2.0', id: 1.5, method: 'textDocument/hover', params: {} }), kind: 'floatId', errorId: null }),
    unknownErrorCode: () => ({ text: j({ jsonrpc: '2.0', id: 7, error: { code: -32803, message: 'RequestFailed' } }), kind: 'unknownErrorCode', errorId: null }),
    cancelledCode: () => ({ text: j({ jsonrpc: '2.0', id: 'register_lean_watcher', error: { code: -32802, message: 'x' } }), kind: 'cancelledCode', errorId: null }),
    errorWithoutMessage: () => ({ text: j({ jsonrpc: '2.0', id: 3, error: { code: -32603 } }), kind: 'errorWithoutMessage', errorId: null }),
    responseWithoutResult: () => ({ text: j({ jsonrpc: '2.0', id: 5 }), kind: 'responseWithoutResult', errorId: null }),
    batch: () => ({ text: j([hover(id())]), kind: 'batch', errorId: null }),
    scalar: () => ({ text: ['1', '"x"', 'null', 'true'][state.id % 4], kind: 'scalar', errorId: null }),
    methodNotString: () => {
      const i = id()
      return { text: j({ jsonrpc: '2.0', id: i, method: 42, params: {} }), kind: 'methodNotString', errorId: i }
    },
    didOpenWithoutText: () => ({ text: j({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'lean4', version: 1 } } }), kind: 'didOpenWithoutText', errorId: null }),
    badBuildMode: () => ({
      text: j({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: `${uri}x`, languageId: 'lean4', version: 1, text: '' }, dependencyBuildMode: 'sometimes' } }),
      kind: 'badBuildMode',
      errorId: null,
    }),
    badRange: () => ({
      text: j({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: 99 }, contentChanges: [{ range: { start: { line: -1 } }, text: 'x' }] } }),
      kind: 'badRange',
      errorId: null,
    }),
    secondInitialize: () => {
      const i = id()
      return { text: j({ jsonrpc: '2.0', id: i, method: 'initialize', params: { capabilities: {} } }), kind: 'secondInitialize', errorId: i }
    },
    secondInitialized: () => ({ text: j({ jsonrpc: '2.0', method: 'initialized', params: {} }), kind: 'secondInitialized', errorId: null }),
  }
  const good: Record<string, () => Frame> = {
    hover: () => ({ text: j(hover(id())), kind: 'hover' }),
    unknownMethod: () => ({ text: j({ jsonrpc: '2.0', id: `s${id()}`, method: 'lectern/noSuchMethod', params: [] }), kind: 'unknownMethod' }),
    cancel: () => ({ text: j({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: state.id - 1 } }), kind: 'cancel' }),
    didChange: () => {
      state.version++
      const text = `theorem t${state.version} : 1 + 1 = 2 := rfl\n`
      return { text: j({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: state.version }, contentChanges: [{ text }] } }), kind: 'didChange' }
    },
    knownErrorResponse: () => ({ text: j({ jsonrpc: '2.0', id: 9999, error: { code: -32601, message: 'not handled' } }), kind: 'knownErrorResponse' }),
    shutdownStyleNullParams: () => ({ text: j({ jsonrpc: '2.0', method: '$/lean/rpc/keepAlive', params: { uri, sessionId: '1' } }), kind: 'keepAlive' }),
  }
  return { bad, good }
}

test(`fuzz: ${FRAMES} seeded frames over ${SESSIONS} initialized /lsp sessions; every session survives`, { timeout: 600_000 }, async (t) => {
  const h = await startCore({ files: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'A.lean': 'theorem a : 1 + 1 = 2 := rfl\n' }, bridge: true })
  t.after(() => h.dispose())
  const uri = `file://${h.file('A.lean')}`
  const random = rng(SEED)
  // One after another, so the bridge lists the sessions in the clients' order.
  const clients: LspWs[] = []
  for (let i = 0; i < SESSIONS; i++) clients.push(await openLsp(h))
  for (const c of clients) {
    await c.initialize()
    c.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'lean4', version: 1, text: 'theorem a : 1 + 1 = 2 := rfl\n' } } })
  }
  const sessions = (await (await fetch(`${h.bridge!.origin}/api/sessions?token=${h.bridge!.token}`)).json()) as any[]
  const pids = sessions.filter((s) => s.kind === 'lsp').map((s) => s.pid as number)
  assert.equal(pids.length, SESSIONS)
  const treePids = pids.flatMap((p) => processTreeUsage(p)?.pids ?? [p])

  const counts: Record<string, number> = {}
  const expectedErrors: (number | string | null)[][] = clients.map(() => [])
  const gens = clients.map(() => makeGenerators(uri, { version: 1, id: 1_000_000 + Math.floor(random() * 1e6) }))
  for (let n = 0; n < FRAMES; n++) {
    const s = Math.floor(random() * SESSIONS)
    const { bad, good } = gens[s]
    const pool = random() < 0.5 ? bad : good
    const names = Object.keys(pool)
    const frame = pool[names[Math.floor(random() * names.length)]]()
    counts[frame.kind] = (counts[frame.kind] ?? 0) + 1
    if (frame.errorId !== undefined) expectedErrors[s].push(frame.errorId)
    clients[s].send(frame.text)
    if (n % 200 === 199) await new Promise((r) => setImmediate(r)) // let replies flow while sending
  }
  // A valid request after everything: its reply means every earlier frame was handled, in order.
  const finals = await Promise.all(clients.map((c) => c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } })))
  for (const f of finals) assert.ok(f.result, `a session answers a valid hover afterwards: ${JSON.stringify(f)}`)
  const badKinds = Object.keys(makeGenerators(uri, { version: 0, id: 0 }).bad)
  for (const k of badKinds) assert.ok(counts[k] > 0, `kind ${k} was sent`)

  const after = (await (await fetch(`${h.bridge!.origin}/api/sessions?token=${h.bridge!.token}`)).json()) as any[]
  for (const [i, c] of clients.entries()) {
    const rec = after.find((s) => s.pid === pids[i])
    assert.ok(rec, 'the session still runs its first Lean process')
    assert.equal(rec.traffic.rejected, expectedErrors[i].length, 'every malformed frame was stopped at the edge, and nothing else')
    const edgeCodes = [-32700, -32600, -32602, -32002]
    const ids = new Set(c.inbox.filter((m) => m.method === undefined && edgeCodes.includes(m.error?.code)).map((m) => m.id))
    for (const id of expectedErrors[i]) if (id !== null) assert.ok(ids.has(id), `an error reply carries the bad request's id ${id}`)
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const malformed = badKinds.reduce((a, k) => a + (counts[k] ?? 0), 0)
  t.diagnostic(`seed ${SEED}: ${total} frames, ${malformed} malformed (${badKinds.length} kinds), ${total - malformed} valid; all ${SESSIONS} sessions answered afterwards`)

  for (const c of clients) c.ws.close()
  await Promise.all(clients.map((c) => c.closed))
  for (const pid of treePids) await waitFor(() => !isAlive(pid), `process ${pid} to end`, 20_000)
})
