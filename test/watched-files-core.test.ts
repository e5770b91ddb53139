// Files changed outside Lectern, end to end through the core: the double registers Lean's watchers, an outside
// program writes an imported module's `.lean` and its `.ilean` under `.lake/build`, and the double receives
// workspace/didChangeWatchedFiles with the right change types and Lean's own uris — and, as the real watchdog
// does, gives the open importer the sticky "should be rebuilt" notice.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { leanPathToUri } from '../src/main/lean/watched-files/lean-uri'
import { DOUBLE, startCore, waitFor } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "p"\n' }
const REBUILT = 'Imports are out of date and should be rebuilt; use the "Restart File" command in your editor.'

function inbound(log: string): any[] {
  let text = ''
  try {
    text = readFileSync(log, 'utf8')
  } catch {
    return []
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((e) => e.dir === 'in')
    .map((e) => e.msg)
}

function watchedChanges(log: string): { uri: string; type: number }[] {
  return inbound(log)
    .filter((m) => m.method === 'workspace/didChangeWatchedFiles')
    .flatMap((m) => m.params.changes)
}

test('outside writes to an imported .lean and its .ilean reach Lean as didChangeWatchedFiles; the importer hears "should be rebuilt"', async (t) => {
  const log = join(tmpdir(), `double-watch-${process.pid}-${Date.now()}.log`)
  const h = await startCore({
    files: { ...PROJECT, 'Lib/Basic.lean': 'def one := 1\n', 'Main.lean': 'import Lib.Basic\n\ntheorem t : one = 1 := rfl\n', 'Odd (1)/Gone.lean': '' },
    env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LEAN_DOUBLE_LOG: log },
  })
  t.after(async () => {
    await h.dispose()
    rmSync(log, { force: true })
  })
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const main = await c.call('doc.open', { path: h.file('Main.lean') })
  await c.waitServer('running')
  await c.waitDiagnostics(main.uri, (m) => m.length === 0)
  // The double registered its watchers once it was initialized; the core answered.
  await waitFor(() => inbound(log).some((m) => m.id === 'register_lean_watcher' && 'result' in m), 'the registration answered')

  // What `lake build` in a terminal does: a new .ilean under a new .lake/build tree, then a source edit.
  writeFileSync(h.file('README.md'), 'not watched by Lean\n')
  const ilean = h.file('.lake/build/lib/lean/Lib/Basic.ilean')
  mkdirSync(join(ilean, '..'), { recursive: true })
  writeFileSync(ilean, '{"version":4}')
  const iChange = await waitFor(() => watchedChanges(log).find((x) => x.uri.endsWith('Basic.ilean')), 'the .ilean change')
  assert.deepEqual(iChange, { uri: leanPathToUri(ilean), type: 1 })

  writeFileSync(h.file('Lib/Basic.lean'), 'def one := 1\ndef two := 2\n')
  const msgs = await c.waitDiagnostics(main.uri, (m) => m.includes(REBUILT))
  assert.deepEqual(msgs, [REBUILT])
  assert.deepEqual(watchedChanges(log).find((x) => x.uri.endsWith('Basic.lean')), { uri: leanPathToUri(h.file('Lib/Basic.lean')), type: 2 })

  // Deleted, in a folder whose name Lean escapes: the uri is Lean's (`%20%281%29`), not Node's.
  rmSync(h.file('Odd (1)/Gone.lean'))
  const gone = await waitFor(() => watchedChanges(log).find((x) => x.uri.endsWith('Gone.lean')), 'the deletion')
  assert.deepEqual(gone, { uri: `${leanPathToUri(h.workspace)}/Odd%20%281%29/Gone.lean`, type: 3 })
  assert.ok(!watchedChanges(log).some((x) => x.uri.endsWith('README.md')), 'only what Lean registered for')
})
