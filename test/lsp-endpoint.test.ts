// /lsp: raw LSP over a WebSocket, one isolated Lean process per connection, ended with the socket.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import WebSocket from 'ws'
import { startCore, waitFor } from './helpers/core-harness'
import { isAlive } from './helpers/lean-client'

test('each /lsp connection gets its own Lean process, listed in /api/sessions and killed on close', async (t) => {
  const h = await startCore({ files: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'A.lean': '#eval 1\n' }, bridge: true })
  t.after(() => h.dispose())
  const b = h.bridge!
  const open = () => {
    const ws = new WebSocket(`ws://127.0.0.1:${b.port}/lsp?token=${b.token}&project=${encodeURIComponent(h.workspace)}`, { headers: { Origin: b.origin } })
    const inbox: any[] = []
    ws.on('message', (d) => inbox.push(JSON.parse(d.toString())))
    return { ws, inbox, opened: new Promise((r) => ws.once('open', r)) }
  }
  const a = open()
  const c = open()
  await Promise.all([a.opened, c.opened])
  a.ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } }))
  const init = await waitFor(() => a.inbox.find((m) => m.id === 1), 'initialize reply')
  assert.equal(init.result.serverInfo.name, 'Lean 4 Server')
  // Malformed JSON is stopped at the bridge with a parse error; the Lean process never sees it.
  a.ws.send('{oops')
  const parseError = await waitFor(() => a.inbox.find((m) => m.error?.code === -32700), 'parse error')
  assert.equal(parseError.id, null)

  const sessions = (await (await fetch(`${b.origin}/api/sessions?token=${b.token}`)).json()) as any[]
  const lsp = sessions.filter((s) => s.kind === 'lsp')
  assert.equal(lsp.length, 2)
  assert.notEqual(lsp[0].pid, lsp[1].pid, 'one process per connection')
  assert.equal(lsp[0].project, h.workspace)

  a.ws.close()
  c.ws.close()
  for (const s of lsp) await waitFor(() => !isAlive(s.pid), `process ${s.pid} to end`, 10_000)
})

test('/lsp refuses a project outside the workspace', async (t) => {
  const h = await startCore({ files: { 'lean-toolchain': 'x\n' }, bridge: true })
  t.after(() => h.dispose())
  const b = h.bridge!
  const status = await new Promise<number>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${b.port}/lsp?token=${b.token}&project=/etc`, { headers: { Origin: b.origin } })
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('open', () => resolve(101))
    ws.once('error', () => undefined)
  })
  assert.equal(status, 400)
})

test('/health reports the /lsp limits in force; /api/sessions the RSS and CPU time of each whole Lean process tree', async (t) => {
  const h = await startCore({ files: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n' }, bridge: true, lsp: { limits: { idleMs: 120_000, maxSessions: 3 } } })
  t.after(() => h.dispose())
  const b = h.bridge!
  const health = (await (await fetch(`${b.origin}/health?token=${b.token}`)).json()) as any
  assert.equal(health.lsp.limits.idleMs, 120_000, 'a launch flag wins')
  assert.equal(health.lsp.limits.maxSessions, 3)
  assert.equal(health.lsp.limits.maxLifeMs, 8 * 3600_000, 'the default where nothing was given')
  assert.equal(typeof health.lsp.sandbox.available, 'boolean')
  const ws = new WebSocket(`ws://127.0.0.1:${b.port}/lsp?token=${b.token}`, { headers: { Origin: b.origin } })
  await new Promise((r) => ws.once('open', r))
  ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } }))
  await new Promise((r) => ws.once('message', r))
  const [s] = ((await (await fetch(`${b.origin}/api/sessions?token=${b.token}`)).json()) as any[]).filter((x) => x.kind === 'lsp')
  const rootRssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${s.pid}/status`, 'utf8'))![1])
  // The double is a shell wrapper that execs node; sandboxed, it runs under two bwrap processes.
  if (health.lsp.sandbox.available) {
    assert.ok(s.processes >= 3, `bwrap, its init and the server: ${s.processes}`)
    assert.ok(s.memoryKb > rootRssKb, `tree RSS ${s.memoryKb} KiB is more than the first pid's ${rootRssKb} KiB`)
  }
  assert.ok(s.memoryKb >= rootRssKb)
  assert.ok(s.cpuSeconds > 0, 'starting node took CPU time')
  assert.equal(s.limits.maxSessions, 3)
  ws.close()
})
