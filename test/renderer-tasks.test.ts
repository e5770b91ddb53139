// The renderer's task model: output accumulation and replays, build problems into Problems, which open files
// are offered Restart File, and which install the banner offers.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { ServerEvent, TaskEvent } from '../src/shared/channels'
import { BuildProblems } from '../src/renderer/src/workbench/features/tasks/build-problems'
import { installFor } from '../src/renderer/src/workbench/features/tasks'
import { filesToRestart, importsOf } from '../src/renderer/src/workbench/features/tasks/restart-offer'
import { progressText, TaskStore } from '../src/renderer/src/workbench/features/tasks/task-store'
import { problemRows } from '../src/renderer/src/workbench/problems-panel'
import { DiagnosticsStore } from '../src/renderer/src/workbench/diagnostics-store'

const task = (over: Partial<TaskEvent>): TaskEvent => ({
  id: 'task-1', kind: 'build', project: '/p', title: 'Build Project', command: 'lake build', state: 'running', output: [], ...over,
})

describe('TaskStore', () => {
  it('appends output, replaces it on a replay, and fires onDidEnd once', () => {
    const store = new TaskStore()
    const ended: string[] = []
    store.onDidEnd((e) => ended.push(`${e.id}:${e.state}`))
    store.apply(task({ output: ['$ lake build', 'a'] }))
    store.apply(task({ output: ['b'] }))
    assert.deepEqual(store.get('task-1')?.lines, ['$ lake build', 'a', 'b'])
    store.apply(task({ output: ['$ lake build', 'a', 'b', 'c'], fromStart: true }))
    assert.deepEqual(store.get('task-1')?.lines, ['$ lake build', 'a', 'b', 'c'])
    store.apply(task({ state: 'failed', output: ['[Build Project failed]'] }))
    store.apply(task({ state: 'failed', output: [], fromStart: true }))
    assert.deepEqual(ended, ['task-1:failed'])
    store.apply(task({ id: 'task-10', output: [] }))
    store.apply(task({ id: 'task-2', state: 'done', output: [] }))
    assert.equal(store.current()?.event.id, 'task-10', 'the newest running task is current')
    assert.deepEqual(store.all().map((r) => r.event.id), ['task-1', 'task-2', 'task-10'])
  })

  it('progress text and percentage', () => {
    assert.deepEqual(progressText(task({ progress: { done: 12, total: 48, text: 'Built Foo' } })), { text: '12/48 · Built Foo', percent: 25 })
    assert.deepEqual(progressText(task({ progress: { text: 'Decompressing 4 file(s)' } })), { text: 'Decompressing 4 file(s)' })
    assert.deepEqual(progressText(task({ state: 'cancelled', detail: 'Build Project was cancelled.' })), { text: 'Build Project was cancelled.' })
  })
})

describe('build problems', () => {
  const problem = (uri: string, line: number) => ({ path: uri.slice(7), uri, line, character: 2, severity: 1 as const, message: `bad ${line}` })

  it('land in Problems beside the open files\' diagnostics; the next build of the project replaces them', () => {
    const build = new BuildProblems()
    const lean = new DiagnosticsStore()
    lean.set('file:///p/A.lean', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'live' }])
    build.apply(task({ problems: [problem('file:///p/A.lean', 4), problem('file:///p/B.lean', 1)] }))
    const rows = problemRows(lean, (u) => u.split('/').pop() ?? u, [build.store])
    assert.deepEqual(rows.map((r) => `${r.uri.split('/').pop()}:${r.diagnostic.range.start.line}:${r.diagnostic.message}:${r.diagnostic.source ?? ''}`), [
      'A.lean:0:live:',
      'A.lean:4:bad 4:lake build',
      'B.lean:1:bad 1:lake build',
    ])
    build.apply(task({ id: 'task-2', problems: [problem('file:///p/B.lean', 7)] }))
    assert.deepEqual(build.store.uris(), ['file:///p/B.lean'])
    assert.equal(build.store.get('file:///p/B.lean')[0].message, 'bad 7')
    // A replay of the older task does not bring its problems back.
    build.apply(task({ id: 'task-1', problems: [problem('file:///p/A.lean', 4)], fromStart: true }))
    assert.deepEqual(build.store.uris(), ['file:///p/B.lean'])
  })
})

describe('Restart File offer', () => {
  it('reads imports, also of the module system, up to comments', () => {
    assert.deepEqual(importsOf('import Mathlib.Topology.Basic\npublic import Foo.Bar Baz -- two\nmeta import all Qux\ntheorem x : True := trivial'), [
      'Mathlib.Topology.Basic', 'Foo.Bar', 'Baz', 'Qux',
    ])
  })

  it('offers it to files importing a rebuilt module; after a cache fetch, to files importing anything but Lean\'s own', () => {
    const docs = [
      { uri: 'file:///p/A.lean', text: 'import Demo.Basic\n' },
      { uri: 'file:///p/B.lean', text: 'import Mathlib\n' },
      { uri: 'file:///p/C.lean', text: 'import Lean\n' },
    ]
    assert.deepEqual(filesToRestart(docs, ['Demo.Basic']), ['file:///p/A.lean'])
    assert.deepEqual(filesToRestart(docs, ['*']), ['file:///p/A.lean', 'file:///p/B.lean'])
    assert.deepEqual(filesToRestart(docs, []), [])
  })
})

describe('banner installs', () => {
  const ev = (fixCommand: string | undefined, state: ServerEvent['state'] = 'no-toolchain'): ServerEvent => ({ project: '/p', state, detail: '', ...(fixCommand ? { fixCommand } : {}) })
  it('Install elan for the installer, Install toolchain for `elan toolchain install`, nothing else', () => {
    assert.deepEqual(installFor(ev('curl https://elan.lean-lang.org/elan-init.sh -sSf | sh')), { what: 'elan', label: 'Install elan' })
    assert.deepEqual(installFor(ev("elan toolchain install 'leanprover/lean4:v4.20.0'")), { what: 'toolchain', label: 'Install toolchain' })
    assert.equal(installFor(ev('elan default leanprover/lean4:stable')), undefined)
    assert.equal(installFor(ev('curl https://elan.lean-lang.org/elan-init.sh -sSf | sh', 'crashed')), undefined)
  })
})
