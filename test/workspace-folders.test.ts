// Open Folder / Add Folder / Close Folder at run time: the Lean servers and watchers of a removed folder end, its
// unsaved buffers come back when it is reopened, paths follow the new roots; Open Recent and the folder browser.
import assert from 'node:assert/strict'
import { chmodSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import WebSocket from 'ws'
import { LecternErrorCodes } from '../src/shared/api'
import type { ServerEvent } from '../src/shared/channels'
import { Core } from '../src/main/core'
import { startCore, waitFor } from './helpers/core-harness'
import { isAlive, TestClient } from './helpers/lean-client'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "a"\n', 'Main.lean': 'theorem a : 1 = 1 := by\n  rfl\n' }

/** A second Lean project beside the harness's workspace. */
function makeProject(tmp: string, name: string): string {
  const dir = join(tmp, name)
  mkdirSync(dir)
  writeFileSync(join(dir, 'lean-toolchain'), 'leanprover/lean4:v4.20.0\n')
  writeFileSync(join(dir, 'lakefile.toml'), `name = "${name}"\n`)
  writeFileSync(join(dir, 'Main.lean'), `theorem ${name} : 2 = 2 := by\n  rfl\n`)
  return realpathSync(dir)
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

function running(c: TestClient, project: string): Promise<ServerEvent> {
  return waitFor(() => {
    const ev = c.latest('server', (e) => e.project === project)
    return ev?.state === 'running' && ev.pid ? ev : undefined
  }, `the Lean server of ${project} running`)
}

const code = (expected: number) => (e: any) => e.code === expected

/** A core on project `a` (its workspace) with a second project `b` beside it, and a client. */
async function twoProjects(t: { after(fn: () => Promise<void>): void }, bridge = false) {
  const h = await startCore({ files: PROJECT, bridge })
  t.after(() => h.dispose())
  return { h, a: h.workspace, b: makeProject(h.tmp, 'b'), c: new TestClient(h.core) }
}

test('Open Folder ends every Lean process of the old folder, backs up its unsaved text, and brings it back on reopen', async (t) => {
  const { h, a, b, c } = await twoProjects(t)
  const inA = (rel: string) => join(a, rel)
  await c.subscribeAll()
  await c.call('channel.subscribe', { channel: 'workspace', filter: {} })
  const doc = await c.call('doc.open', { path: inA('Main.lean') })
  const serverA = await running(c, a)
  await c.call('doc.change', { uri: doc.uri, changes: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '-- unsaved in a\n' }] })
  await c.call('workspace.rememberSession', { openFiles: [inA('Main.lean')], active: inA('Main.lean'), root: a })

  const state = await c.call('workspace.openFolder', { path: b })
  assert.deepEqual(state, { roots: [b], scratch: false })
  assert.deepEqual(c.latest('workspace'), { roots: [b], scratch: false }, 'the renderer is told on the workspace channel')
  assert.equal(isAlive(serverA.pid), false, "the old folder's Lean server is gone")
  assert.equal(groupAlive(serverA.pid!), false, 'and so is its whole process group')
  assert.deepEqual((await c.call('lean.servers', {})).map((s: ServerEvent) => s.project), [])
  assert.deepEqual((await c.call('app.info', {})).roots, [b])
  // Paths follow the new roots: the old folder is now outside.
  await assert.rejects(c.call('workspace.read', { path: inA('Main.lean') }), code(LecternErrorCodes.PathOutsideWorkspace))
  await assert.rejects(c.call('doc.change', { uri: doc.uri, changes: [{ text: 'x' }] }), 'the old document is closed in the core')
  assert.deepEqual(await c.call('workspace.session', {}), { openFiles: [], unsaved: [] }, "the new folder's session is its own")
  // A late remember from the renderer's old tabs does not land in the new folder's session.
  await c.call('workspace.rememberSession', { openFiles: [], root: a })
  const docB = await c.call('doc.open', { path: join(b, 'Main.lean') })
  const serverB = await running(c, b)
  await c.call('workspace.rememberSession', { openFiles: [join(b, 'Main.lean')], root: b })

  await c.call('workspace.openFolder', { path: a })
  assert.equal(isAlive(serverB.pid), false, "switching back ends b's server")
  assert.equal(c.events.filter((e) => e.channel === 'workspace').length >= 2, true)
  const session = await c.call('workspace.session', {})
  assert.deepEqual(session, { openFiles: [inA('Main.lean')], active: inA('Main.lean'), unsaved: [inA('Main.lean')] })
  const restored = await c.call('doc.open', { path: inA('Main.lean') })
  assert.equal(restored.text, 'theorem a : 1 = 1 := by\n  rfl\n-- unsaved in a\n')
  assert.equal(restored.dirty, true)
  assert.equal(restored.restoredFromBackup, true)
  await running(c, a)
  await c.call('workspace.openFolder', { path: b })
  assert.deepEqual((await c.call('workspace.session', {})).openFiles, [docB.path], "b's tabs were remembered for b")
})

test('Add Folder makes a multi-root workspace; removing one root ends only its servers; Close Folder returns to the scratch project', async (t) => {
  const { h, a, b, c } = await twoProjects(t)
  await c.subscribeAll()
  assert.deepEqual(await c.call('workspace.addFolder', { path: b }), { roots: [a, b], scratch: false })
  await c.call('doc.open', { path: join(a, 'Main.lean') })
  await c.call('doc.open', { path: join(b, 'Main.lean') })
  const serverA = await running(c, a)
  const serverB = await running(c, b)
  assert.equal((await c.call('workspace.files', {})).paths.includes(join(b, 'Main.lean')), true, 'Go to File sees both roots')

  assert.deepEqual(await c.call('workspace.removeFolder', { path: a }), { roots: [b], scratch: false })
  assert.equal(isAlive(serverA.pid), false)
  assert.equal(isAlive(serverB.pid), true, "the other root's server keeps running")
  assert.equal(c.latest('server', (e) => e.project === b)?.pid, serverB.pid)
  await assert.rejects(c.call('workspace.removeFolder', { path: a }), code(LecternErrorCodes.NotFound))

  const closed = await c.call('workspace.closeFolder', {})
  assert.equal(closed.scratch, true)
  assert.equal(closed.roots[0], realpathSync(join(h.tmp, 'user-data', 'scratch')))
  assert.equal(isAlive(serverB.pid), false)
  assert.equal((await c.call('workspace.read', { path: join(closed.roots[0], 'Main.lean') })).text.includes('Open Folder'), true)
  // From the scratch project, Add Folder replaces it: the scratch project stands in for "no folder".
  assert.deepEqual(await c.call('workspace.addFolder', { path: a }), { roots: [a], scratch: false })
})

test('the watchers of a removed folder end: a change there is no longer reported, one in the new folder is', async (t) => {
  const { h, a, b, c } = await twoProjects(t)
  await c.call('channel.subscribe', { channel: 'files', filter: {} })
  await c.call('workspace.list', { path: h.workspace })
  await c.call('workspace.openFolder', { path: b })
  writeFileSync(join(a, 'Old.lean'), 'x')
  writeFileSync(join(b, 'New.lean'), 'y')
  await waitFor(() => c.latest('files', (f) => f.path === join(b, 'New.lean')), 'the new folder watched')
  writeFileSync(join(b, 'Later.lean'), 'z')
  await waitFor(() => c.latest('files', (f) => f.path === join(b, 'Later.lean')), 'a later event in the new folder')
  assert.equal(c.latest('files', (f) => f.path === join(a, 'Old.lean')), undefined)
})

test('a folder that does not exist, is a file, or is not absolute is refused in one sentence and nothing changes', async (t) => {
  const h = await startCore({ files: PROJECT })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  const missing = join(h.tmp, 'nope')
  await assert.rejects(c.call('workspace.openFolder', { path: missing }), (e: any) => e.code === LecternErrorCodes.FolderUnavailable && e.message === `${missing} does not exist.`)
  await assert.rejects(c.call('workspace.addFolder', { path: h.file('Main.lean') }), (e: any) => e.message === `${h.file('Main.lean')} is not a folder.`)
  await assert.rejects(c.call('workspace.openFolder', { path: 'relative' }), code(LecternErrorCodes.FolderUnavailable))
  await assert.rejects(c.call('workspace.openFolder', {}), code(-32602))
  assert.deepEqual((await c.call('app.info', {})).roots, [h.workspace])
  assert.equal((await c.call('workspace.read', { path: h.file('Main.lean') })).readonly, false)
})

test('Open Recent lists opened folders most recent first, marks missing ones and forgets on request, across launches', async (t) => {
  const h = await startCore({ files: PROJECT })
  t.after(() => h.dispose())
  const b = makeProject(h.tmp, 'b')
  const gone = makeProject(h.tmp, 'gone')
  const c = new TestClient(h.core)
  await c.call('workspace.openFolder', { path: gone })
  await c.call('workspace.openFolder', { path: b })
  await c.call('workspace.closeFolder', {})
  rmSync(gone, { recursive: true })
  const recent = await c.call('workspace.recentFolders', {})
  assert.deepEqual(recent.map((r: any) => [r.name, r.missing]), [['b', false], ['gone', true], ['ws', false]], 'the scratch project is not a recent folder')
  await assert.rejects(c.call('workspace.openFolder', { path: gone }), code(LecternErrorCodes.FolderUnavailable))
  assert.deepEqual((await c.call('workspace.forgetRecentFolder', { path: gone })).map((r: any) => r.name), ['b', 'ws'])
  await h.core.dispose()
  const again = await Core.create({ mode: 'serve', userDataDir: join(h.tmp, 'user-data'), env: process.env })
  t.after(() => again.dispose())
  assert.deepEqual((await new TestClient(again).call('workspace.recentFolders', {})).map((r: any) => r.path), [b, h.workspace])
})

test('the folder browser starts at home, marks Lean projects, hides hidden folders, and refuses what it cannot list', async (t) => {
  const h = await startCore({ files: PROJECT })
  t.after(() => h.dispose())
  makeProject(h.tmp, 'b')
  mkdirSync(join(h.tmp, 'plain'))
  mkdirSync(join(h.tmp, '.hidden'))
  writeFileSync(join(h.tmp, 'file.txt'), '')
  const c = new TestClient(h.core)
  const home = await c.call('workspace.browseFolder', {})
  assert.equal(home.path, realpathSync(homedir()))
  assert.equal(home.home, homedir())
  const listing = await c.call('workspace.browseFolder', { path: h.tmp })
  assert.deepEqual(listing.folders.map((f: any) => [f.name, f.leanProject]), [['b', true], ['plain', false], ['user-data', false], ['ws', true]])
  assert.equal(listing.parent, realpathSync(join(h.tmp, '..')))
  assert.equal(listing.leanProject, false)
  const missing = join(h.tmp, 'nope')
  await assert.rejects(c.call('workspace.browseFolder', { path: missing }), (e: any) => e.code === LecternErrorCodes.FolderUnavailable && e.message === `${missing} does not exist.`)
  await assert.rejects(c.call('workspace.browseFolder', { path: join(h.tmp, 'file.txt') }), (e: any) => /is not a folder\.$/.test(e.message))
  await assert.rejects(c.call('workspace.browseFolder', { path: 42 }), code(-32602))
})

test('an unreadable folder is refused with the reason', { skip: process.getuid?.() === 0 ? 'root can read any folder, so permissions cannot be tested as root' : false }, async (t) => {
  const h = await startCore({ files: PROJECT })
  t.after(() => h.dispose())
  const locked = join(h.tmp, 'locked')
  mkdirSync(locked)
  chmodSync(locked, 0o000)
  t.after(() => chmodSync(locked, 0o755))
  const c = new TestClient(h.core)
  await assert.rejects(c.call('workspace.browseFolder', { path: locked }), (e: any) => e.message === `${locked} cannot be read (permission denied).`)
  await assert.rejects(c.call('workspace.openFolder', { path: locked }), code(LecternErrorCodes.FolderUnavailable))
})

test('an /lsp session of a closed folder ends with its Lean process; the app API over /ws may switch folders behind the token', async (t) => {
  const { h, a, b } = await twoProjects(t, true)
  const bridge = h.bridge!
  const lsp = new WebSocket(`ws://127.0.0.1:${bridge.port}/lsp?token=${bridge.token}&project=${encodeURIComponent(a)}`, { headers: { Origin: bridge.origin } })
  const closed = new Promise<number>((resolve) => lsp.once('close', (code) => resolve(code)))
  await new Promise((r) => lsp.once('open', r))
  const session = await waitFor(async () => {
    const list = (await (await fetch(`${bridge.origin}/api/sessions?token=${bridge.token}`)).json()) as any[]
    return list.find((s) => s.kind === 'lsp' && s.pid)
  }, 'the /lsp session with its process')

  // Without the token the app API refuses the upgrade; with it, Open Folder works as from the app's own page.
  const refused = await new Promise<number>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/ws`, { headers: { Origin: bridge.origin } })
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('error', () => undefined)
  })
  assert.equal(refused, 401)
  const app = new WebSocket(`ws://127.0.0.1:${bridge.port}/ws?token=${bridge.token}`, { headers: { Origin: bridge.origin } })
  await new Promise((r) => app.once('open', r))
  const reply = new Promise<any>((resolve) => app.on('message', (d) => {
    const m = JSON.parse(d.toString())
    if (m.id === 1) resolve(m)
  }))
  app.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'workspace.openFolder', params: { path: b } }))
  assert.deepEqual((await reply).result, { roots: [b], scratch: false })
  app.close()
  assert.equal(await closed, 1001)
  await waitFor(() => !isAlive(session.pid), `the /lsp Lean process ${session.pid} to end`, 10_000)
})
