// The pure parts of the navigation views: references grouped by file (uris written by Lean and by Node name
// the same file), previews, and the lazily expanded tree of the call and module hierarchies.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { groupReferences, previewOf, relativeLabel, summaryOf } from '../src/renderer/src/workbench/features/references/reference-groups'
import { LazyTree } from '../src/renderer/src/workbench/features/hierarchy/tree-model'

const range = (line: number, s: number, e: number) => ({ start: { line, character: s }, end: { line, character: e } })

describe('references grouped by file', () => {
  const root = '/home/u/My Proofs (2026)'
  const lean = 'file:///home/u/My%20Proofs%20%282026%29/Proofs/B.lean' // as System.Uri.pathToUri writes it
  const node = 'file:///home/u/My%20Proofs%20(2026)/Proofs/B.lean' // as pathToFileURL writes it

  it('puts one file under one group however its uri was escaped, with paths relative to the folder', () => {
    const groups = groupReferences(
      [
        { uri: lean, range: range(4, 2, 8) },
        { uri: 'file:///home/u/My%20Proofs%20%282026%29/A.lean', range: range(0, 4, 10) },
        { uri: node, range: range(1, 0, 6) },
        { uri: lean, range: range(4, 2, 8) }, // the same reference twice: listed once
      ],
      [root],
    )
    assert.deepEqual(groups.map((g) => [g.label, g.references.map((r) => r.range.start.line)]), [
      ['A.lean', [0]],
      ['Proofs/B.lean', [1, 4]],
    ])
    assert.equal(groups[1].uri, lean, 'the first uri Lean wrote is the one opened')
    assert.equal(summaryOf(groups), '3 results in 2 files')
    assert.equal(summaryOf([]), 'No references')
  })

  it('labels files outside every folder by their whole path, and Windows paths relative to their folder', () => {
    assert.equal(relativeLabel('file:///opt/lean/src/lean/Init/Prelude.lean', [root]), '/opt/lean/src/lean/Init/Prelude.lean')
    assert.equal(relativeLabel('file:///c%3A/Users/u/P/Proofs/Main.lean', ['C:\\Users\\u\\P']), 'Proofs/Main.lean', "Lean's lower-cased drive letter")
    assert.equal(relativeLabel('file:///C:/Users/u/P/Main.lean', ['C:\\Users\\u\\P']), 'Main.lean')
    assert.equal(relativeLabel('untitled:1', [root]), 'untitled:1')
  })

  it('previews the line around the match, without leading blanks, shortening long context', () => {
    assert.deepEqual(previewOf('    exact double 2', range(0, 10, 16)), { before: 'exact ', match: 'double', after: ' 2' })
    const long = `${'x'.repeat(100)} double ${'y'.repeat(200)}`
    const p = previewOf(long, range(0, 101, 107))
    assert.equal(p.match, 'double')
    assert.ok(p.before.startsWith('…') && p.before.length === 41)
    assert.ok(p.after.endsWith('…') && p.after.length === 81)
    // A range past the end of a changed line does not throw.
    assert.deepEqual(previewOf('ab', range(0, 5, 9)), { before: 'ab', match: '', after: '' })
  })
})

describe('lazy tree', () => {
  function deferred<T>() {
    let resolve!: (v: T) => void
    let reject!: (e: unknown) => void
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
    return { promise, resolve, reject }
  }

  it('asks for children once, on first expansion, and lists expanded levels in order', async () => {
    const asked: string[] = []
    const kids: Record<string, string[]> = { root: ['a', 'b'], a: ['a1'], b: [], a1: [] }
    const tree = new LazyTree<string>({ children: async (n) => (asked.push(n), kids[n]), expandable: () => true }, () => {})
    await tree.setRoots(['root'])
    assert.deepEqual(tree.visible().map((n) => `${n.depth}:${n.data}`), ['0:root', '1:a', '1:b'])
    const a = tree.visible()[1]
    await tree.toggle(a)
    assert.deepEqual(tree.visible().map((n) => n.data), ['root', 'a', 'a1', 'b'])
    await tree.toggle(a)
    await tree.toggle(a)
    assert.deepEqual(asked, ['root', 'a'], 'collapsing and expanding again asks nothing new')
  })

  it('drops an answer that arrives after the tree was replaced, and shows a failure on its node', async () => {
    const pending = deferred<string[]>()
    let changes = 0
    const tree = new LazyTree<string>({ children: (n) => (n === 'old' ? pending.promise : n === 'bad' ? Promise.reject(new Error('no server')) : Promise.resolve([])), expandable: () => true }, () => changes++)
    const first = tree.setRoots(['old'])
    await tree.setRoots(['bad'])
    pending.resolve(['stale'])
    await first
    assert.deepEqual(tree.visible().map((n) => n.data), ['bad'])
    const bad = tree.visible()[0]
    assert.equal(bad.error, 'no server')
    assert.equal(bad.expanded, false)
    assert.equal(bad.loading, false)
    assert.ok(changes > 0)
  })
})
