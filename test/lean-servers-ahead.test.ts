// The Lean servers of the files a window opens first start with the app, not when the window asks for the files:
// the launch files' and the last session's projects. The file then goes to that same server, and a server no file
// reached is ended again.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { Core } from '../src/main/core'
import type { ServerEvent } from '../src/shared/channels'
import { DOUBLE, startCore, waitFor } from './helpers/core-harness'
import { isAlive, TestClient } from './helpers/lean-client'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "p"\n' }
const FILES = { ...PROJECT, 'A.lean': 'theorem a : 1 = 1 := by sorry\n', 'README.md': '# p\n' }
const env = () => ({ ...process.env, LECTERN_LEAN_SERVER: DOUBLE })

const pids = (c: TestClient) => new Set(c.events.filter((e) => e.channel === 'server').map((e) => (e.payload as ServerEvent).pid).filter(Boolean))

describe('Lean servers started ahead of the window', () => {
  it("the launch file's server is running before the file is asked for, and the file goes to it", async (t) => {
    const h = await startCore({ files: FILES })
    t.after(() => h.dispose())
    const core = await Core.create({ mode: 'serve', workspace: h.workspace, userDataDir: join(h.tmp, 'launch'), env: env(), launchFiles: [{ path: h.file('A.lean') }] })
    t.after(() => core.dispose())
    const c = new TestClient(core)
    await c.subscribeAll()
    await core.startLeanServersAhead()
    const running = await c.waitServer('running')
    assert.equal(running.project, h.workspace)
    assert.deepEqual(core.documents.all(), [], 'no document is open yet')

    const doc = await c.call('doc.open', { path: h.file('A.lean') })
    await c.waitDiagnostics(doc.uri, (m) => m.some((x) => x.includes('sorry')))
    assert.deepEqual([...pids(c)], [running.pid], 'one Lean process: the one started ahead')
  })

  it("the last session's Lean tabs start their server; a session of other files starts none", async (t) => {
    const h = await startCore({ files: FILES })
    t.after(() => h.dispose())
    const c = new TestClient(h.core)
    await c.subscribeAll()

    await h.core.workspace.rememberSession({ openFiles: [h.file('README.md')] })
    await h.core.startLeanServersAhead()
    assert.deepEqual(h.core.registry.servers(), [], 'no Lean file, no server')

    await h.core.workspace.rememberSession({ openFiles: [h.file('README.md'), h.file('A.lean')], active: h.file('README.md') })
    await h.core.startLeanServersAhead()
    assert.equal((await c.waitServer('running')).project, h.workspace)
  })

  it('a server started ahead that no file reaches is ended; opening the file later starts another', async (t) => {
    const h = await startCore({ files: FILES })
    t.after(() => h.dispose())
    const c = new TestClient(h.core)
    await c.subscribeAll()
    // Ended when the time is up, whether it is still starting or running by then (a loaded machine starts it slowly).
    await h.core.registry.prepare(h.file('A.lean'), 300)
    assert.equal(h.core.registry.servers().length, 1, 'a server is starting')
    await waitFor(() => h.core.registry.servers().length === 0, 'the idle server ended')
    const ended = pids(c)
    for (const pid of ended) await waitFor(() => !isAlive(pid), `its process ${pid} gone`)

    const doc = await c.call('doc.open', { path: h.file('A.lean') })
    await c.waitDiagnostics(doc.uri, (m) => m.some((x) => x.includes('sorry')))
    const now = h.core.registry.servers()[0]
    assert.equal(now?.state, 'running')
    assert.ok(now?.pid && !ended.has(now.pid), 'a new process')
  })

  it('a server started ahead that its file reached in time stays', async (t) => {
    const h = await startCore({ files: FILES })
    t.after(() => h.dispose())
    const c = new TestClient(h.core)
    await c.subscribeAll()
    await h.core.registry.prepare(h.file('A.lean'), 1500)
    const doc = await c.call('doc.open', { path: h.file('A.lean') })
    const pid = (await c.waitServer('running')).pid
    await new Promise((r) => setTimeout(r, 2000))
    assert.equal(h.core.registry.servers()[0]?.pid, pid)
    assert.ok(isAlive(pid))
    await c.waitDiagnostics(doc.uri, (m) => m.some((x) => x.includes('sorry')))
  })
})
