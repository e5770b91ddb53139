// Files and not losing work (DESIGN §6): atomic saves, conflicts, external changes, backups, confinement.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { test } from 'node:test'
import { LecternErrorCodes } from '../src/shared/api'
import { Core } from '../src/main/core'
import { listWorkspaceFiles } from '../src/main/workspace/file-index'
import { searchWorkspace } from '../src/main/workspace/text-search'
import { startCore, waitFor } from './helpers/core-harness'
import { spawnCoreProcess } from './helpers/core-process'
import { TestClient } from './helpers/lean-client'

const FILES = { 'A.txt': 'hello\n', '.lake/packages/dep/Dep.lean': 'def dep := 1\n' }

test('save writes atomically: a writer killed between write and rename leaves the old file intact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-atomic-'))
  const path = join(dir, 'Proof.lean')
  writeFileSync(path, 'theorem old : True := trivial\n')
  const writer = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/atomic-writer.ts'), path, 'theorem new : True := trivial\n'.repeat(2000)])
  const exited = new Promise((r) => writer.once('exit', (_code, signal) => r(signal)))
  const line = await new Promise<string>((r) => createInterface({ input: writer.stdout }).once('line', r))
  const { beforeRename } = JSON.parse(line)
  // The new text is completely on disk, under another name; the proof file itself has not been touched yet.
  assert.equal(readFileSync(beforeRename, 'utf8'), 'theorem new : True := trivial\n'.repeat(2000))
  writer.kill('SIGKILL')
  assert.equal(await exited, 'SIGKILL')
  assert.equal(readFileSync(path, 'utf8'), 'theorem old : True := trivial\n')
  assert.equal(dirname(beforeRename), dir, 'the temp file is in the same folder, so the rename cannot cross devices')
  rmSync(dir, { recursive: true, force: true })
})

test('save leaves no temp files, and a conflicting disk change is refused, then resolvable', async (t) => {
  const h = await startCore({ files: FILES })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  const doc = await c.call('doc.open', { path: h.file('A.txt') })
  await c.call('doc.change', { uri: doc.uri, changes: [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: ', world' }] })
  await c.call('doc.save', { uri: doc.uri })
  assert.equal(readFileSync(h.file('A.txt'), 'utf8'), 'hello, world\n')
  assert.deepEqual(readdirSync(h.workspace).filter((f) => f.includes('lectern-tmp')), [])

  // Someone else edits the file while the buffer has unsaved changes.
  await c.call('doc.change', { uri: doc.uri, changes: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'mine\n' }] })
  writeFileSync(h.file('A.txt'), 'theirs\n')
  // Someone else's write is later than our save, also on file systems with coarse timestamps.
  utimesSync(h.file('A.txt'), new Date(), new Date(Date.now() + 2000))
  await assert.rejects(c.call('doc.save', { uri: doc.uri }), (e: any) => e.code === LecternErrorCodes.SaveConflict)
  assert.equal(readFileSync(h.file('A.txt'), 'utf8'), 'theirs\n', 'the other change is not overwritten')
  const still = await c.call('doc.open', { path: h.file('A.txt') })
  assert.equal(still.text, 'hello, world\nmine\n', 'and our buffer is intact')
  await c.call('doc.save', { uri: doc.uri, overwrite: true })
  assert.equal(readFileSync(h.file('A.txt'), 'utf8'), 'hello, world\nmine\n')
})

test('an external change to an open file is announced; our own save is not', async (t) => {
  const h = await startCore({ files: FILES })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.call('channel.subscribe', { channel: 'files', filter: {} })
  const doc = await c.call('doc.open', { path: h.file('A.txt') })
  await c.call('doc.change', { uri: doc.uri, changes: [{ text: 'saved by us\n' }] })
  await c.call('doc.save', { uri: doc.uri })
  // A later change to another file in the same folder is announced; an announcement of our save would have come first.
  writeFileSync(h.file('Later.txt'), 'later\n')
  await waitFor(() => c.latest('files', (f) => f.path === h.file('Later.txt')), 'the later change')
  assert.equal(c.latest('files', (f) => f.path === h.file('A.txt')), undefined)
  writeFileSync(h.file('A.txt'), 'changed elsewhere\n')
  const ev = await waitFor(() => c.latest('files', (f) => f.path === h.file('A.txt')), 'files event')
  assert.equal(ev.kind, 'changed')
  const reverted = await c.call('doc.revert', { uri: doc.uri })
  assert.equal(reverted.text, 'changed elsewhere\n')
  assert.equal(reverted.dirty, false)
})

test('unsaved text is backed up and restored after the app is killed', async (t) => {
  const h = await startCore({ files: FILES })
  t.after(() => h.dispose())
  const userData = join(h.tmp, 'user-data-killed')
  // The app that gets killed: a core in its own process, SIGKILLed, so no shutdown hook can save anything.
  const app = await spawnCoreProcess(h.workspace, userData)
  t.after(() => app.child.kill('SIGKILL'))
  const doc = await app.call('doc.open', { path: h.file('A.txt') })
  await app.call('doc.change', { uri: doc.uri, changes: [{ text: 'unsaved work\n' }] })
  const backups = join(userData, 'backups')
  await waitFor(() => { try { return readdirSync(backups).some((f) => f.endsWith('.json')) } catch { return false } }, 'a backup file', 5000)
  app.child.kill('SIGKILL')
  assert.equal(await app.exited, 'SIGKILL')
  // The next start on the same user data: the buffer comes back dirty, the disk is untouched.
  const again = await Core.create({ mode: 'serve', workspace: h.workspace, userDataDir: userData, env: process.env })
  t.after(() => again.dispose())
  const c2 = new TestClient(again)
  const restored = await c2.call('doc.open', { path: h.file('A.txt') })
  assert.equal(restored.text, 'unsaved work\n')
  assert.equal(restored.dirty, true)
  assert.equal(restored.restoredFromBackup, true)
  assert.equal(readFileSync(h.file('A.txt'), 'utf8'), 'hello\n')

  // Deleted on disk meanwhile: the backup still opens, and saving writes the file again.
  rmSync(h.file('A.txt'))
  const third = await Core.create({ mode: 'serve', workspace: h.workspace, userDataDir: userData, env: process.env })
  t.after(() => third.dispose())
  const orphan = await new TestClient(third).call('doc.open', { path: h.file('A.txt') })
  assert.equal(orphan.text, 'unsaved work\n')
  assert.equal(orphan.dirty, true)
  await new TestClient(third).call('doc.save', { uri: orphan.uri })
  assert.equal(readFileSync(h.file('A.txt'), 'utf8'), 'unsaved work\n')
})

test("closing a dirty document (Don't Save) drops its backup: reopening shows the disk text", async (t) => {
  const h = await startCore({ files: FILES })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  const doc = await c.call('doc.open', { path: h.file('A.txt') })
  await c.call('doc.change', { uri: doc.uri, changes: [{ text: 'thrown away\n' }] })
  const backups = join(h.tmp, 'user-data', 'backups')
  await waitFor(() => { try { return readdirSync(backups).some((f) => f.endsWith('.json')) } catch { return false } }, 'a backup file', 5000)
  await c.call('doc.close', { uri: doc.uri })
  const again = await c.call('doc.open', { path: h.file('A.txt') })
  assert.equal(again.text, 'hello\n')
  assert.equal(again.dirty, false)
  assert.equal(again.restoredFromBackup, undefined)
  await waitFor(() => !readdirSync(backups).some((f) => f.endsWith('.json')), 'the backup removed', 5000)
})

test('the session (open tabs, active tab, unsaved files) outlives the core; bad and outside paths are dropped', async (t) => {
  const h = await startCore({ files: { ...FILES, 'B.lean': 'def b := 1\n' } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  assert.deepEqual(await c.call('workspace.session', {}), { openFiles: [], unsaved: [] })
  const a = await c.call('doc.open', { path: h.file('A.txt') })
  await c.call('doc.change', { uri: a.uri, changes: [{ text: 'unsaved\n' }] })
  await c.call('workspace.rememberSession', {
    openFiles: [h.file('B.lean'), h.file('A.txt'), h.file('.lake/packages/dep/Dep.lean'), join(h.tmp, 'elsewhere.lean')],
    active: h.file('A.txt'),
    // A split: a dependency's read-only source in the right group is dropped; the left keeps its two tabs.
    groups: [
      { openFiles: [h.file('B.lean'), h.file('A.txt')], active: h.file('B.lean') },
      { openFiles: [h.file('A.txt'), h.file('.lake/packages/dep/Dep.lean')], active: h.file('A.txt') },
    ],
  })
  await assert.rejects(c.call('workspace.rememberSession', { openFiles: 'A.txt' }), (e: any) => e.code === -32602)
  for (const groups of ['left', [{ openFiles: 'A.txt' }], [null], [{ openFiles: [], active: 3 }]]) {
    await assert.rejects(c.call('workspace.rememberSession', { openFiles: [], groups }), (e: any) => e.code === -32602, JSON.stringify(groups))
  }
  // Quit as after SIGTERM: the core writes backups of dirty buffers and the session on the way out.
  await h.core.dispose()
  const again = await Core.create({ mode: 'serve', workspace: h.workspace, userDataDir: join(h.tmp, 'user-data'), env: process.env })
  t.after(() => again.dispose())
  const session = await new TestClient(again).call('workspace.session', {})
  assert.deepEqual(session, {
    openFiles: [h.file('B.lean'), h.file('A.txt')],
    active: h.file('A.txt'),
    groups: [
      { openFiles: [h.file('B.lean'), h.file('A.txt')], active: h.file('B.lean') },
      { openFiles: [h.file('A.txt')], active: h.file('A.txt') },
    ],
    unsaved: [h.file('A.txt')],
  })
})

test('paths outside the workspace are refused; dependency sources open read-only', async (t) => {
  const h = await startCore({ files: FILES })
  t.after(() => h.dispose())
  mkdirSync(join(h.tmp, 'outside'))
  writeFileSync(join(h.tmp, 'outside', 'x.lean'), 'secret')
  const c = new TestClient(h.core)
  await assert.rejects(c.call('doc.open', { path: join(h.tmp, 'outside', 'x.lean') }), (e: any) => e.code === LecternErrorCodes.PathOutsideWorkspace)
  await assert.rejects(c.call('workspace.list', { path: 'relative/path' }), (e: any) => e.code === LecternErrorCodes.PathOutsideWorkspace)
  const dep = await c.call('doc.open', { path: h.file('.lake/packages/dep/Dep.lean') })
  assert.equal(dep.readonly, true)
  await assert.rejects(c.call('doc.change', { uri: dep.uri, changes: [{ text: 'x' }] }), (e: any) => e.code === LecternErrorCodes.ReadOnly)
  await assert.rejects(c.call('doc.change', { uri: 'file:///not/open.lean', changes: [] }), (e: any) => e.code === LecternErrorCodes.NotFound && /not open/.test(e.message))
  // Any change to a read-only document is refused as such; a malformed change to a writable one is a params error.
  await assert.rejects(c.call('doc.change', { uri: dep.uri, changes: [{ range: { start: { line: -1 } }, text: 'x' }] }), (e: any) => e.code === LecternErrorCodes.ReadOnly)
  const mine = await c.call('doc.open', { path: h.file('A.txt') })
  await assert.rejects(c.call('doc.change', { uri: mine.uri, changes: [{ range: { start: { line: -1 } }, text: 'x' }] }), (e: any) => e.code === -32602)
  assert.equal((await c.call('doc.open', { path: h.file('A.txt') })).text, 'hello\n', 'nothing applied')
})

test('the files channel tells created, changed and deleted apart', async (t) => {
  const h = await startCore({ files: FILES })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.call('channel.subscribe', { channel: 'files', filter: {} })
  const path = h.file('New.lean')
  writeFileSync(path, 'a')
  assert.equal((await waitFor(() => c.latest('files', (f) => f.path === path), 'created')).kind, 'created')
  c.events.length = 0
  await new Promise((r) => setTimeout(r, 150))
  writeFileSync(path, 'b')
  assert.equal((await waitFor(() => c.latest('files', (f) => f.path === path), 'changed')).kind, 'changed')
  c.events.length = 0
  await new Promise((r) => setTimeout(r, 150))
  rmSync(path)
  assert.equal((await waitFor(() => c.latest('files', (f) => f.path === path), 'deleted')).kind, 'deleted')
})

test('a folder shown in the explorer (listed) is watched, so files created deep inside are announced', async (t) => {
  const h = await startCore({ files: { ...FILES, 'Deep/Er/Old.lean': '' } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.call('channel.subscribe', { channel: 'files', filter: {} })
  const listed = await c.call('workspace.list', { path: h.file('Deep/Er') })
  assert.deepEqual(listed.map((e: { name: string }) => e.name), ['Old.lean'])
  const path = h.file('Deep/Er/New.lean')
  writeFileSync(path, 'theorem x : True := trivial\n')
  assert.equal((await waitFor(() => c.latest('files', (f) => f.path === path), 'created deep inside')).kind, 'created')
})

test('new files and folders: created with their parents, never over an existing one, only inside the workspace', async (t) => {
  const h = await startCore({ files: FILES })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  const made = await c.call('workspace.createFile', { path: h.file('Proofs/Algebra/Group.lean') })
  assert.deepEqual(made, { name: 'Group.lean', path: h.file('Proofs/Algebra/Group.lean'), kind: 'file' })
  assert.equal(readFileSync(h.file('Proofs/Algebra/Group.lean'), 'utf8'), '')
  await assert.rejects(c.call('workspace.createFile', { path: h.file('A.txt') }), (e: any) => e.code === LecternErrorCodes.AlreadyExists && /already exists/.test(e.message))
  assert.equal(readFileSync(h.file('A.txt'), 'utf8'), 'hello\n', 'an existing file is left alone')
  assert.equal((await c.call('workspace.createFolder', { path: h.file('Notes') })).kind, 'dir')
  await assert.rejects(c.call('workspace.createFolder', { path: h.file('Notes') }), (e: any) => e.code === LecternErrorCodes.AlreadyExists)
  await assert.rejects(c.call('workspace.createFile', { path: join(h.tmp, 'outside.lean') }), (e: any) => e.code === LecternErrorCodes.PathOutsideWorkspace)
  await assert.rejects(c.call('workspace.createFile', { path: h.file('.lake/packages/dep/New.lean') }), (e: any) => e.code === LecternErrorCodes.ReadOnly)
})

test('the file index for Go to File lists nested files and skips .lake, .git and build output', async (t) => {
  const h = await startCore({ files: { ...FILES, 'Lib/Deep/X.lean': '', '.git/config': '', 'build/ir/Main.c': '', '.gitignore': '' } })
  t.after(() => h.dispose())
  const { paths, truncated } = await new TestClient(h.core).call('workspace.files', {})
  assert.deepEqual(paths.map((p: string) => p.slice(h.workspace.length + 1)).sort(), ['.gitignore', 'A.txt', 'Lib/Deep/X.lean'])
  assert.equal(truncated, false)
  const capped = await listWorkspaceFiles([h.workspace], 2)
  assert.deepEqual(capped, { paths: [h.file('.gitignore'), h.file('A.txt')], truncated: true })
})

test('Find in Files: every match with its line, open documents as edited, binary and hidden folders skipped', async (t) => {
  const h = await startCore({
    files: { ...FILES, 'Alg/Group.lean': 'theorem mul_one : a * 1 = a := by\n    simp [Mul_One]\n', 'logo.png': '\0PNG mul_one', '.git/x': 'mul_one' },
  })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  const doc = await c.call('doc.open', { path: h.file('A.txt') })
  await c.call('doc.change', { uri: doc.uri, changes: [{ text: 'unsaved mul_one here\n' }] })
  const found = await c.call('workspace.search', { query: 'mul_one' })
  assert.equal(found.truncated, false)
  const rows = found.matches.map((m: any) => `${m.path.slice(h.workspace.length + 1)}:${m.line}:${m.character}:${m.length}`)
  assert.deepEqual(rows.sort(), ['A.txt:0:8:7', 'Alg/Group.lean:0:8:7', 'Alg/Group.lean:1:10:7'])
  const second = found.matches.find((m: any) => m.line === 1)
  assert.deepEqual(second.preview, { text: 'simp [Mul_One]', offset: 4 }, 'indentation trimmed, column kept')
  const exact = await c.call('workspace.search', { query: 'mul_one', caseSensitive: true })
  assert.equal(exact.matches.length, 2)
  assert.deepEqual((await c.call('workspace.search', { query: 'nowhere at all' })).matches, [])
  // Regular expressions: per line, case-insensitive unless asked; empty matches are not results; bad ones say why.
  const regex = await c.call('workspace.search', { query: 'mul_\\w+\\s*:', regex: true })
  assert.deepEqual(regex.matches.map((m: any) => [m.path.slice(h.workspace.length + 1), m.line, m.character, m.length]), [['Alg/Group.lean', 0, 8, 9]])
  assert.equal((await c.call('workspace.search', { query: 'Mul_One', regex: true, caseSensitive: true })).matches.length, 1)
  assert.deepEqual((await c.call('workspace.search', { query: '^', regex: true })).matches, [])
  await assert.rejects(c.call('workspace.search', { query: 'simp [', regex: true }), (e: any) => e.code === LecternErrorCodes.InvalidSearch && /regular expression/.test(e.message))
  const capped = await searchWorkspace([h.workspace], { query: 'mul_one', maxMatches: 1 }, () => undefined)
  assert.deepEqual([capped.matches.length, capped.truncated], [1, true])
  await assert.rejects(c.call('workspace.search', { query: '' }), (e: any) => e.code === -32602)
})

test('rename and delete: never over an existing file, never with unsaved text inside, never the root', async (t) => {
  const h = await startCore({ files: { ...FILES, 'Alg/Group.lean': 'def g := 1\n', 'Alg/Ring.lean': 'def r := 2\n', 'B.lean': 'def b := 3\n' } })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  const moved = await c.call('workspace.rename', { path: h.file('Alg/Group.lean'), newPath: h.file('Algebra/Groups/Basic.lean') })
  assert.deepEqual(moved, { name: 'Basic.lean', path: h.file('Algebra/Groups/Basic.lean'), kind: 'file' })
  assert.equal(readFileSync(h.file('Algebra/Groups/Basic.lean'), 'utf8'), 'def g := 1\n')
  await assert.rejects(c.call('workspace.rename', { path: h.file('B.lean'), newPath: h.file('Alg/Ring.lean') }), (e: any) => e.code === LecternErrorCodes.AlreadyExists)
  assert.equal(readFileSync(h.file('Alg/Ring.lean'), 'utf8'), 'def r := 2\n', 'nothing replaced')
  await assert.rejects(c.call('workspace.rename', { path: h.file('Alg'), newPath: h.file('Alg/Inner') }), (e: any) => e.code === LecternErrorCodes.AlreadyExists)
  await assert.rejects(c.call('workspace.rename', { path: h.file('B.lean'), newPath: join(h.tmp, 'B.lean') }), (e: any) => e.code === LecternErrorCodes.PathOutsideWorkspace)
  await assert.rejects(c.call('workspace.delete', { path: h.workspace }), (e: any) => e.code === LecternErrorCodes.ReadOnly)
  await assert.rejects(c.call('workspace.delete', { path: h.file('.lake/packages/dep/Dep.lean') }), (e: any) => e.code === LecternErrorCodes.ReadOnly)
  await assert.rejects(c.call('workspace.delete', { path: h.file('Nope.lean') }), (e: any) => e.code === LecternErrorCodes.NotFound)

  // Unsaved text inside: refused, and the file and the buffer stay as they are.
  const ring = await c.call('doc.open', { path: h.file('Alg/Ring.lean') })
  await c.call('doc.change', { uri: ring.uri, changes: [{ text: 'def r := 22\n' }] })
  await assert.rejects(c.call('workspace.delete', { path: h.file('Alg') }), (e: any) => e.code === LecternErrorCodes.UnsavedChanges && /Ring\.lean has unsaved changes/.test(e.message))
  await assert.rejects(c.call('workspace.rename', { path: h.file('Alg'), newPath: h.file('Alg2') }), (e: any) => e.code === LecternErrorCodes.UnsavedChanges)
  assert.equal(readFileSync(h.file('Alg/Ring.lean'), 'utf8'), 'def r := 2\n')
  await c.call('doc.save', { uri: ring.uri })
  assert.equal(await c.call('workspace.delete', { path: h.file('Alg') }), null)
  assert.throws(() => readFileSync(h.file('Alg/Ring.lean')), /ENOENT/)
})
