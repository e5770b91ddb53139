// /lsp is bounded: the session cap holds against simultaneous upgrades, idle and lifetime limits close
// sessions, the message budget throttles without losing anything, and a client that never reads cannot
// make the bridge buffer without bound (reading Lean pauses, then reading the client pauses).
import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { test } from 'node:test'
import WebSocket from 'ws'
import { startCore, waitFor } from './helpers/core-harness'
import { openLsp } from './helpers/lsp-ws'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'A.lean': 'theorem a : 1 + 1 = 2 := rfl\n' }

async function lspSessions(h: Awaited<ReturnType<typeof startCore>>): Promise<any[]> {
  return ((await (await fetch(`${h.bridge!.origin}/api/sessions?token=${h.bridge!.token}`)).json()) as any[]).filter((s) => s.kind === 'lsp')
}

test('the session cap is reserved before any await: 6 simultaneous upgrades with a cap of 2 open exactly 2', async (t) => {
  const h = await startCore({ files: PROJECT, bridge: true, lsp: { limits: { maxSessions: 2 } } })
  t.after(() => h.dispose())
  const b = h.bridge!
  // A handshake that ws aborts after the cap was reserved must give its place back.
  const aborted = await new Promise<string>((resolve) => {
    const s = connect(b.port, '127.0.0.1')
    let got = ''
    s.on('data', (d) => (got += d)).on('close', () => resolve(got)).on('error', () => undefined)
    s.write(`GET /lsp?token=${b.token} HTTP/1.1\r\nHost: 127.0.0.1:${b.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: !!\r\nSec-WebSocket-Version: 13\r\n\r\n`)
  })
  assert.match(aborted, /^HTTP\/1\.1 400/)
  const outcomes = await Promise.all(
    Array.from(
      { length: 6 },
      () =>
        new Promise<{ ws?: WebSocket; status?: number; body?: string }>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${b.port}/lsp?token=${b.token}`, { headers: { Origin: b.origin } })
          ws.once('open', () => resolve({ ws }))
          ws.once('unexpected-response', (_req, res) => {
            let body = ''
            res.on('data', (d) => (body += d)).on('end', () => resolve({ status: res.statusCode, body }))
          })
          ws.once('error', () => undefined)
        }),
    ),
  )
  const opened = outcomes.filter((o) => o.ws)
  const refused = outcomes.filter((o) => o.status)
  assert.equal(opened.length, 2)
  assert.equal(refused.length, 4)
  for (const r of refused) {
    assert.equal(r.status, 503)
    assert.match(r.body!, /At most 2 LSP sessions/)
  }
  assert.equal((await lspSessions(h)).length, 2)
  // Closing one frees its place.
  const closed = new Promise((r) => opened[0].ws!.once('close', r))
  opened[0].ws!.close()
  await closed
  const again = await waitFor(async () => openLsp(h).catch(() => undefined), 'a free place after a close')
  again.ws.close()
  opened[1].ws!.close()
})

test('idle timeout and maximum lifetime close sessions with a clear reason', async (t) => {
  const idle = await startCore({ files: PROJECT, bridge: true, lsp: { limits: { idleMs: 300, maxLifeMs: 0 } } })
  t.after(() => idle.dispose())
  const quiet = await openLsp(idle)
  const q = await quiet.closed
  assert.equal(q.code, 1001)
  assert.match(q.reason, /Idle timeout: no messages for 300 ms/)

  const life = await startCore({ files: PROJECT, bridge: true, lsp: { limits: { idleMs: 60_000, maxLifeMs: 2000 } } })
  t.after(() => life.dispose())
  const busy = await openLsp(life)
  // Busy all along (a request every 50 ms), so only the lifetime limit can close it.
  busy.send({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { capabilities: {} } })
  const chatter = setInterval(() => busy.ws.readyState === busy.ws.OPEN && busy.send({ jsonrpc: '2.0', method: '$/lectern/ping', params: {} }), 50)
  const l = await busy.closed
  clearInterval(chatter)
  assert.equal(l.code, 1001)
  assert.match(l.reason, /lifetime limit reached \(2 s\)/)
})

test('the message budget throttles a flood without losing a message', async (t) => {
  const h = await startCore({ files: PROJECT, bridge: true, lsp: { limits: { maxMessagesPerSecond: 100 } } })
  t.after(() => h.dispose())
  const c = await openLsp(h)
  await c.initialize()
  const replies = await Promise.all(Array.from({ length: 300 }, () => c.request('lectern/none', {})))
  assert.ok(replies.every((r) => r.error?.code === -32601), 'every request was answered by Lean')
  const [s] = await lspSessions(h)
  assert.ok(s.traffic.throttled > 0, 'reading paused for the budget')
  c.ws.close()
})

test('a client that never reads: the bridge stops reading Lean, then the client; its buffers stay bounded; nothing is lost', { timeout: 180_000 }, async (t) => {
  const limit = 256 * 1024
  const h = await startCore({ files: PROJECT, bridge: true, lsp: { limits: { maxQueuedBytes: limit, maxMessagesPerSecond: 0 } } })
  t.after(() => h.dispose())
  const c = await openLsp(h)
  await c.initialize()
  c.ws.pause() // stop reading from the TCP socket, like a stuck or malicious client
  const pad = 'x'.repeat(64 * 1024)
  const count = 400 // ~26 MB of replies, far beyond socket buffers and the limit
  for (let i = 0; i < count; i++) c.send({ jsonrpc: '2.0', id: `big${i}`, method: 'codeAction/resolve', params: { title: 'x', data: pad } })
  const peak = { toClient: 0, toLean: 0 }
  const s = await waitFor(async () => {
    const [x] = await lspSessions(h)
    peak.toClient = Math.max(peak.toClient, x.traffic.queuedToClient)
    peak.toLean = Math.max(peak.toLean, x.traffic.queuedToLean)
    return x.traffic.readingLeanPaused && x.traffic.readingClientPaused ? x : undefined
  }, 'both directions to pause', 120_000)
  const frame = 70 * 1024
  assert.ok(s.traffic.queuedToClient <= limit + frame, `queued to the client: ${s.traffic.queuedToClient}`)
  assert.ok(peak.toClient <= limit + 2 * frame, `peak queued to the client: ${peak.toClient}`)
  assert.ok(peak.toLean <= limit + 2 * frame, `peak queued to Lean: ${peak.toLean}`)
  c.ws.resume()
  await waitFor(() => c.inbox.filter((m) => typeof m.id === 'string' && m.id.startsWith('big')).length === count, 'every reply once the client reads', 120_000)
  c.ws.close()
})
