// The node:test counts of `npm test` come from scripts/node-test-counts.mjs, a reporter fed by the runner's
// events: leaf tests only, failing hooks and unloadable files count as failures, printed text counts for nothing.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test } from 'node:test'

const REPORTER = resolve(__dirname, '../scripts/node-test-counts.mjs')

test('counts leaf tests from events: suites and parents are containers, printed "# pass 99" is ignored', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-counts-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'a.test.mjs'), `
import { test, describe, it } from 'node:test'
test('prints an imitation', () => { console.log('# pass 99'); console.log('# fail 0') })
test('fails', () => { throw new Error('x') })
test.skip('skipped', () => {})
test.todo('todo')
describe('suite', () => { it('in1', () => {}); it('in2', () => {}) })
test('parent', async (t) => { await t.test('c1', () => {}); await t.test('c2', () => {}) })
test('teardown fails', (t) => { t.after(() => { throw new Error('teardown') }) })
test('parent whose teardown fails', async (t) => { t.after(() => { throw new Error('teardown') }); await t.test('c3', () => {}) })
`)
  writeFileSync(join(dir, 'b.test.mjs'), 'this is not JavaScript (\n')
  const out = join(dir, 'counts.json')
  // NODE_TEST_CONTEXT would make the inner runner behave as a child of this one.
  const env = { ...process.env }
  delete env.NODE_TEST_CONTEXT
  const args = ['--test', `--test-reporter=${REPORTER}`, `--test-reporter-destination=${out}`, join(dir, 'a.test.mjs'), join(dir, 'b.test.mjs')]
  const res = spawnSync(process.execPath, args, { encoding: 'utf8', env })
  assert.notEqual(res.status, 0)
  const counts = JSON.parse(readFileSync(out, 'utf8'))
  // passed: the imitation, in1, in2, c1, c2, c3; failed: fails, teardown, parent's teardown, the unloadable file.
  assert.deepEqual([counts.passed, counts.failed, counts.skipped], [6, 4, 2])
  assert.equal(counts.failures.length, 4)
  assert.ok(counts.failures.some((f: string) => f.includes('b.test.mjs')), 'the file that cannot load is named')
})
