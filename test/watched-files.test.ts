// Files changed outside Lectern → workspace/didChangeWatchedFiles: LSP glob matching, the watchers a server
// registered (and unregistered), how bursts of fs events coalesce into created/changed/deleted, Lean's uris,
// and a real folder tree watched while files, folders and a `.lake/build` appear and go.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { globMatcher } from '../src/main/lean/watched-files/glob'
import { leanPathToUri } from '../src/main/lean/watched-files/lean-uri'
import { ignoredInLeanProject, WatcherRegistrations } from '../src/main/lean/watched-files/registrations'
import { ChangeCoalescer, changeOf, type FileChange, TreeWatcher } from '../src/main/lean/watched-files/tree-watcher'

describe('LSP glob patterns', () => {
  const cases: [string, string, boolean][] = [
    ['**/*.lean', 'A.lean', true],
    ['**/*.lean', 'Foo/Bar/Baz.lean', true],
    ['**/*.lean', 'Foo/Bar.olean', false],
    ['**/*.lean', 'Foo/Bar.lean.bak', false],
    ['**/*.ilean', '.lake/build/lib/lean/Foo/Bar.ilean', true],
    ['*.lean', 'A.lean', true],
    ['*.lean', 'Sub/A.lean', false],
    ['Sub/?.lean', 'Sub/A.lean', true],
    ['Sub/?.lean', 'Sub/AB.lean', false],
    ['**/lakefile.{lean,toml}', 'lakefile.toml', true],
    ['**/lakefile.{lean,toml}', 'pkg/lakefile.lean', true],
    ['**/lakefile.{lean,toml}', 'lakefile.json', false],
    ['{lean-toolchain,lake-manifest.json}', 'lake-manifest.json', true],
    ['[A-C]*.lean', 'Bar.lean', true],
    ['[!A-C]*.lean', 'Bar.lean', false],
    ['[!A-C]*.lean', 'Dar.lean', true],
    ['src/**', 'src/a/b/c.lean', true],
    ['src/**/x.lean', 'src/x.lean', true],
    ['a+b (1).lean', 'a+b (1).lean', true],
    ['a.lean', 'aXlean', false],
    ['{broken', '{broken', true],
  ]
  for (const [glob, path, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(globMatcher(glob)(path), expected))
  }
})

describe('registered watchers', () => {
  const root = '/p/My Proofs'
  const lean = {
    registrations: [{ id: 'register_lean_watcher', method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: '**/*.lean' }, { globPattern: '**/*.ilean' }] } }],
  }

  it('Lean\'s registration wants .lean and .ilean changes under the root, nothing else', () => {
    const r = new WatcherRegistrations(root)
    assert.equal(r.isEmpty, true)
    assert.equal(r.wants(`${root}/A.lean`, 2), false, 'nothing before a registration')
    assert.equal(r.apply('client/registerCapability', lean), true)
    assert.equal(r.wants(`${root}/A.lean`, 2), true)
    assert.equal(r.wants(`${root}/.lake/build/lib/lean/A.ilean`, 1), true)
    assert.equal(r.wants(`${root}/A.olean`, 2), false)
    assert.equal(r.wants('/elsewhere/A.lean', 2), false)
  })

  it('honours kind bits, relative patterns, and unregistration by id', () => {
    const r = new WatcherRegistrations(root)
    r.apply('client/registerCapability', {
      registrations: [
        { id: 'deletes', method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: '**/*.toml', kind: 4 }] } },
        { id: 'rel', method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: { baseUri: 'file:///p/My%20Proofs/Sub', pattern: '*.md' } }] } },
        { id: 'other', method: 'textDocument/formatting', registerOptions: {} },
      ],
    })
    assert.equal(r.wants(`${root}/lakefile.toml`, 3), true)
    assert.equal(r.wants(`${root}/lakefile.toml`, 2), false, 'kind 4 is deletions only')
    assert.equal(r.wants(`${root}/Sub/README.md`, 1), true)
    assert.equal(r.wants(`${root}/README.md`, 1), false, 'relative to its base')
    assert.equal(r.apply('client/unregisterCapability', { unregisterations: [{ id: 'rel', method: 'workspace/didChangeWatchedFiles' }] }), true)
    assert.equal(r.wants(`${root}/Sub/README.md`, 1), false)
    r.apply('client/unregisterCapability', { unregisterations: [{ id: 'deletes', method: 'workspace/didChangeWatchedFiles' }] })
    assert.equal(r.isEmpty, true)
  })

  it('skips malformed registrations without throwing', () => {
    const r = new WatcherRegistrations(root)
    assert.equal(r.apply('client/registerCapability', { registrations: 'x' }), false)
    assert.equal(r.apply('client/registerCapability', null), false)
    r.apply('client/registerCapability', { registrations: [null, { id: 'x', method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [7, { globPattern: { baseUri: 'http://x', pattern: '*' } }] } }] })
    assert.equal(r.wants(`${root}/A.lean`, 1), false)
  })

  it('never watches .git, node_modules, Lake\'s dependency checkouts or its generated C', () => {
    assert.equal(ignoredInLeanProject('.git'), true)
    assert.equal(ignoredInLeanProject('docs/node_modules'), true)
    assert.equal(ignoredInLeanProject('.lake/packages'), true)
    assert.equal(ignoredInLeanProject('.lake/build'), false)
    assert.equal(ignoredInLeanProject('.lake/build/ir'), true, 'generated C, thousands of files')
    assert.equal(ignoredInLeanProject('.lake/build/lib'), false, 'where the .ilean files are')
    assert.equal(ignoredInLeanProject('Mathlib'), false)
  })
})

describe('Lean\'s uris (System.Uri.pathToUri)', () => {
  it('escapes reserved characters and spaces, keeps ASCII, escapes UTF-8 bytes', () => {
    assert.equal(leanPathToUri('/p/My Proofs (2026)/A.lean', false), 'file:///p/My%20Proofs%20%282026%29/A.lean')
    assert.equal(leanPathToUri("/p/a'b+c!d@e,f;g=h&i$j*k:l/x.lean", false), 'file:///p/a%27b%2Bc%21d%40e%2Cf%3Bg%3Dh%26i%24j%2Ak%3Al/x.lean')
    assert.equal(leanPathToUri('/p/Équipe/ℕ.lean', false), 'file:///p/%C3%89quipe/%E2%84%95.lean')
    assert.equal(leanPathToUri('/p/100%/a-b_c.~.lean', false), 'file:///p/100%25/a-b_c.~.lean')
  })
  it('on Windows: forward slashes and a lower-case drive letter (its colon escaped, as Lean does)', () => {
    assert.equal(leanPathToUri('C:\\Users\\me\\A.lean', true), 'file:///c%3A/Users/me/A.lean')
  })
})

describe('coalescing', () => {
  it('decides what happened from before and after, not from the events', () => {
    assert.equal(changeOf(true, true), 2)
    assert.equal(changeOf(false, true), 1)
    assert.equal(changeOf(true, false), 3)
    assert.equal(changeOf(false, false), undefined)
  })

  it('flushes a burst once, after it settles, with each path once', async () => {
    const batches: string[][] = []
    let c!: ChangeCoalescer
    const flushed = new Promise<void>((resolve) => {
      c = new ChangeCoalescer({ settleMs: 20, maxDelayMs: 10_000, flush: () => (batches.push(c.take()), resolve()) })
    })
    for (let i = 0; i < 50; i++) c.touch(`/p/${i % 3}.lean`)
    await flushed
    c.dispose()
    assert.deepEqual(batches, [['/p/0.lean', '/p/1.lean', '/p/2.lean']])
  })

  it('flushes by the deadline while events keep coming', async () => {
    let c!: ChangeCoalescer
    let touching: ReturnType<typeof setInterval> | undefined
    const first = new Promise<string[]>((resolve) => {
      c = new ChangeCoalescer({ settleMs: 10_000, maxDelayMs: 50, flush: () => resolve(c.take()) })
    })
    touching = setInterval(() => c.touch('/p/busy.lean'), 5)
    const batch = await first
    clearInterval(touching)
    c.dispose()
    assert.deepEqual(batch, ['/p/busy.lean'])
  })
})

describe('a watched folder tree', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'lectern-watch-'))
  after(() => rmSync(tmp, { recursive: true, force: true }))

  /** Runs `act` and resolves with the batches seen until `done` says enough. */
  function watchUntil(root: string, act: () => void, done: (all: FileChange[]) => boolean): Promise<{ all: FileChange[]; watcher: TreeWatcher }> {
    return new Promise((resolve, reject) => {
      const all: FileChange[] = []
      // The watcher does not keep the process alive (it never should); this timer does, and fails a lost event.
      const guard = setTimeout(() => {
        watcher.dispose()
        reject(new Error(`changes seen so far: ${JSON.stringify(all)}`))
      }, 30_000)
      const watcher = new TreeWatcher({
        root,
        ignoreDir: ignoredInLeanProject,
        settleMs: 30,
        onChanges: (changes) => {
          all.push(...changes)
          if (!done(all)) return
          clearTimeout(guard)
          resolve({ all, watcher })
        },
      })
      void watcher.ready.then(act)
    })
  }
  const has = (all: FileChange[], path: string, type: number) => all.some((c) => c.path === path && c.type === type)

  it('reports created, changed and deleted files, in new folders too, and skips ignored trees', async () => {
    const root = join(tmp, 'proj')
    mkdirSync(join(root, 'Proj'), { recursive: true })
    mkdirSync(join(root, '.lake/packages/mathlib'), { recursive: true })
    writeFileSync(join(root, 'Proj/Basic.lean'), 'def a := 1\n')
    writeFileSync(join(root, 'Main.lean'), 'import Proj.Basic\n')
    const ilean = join(root, '.lake/build/lib/lean/Proj/Basic.ilean')
    const { all, watcher } = await watchUntil(
      root,
      () => {
        writeFileSync(join(root, '.lake/packages/mathlib/Ignored.lean'), 'x')
        writeFileSync(join(root, 'Proj/Basic.lean'), 'def a := 2\n')
        rmSync(join(root, 'Main.lean'))
        writeFileSync(join(root, 'Proj/New.lean'), '')
        // lake build creates its output folders on the first build
        mkdirSync(join(root, '.lake/build/lib/lean/Proj'), { recursive: true })
        writeFileSync(ilean, '{}')
      },
      (all) => has(all, ilean, 1) && has(all, join(root, 'Main.lean'), 3) && has(all, join(root, 'Proj/New.lean'), 1) && has(all, join(root, 'Proj/Basic.lean'), 2),
    )
    try {
      assert.ok(!all.some((c) => c.path.includes('packages')), 'nothing from .lake/packages')
      assert.ok(!all.some((c) => c.path.endsWith('Basic.lean') && c.type !== 2), 'an existing file written is changed, not created')
    } finally {
      watcher.dispose()
    }
  })

  it('walks a big tree in slices, the event loop free in between, and then reports changes deep in it', async () => {
    const root = join(tmp, 'big')
    for (let i = 0; i < 40; i++) for (let j = 0; j < 50; j++) mkdirSync(join(root, `A${i}`, `B${j}`), { recursive: true })
    const deep = join(root, 'A39/B49/Deep.lean')
    writeFileSync(deep, 'old')
    const order: string[] = []
    setImmediate(() => order.push('another task'))
    const watcher = new TreeWatcher({ root, ignoreDir: ignoredInLeanProject, settleMs: 30, onChanges: () => undefined })
    try {
      await watcher.ready.then(() => order.push('walked'))
      // 2,041 folders take far longer than one slice: other work ran before the walk ended.
      assert.deepEqual(order, ['another task', 'walked'])
      assert.equal(watcher.watchedDirs, 2041)
    } finally {
      watcher.dispose()
    }
    const { all, watcher: again } = await watchUntil(root, () => writeFileSync(deep, 'new'), (all) => has(all, deep, 2))
    again.dispose()
    assert.deepEqual(all, [{ path: deep, type: 2 }], 'a file found by the walk is changed, not created')
  })

  it('a save by rename is one change; a deleted folder deletes its files', async () => {
    const root = join(tmp, 'proj2')
    mkdirSync(join(root, 'Sub/Deep'), { recursive: true })
    writeFileSync(join(root, 'A.lean'), 'old')
    writeFileSync(join(root, 'Sub/Deep/B.lean'), 'b')
    const { all, watcher } = await watchUntil(
      root,
      () => {
        writeFileSync(join(root, 'A.lean.tmp'), 'new')
        renameSync(join(root, 'A.lean.tmp'), join(root, 'A.lean'))
        rmSync(join(root, 'Sub'), { recursive: true })
      },
      (all) => has(all, join(root, 'A.lean'), 2) && has(all, join(root, 'Sub/Deep/B.lean'), 3),
    )
    try {
      assert.ok(!all.some((c) => c.path.endsWith('.tmp')), 'the temporary file never shows')
      assert.equal(all.filter((c) => c.path.endsWith('B.lean')).length, 1)
    } finally {
      watcher.dispose()
    }
  })
})
