// The core's Lean session against the double, as real child processes: handshake, incremental sync,
// diagnostics and progress, server→client requests answered, orderly shutdown.
import assert from 'node:assert/strict'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { DOUBLE, startCore, waitFor } from './helpers/core-harness'
import { isAlive, TestClient } from './helpers/lean-client'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "p"\n' }

function doubleLog(path: string): any[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  } catch {
    return []
  }
}

test('typing sends incremental didChange with increasing versions; diagnostics follow the text', async (t) => {
  const log = join(await import('node:os').then((o) => o.tmpdir()), `double-${process.pid}-${Date.now()}.log`)
  const h = await startCore({ files: { ...PROJECT, 'Two.lean': '' }, env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LEAN_DOUBLE_LOG: log } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('Two.lean') })
  await c.waitServer('running')
  const line = 'theorem two : 1 + 1 = 2 := by sorry'
  // Typed a few characters at a time, like a user.
  for (let i = 0; i < line.length; i += 7) {
    await c.call('doc.change', { uri: doc.uri, changes: [{ range: { start: { line: 0, character: i }, end: { line: 0, character: i } }, text: line.slice(i, i + 7) }] })
  }
  const msgs = await c.waitDiagnostics(doc.uri, (m) => m.some((x) => x.includes("declaration uses 'sorry'")))
  assert.equal(msgs.length, 1)
  const at = line.indexOf('sorry')
  await c.call('doc.change', { uri: doc.uri, changes: [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at + 5 } }, text: 'rfl' }] })
  await c.waitDiagnostics(doc.uri, (m) => m.length === 0)

  const inbound = doubleLog(log).filter((e) => e.dir === 'in').map((e) => e.msg)
  const methods = inbound.map((m) => m.method ?? `response:${m.id}`)
  assert.deepEqual(methods.slice(0, 2), ['initialize', 'initialized'])
  assert.equal(inbound.filter((m) => m.method === 'textDocument/didOpen').length, 1, 'exactly one didOpen')
  const changes = inbound.filter((m) => m.method === 'textDocument/didChange')
  const versions = changes.map((m) => m.params.textDocument.version)
  assert.ok(versions.every((v, i) => i === 0 || v > versions[i - 1]), `versions increase: ${versions}`)
  assert.ok(changes.every((m) => m.params.contentChanges.length > 0 && m.params.contentChanges.every((cc: any) => cc.range)), 'incremental, never empty')
  const init = inbound[0].params
  assert.equal(init.initializationOptions.hasWidgets, true)
  assert.equal(init.capabilities.lean.silentDiagnosticSupport, true)
  // Server→client requests (registerCapability, refreshes) all got a response with a result. A refresh sent with
  // the last diagnostics may still be on its way back, so wait for each answer to reach the double's log.
  const outRequests = doubleLog(log).filter((e) => e.dir === 'out' && e.msg.method && e.msg.id !== undefined).map((e) => e.msg)
  assert.ok(outRequests.some((m) => m.method === 'client/registerCapability'))
  for (const req of outRequests) {
    const answer = await waitFor(
      () => doubleLog(log).find((e) => e.dir === 'in' && e.msg.id === req.id && !e.msg.method)?.msg,
      `the answer to ${req.method}`,
      5_000,
    )
    assert.ok('result' in answer && !answer.error, `answered ${req.method}`)
  }
})

test('a request passes through to Lean and back; closed files answer -32801 like Lean', async (t) => {
  const h = await startCore({ files: { ...PROJECT, 'T.lean': 'theorem t (p q : Prop) (hp : p) : q → p := by\n  intro h\n  exact hp\n' } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('T.lean') })
  const goal = await c.call('lean.request', { uri: doc.uri, method: '$/lean/plainGoal', params: { textDocument: { uri: doc.uri }, position: { line: 2, character: 2 } } })
  assert.match(goal.rendered, /h : q/)
  assert.match(goal.rendered, /⊢ p/)
  await assert.rejects(c.call('lean.request', { uri: 'file:///nowhere.lean', method: 'textDocument/hover', params: {} }), (err: any) => err.code === -32801)
})

test('dispose shuts the server down: no child outlives the core, in the whole process group', async () => {
  // The server starts a helper in its own process group, as `lake serve` starts `lean` and Lean its workers.
  const dir = mkdtempSync(join(tmpdir(), 'lectern-group-'))
  const helperPid = join(dir, 'helper.pid')
  const server = join(dir, 'server-with-helper')
  writeFileSync(server, `#!/bin/sh\nsleep 600 &\necho $! > '${helperPid}'\nexec '${DOUBLE}' "$@"\n`)
  chmodSync(server, 0o755)
  const h = await startCore({ files: { ...PROJECT, 'A.lean': '#eval 1 + 1\n' }, env: { ...process.env, LECTERN_LEAN_SERVER: server } })
  const c = new TestClient(h.core)
  await c.subscribeAll()
  await c.call('doc.open', { path: h.file('A.lean') })
  const running = await c.waitServer('running')
  const helper = Number(await waitFor(() => existsSync(helperPid) && readFileSync(helperPid, 'utf8').trim(), 'the helper pid'))
  assert.ok(isAlive(running.pid) && isAlive(helper))
  assert.equal(groupOf(helper), running.pid, 'the helper is in the server process group')
  await h.dispose()
  await waitFor(() => !groupAlive(running.pid!), 'every process of the server group to exit', 10_000)
  assert.equal(liveProcess(helper), false)
  rmSync(dir, { recursive: true, force: true })
})

/** The process group id of a live process (field 5 of /proc/<pid>/stat). */
function groupOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
}

/** Alive and not a zombie (a killed orphan may wait for a reaper this container's init never runs). */
function liveProcess(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

/** Whether any process of group `pgid` is still running (zombies waiting for a reaper count as gone). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
  } catch {
    return false
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true
    } catch {
      // exited while we looked
    }
  }
  return false
}

test('only .lean documents are sent to the Lean server', async (t) => {
  const log = join((await import('node:os')).tmpdir(), `double-nonlean-${process.pid}-${Date.now()}.log`)
  const h = await startCore({ files: { ...PROJECT, 'A.lean': '#eval 1\n', 'notes.md': '# notes\n' }, env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LEAN_DOUBLE_LOG: log } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  await c.call('doc.open', { path: h.file('notes.md') })
  const lean = await c.call('doc.open', { path: h.file('A.lean') })
  await c.waitDiagnostics(lean.uri, (m) => m.includes('1'))
  const opened = doubleLog(log).filter((e) => e.dir === 'in' && e.msg.method === 'textDocument/didOpen').map((e) => e.msg.params.textDocument.uri)
  assert.deepEqual(opened, [lean.uri])
})
