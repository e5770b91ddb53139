// The per-workspace session file in the user data folder: shared by every Lectern using that folder.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { writeAtomic } from '../src/main/workspace/files'
import { SessionStore } from '../src/main/workspace/sessions'

test('two Lecterns on one user data folder keep each other\'s workspaces; a quick series of changes ends with the last', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-sessions-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'workspace-sessions.json')
  const first = new SessionStore(file)
  const second = new SessionStore(file)
  await first.get('/w/a') // both have read the (empty) file before either writes
  await second.get('/w/b')
  await first.remember('/w/a', { openFiles: ['/w/a/A.lean'], active: '/w/a/A.lean' })
  await second.remember('/w/b', { openFiles: ['/w/b/B.lean', '/w/b/B.lean'] })
  assert.deepEqual(await new SessionStore(file).get('/w/a'), { openFiles: ['/w/a/A.lean'], active: '/w/a/A.lean' })
  assert.deepEqual(await new SessionStore(file).get('/w/b'), { openFiles: ['/w/b/B.lean'] })

  void first.remember('/w/a', { openFiles: ['/w/a/1.lean'] })
  void first.remember('/w/a', { openFiles: ['/w/a/1.lean', '/w/a/2.lean'], active: '/w/a/2.lean' })
  await first.flush()
  assert.deepEqual(await second.get('/w/a'), { openFiles: ['/w/a/1.lean', '/w/a/2.lean'], active: '/w/a/2.lean' })
  assert.deepEqual(await first.get('/w/none'), { openFiles: [] })
})

test('changes told while a write is under way are written together, once, the latest winning', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-sessions-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'workspace-sessions.json')
  const written: string[][] = []
  const store = new SessionStore(file, async (path, text) => {
    written.push(Object.keys(JSON.parse(text)))
    await new Promise((r) => setTimeout(r, 50)) // a slow disk: the burst below arrives while this write is under way
    return writeAtomic(path, text)
  })
  const first = store.remember('/w/a', { openFiles: ['/w/a/A.lean'] })
  await new Promise((r) => setTimeout(r, 10))
  // A restore reopening tabs one after another, in two workspaces' windows.
  const burst = [1, 2, 3, 4].map((n) => store.remember('/w/a', { openFiles: Array.from({ length: n }, (_, i) => `/w/a/${i}.lean`) }))
  burst.push(store.remember('/w/b', { openFiles: ['/w/b/B.lean'] }))
  await first
  assert.deepEqual(await new SessionStore(file).get('/w/a'), { openFiles: ['/w/a/A.lean'] }, 'the first change is on disk when its call resolves')
  await Promise.all(burst)
  assert.equal(written.length, 2, 'the first change, then the whole burst')
  assert.deepEqual(written[1].sort(), ['/w/a', '/w/b'])
  assert.deepEqual(await new SessionStore(file).get('/w/a'), { openFiles: ['/w/a/0.lean', '/w/a/1.lean', '/w/a/2.lean', '/w/a/3.lean'] })
  assert.deepEqual(await new SessionStore(file).get('/w/b'), { openFiles: ['/w/b/B.lean'] })
})

test('a damaged session file is started afresh, never a reason to fail', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-sessions-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'workspace-sessions.json')
  writeFileSync(file, '{"/w/a": {"openFiles": "not a list"}, "/w/b": ')
  const store = new SessionStore(file)
  assert.deepEqual(await store.get('/w/a'), { openFiles: [] })
  await store.remember('/w/a', { openFiles: ['/w/a/A.lean'], active: '/w/a/elsewhere.lean' })
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8'))['/w/a'].openFiles, ['/w/a/A.lean'])
  assert.deepEqual(await store.get('/w/a'), { openFiles: ['/w/a/A.lean'] }, 'an active file that is not open is dropped')
})

test('a split is kept group by group; one group left, or a damaged list, is no split', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-sessions-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'workspace-sessions.json')
  const store = new SessionStore(file)
  const left = { openFiles: ['/w/A.lean', '/w/B.lean', '/w/A.lean'], active: '/w/B.lean' }
  const right = { openFiles: ['/w/B.lean'], active: '/w/gone.lean' }
  await store.remember('/w', { openFiles: ['/w/A.lean', '/w/B.lean'], active: '/w/B.lean', groups: [left, right] })
  assert.deepEqual(await new SessionStore(file).get('/w'), {
    openFiles: ['/w/A.lean', '/w/B.lean'],
    active: '/w/B.lean',
    groups: [{ openFiles: ['/w/A.lean', '/w/B.lean'], active: '/w/B.lean' }, { openFiles: ['/w/B.lean'] }],
  })
  await store.remember('/w', { openFiles: ['/w/A.lean'], groups: [{ openFiles: ['/w/A.lean'] }, { openFiles: [] }] })
  assert.deepEqual(await store.get('/w'), { openFiles: ['/w/A.lean'] }, 'a group without tabs is no split')

  writeFileSync(file, JSON.stringify({ '/w': { openFiles: ['/w/A.lean'], groups: [{ openFiles: ['/w/A.lean'] }, { openFiles: 'B' }, 7] } }))
  assert.deepEqual(await store.get('/w'), { openFiles: ['/w/A.lean'] }, 'damaged groups are dropped, the tabs kept')
})
