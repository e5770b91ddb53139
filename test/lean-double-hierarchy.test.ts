// The double's call and module hierarchy answers, read straight from its functions over a temp project whose
// folder name needs Lean's escapes: shapes as Lean's watchdog sends them, open documents in their current text.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { incomingCalls, indexProject, outgoingCalls, prepareCallHierarchy } from '../e2e/lean-double/call-hierarchy'
import { leanPathToUri } from '../e2e/lean-double/cross-file'
import { elabFile } from '../e2e/lean-double/elab-command'
import { moduleImportedBy, moduleImports, prepareModuleHierarchy } from '../e2e/lean-double/module-hierarchy'
import { pathToUri } from '../e2e/lean-double/text'

const root = path.join(mkdtempSync(path.join(tmpdir(), 'double-hier-')), 'My Proofs (2026)')
after(() => rmSync(path.dirname(root), { recursive: true, force: true }))
mkdirSync(path.join(root, 'P'), { recursive: true })
const A = 'def double (n : Nat) : Nat := n + n\n\ndef quad (n : Nat) : Nat := double (double n)\n'
const B = 'import P.A\n\ntheorem four : double 2 = 4 := rfl\n'
writeFileSync(path.join(root, 'P/A.lean'), A)
writeFileSync(path.join(root, 'P/B.lean'), B)
const file = (rel: string) => path.join(root, rel)

function sources(open: Record<string, string> = {}) {
  return {
    root,
    openText: (f: string) => open[f],
    resolveModule: (m: string) => {
      const f = path.join(root, ...m.split('.')) + '.lean'
      return { uri: pathToUri(f), text: open[f] ?? (m === 'P.A' ? A : B) }
    },
  }
}

describe('lean-double call hierarchy', () => {
  const index = indexProject(sources())
  const fe = elabFile(A, { uri: pathToUri(file('P/A.lean')), root, resolveModule: sources().resolveModule })

  it('prepares a constant item with its name range and {module, name} data, written with Lean uris', () => {
    const [item, ...rest] = prepareCallHierarchy(index, fe, 6)
    assert.equal(rest.length, 0)
    const name = { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } }
    assert.deepEqual(item, { name: 'double', kind: 14, uri: leanPathToUri(file('P/A.lean')), range: name, selectionRange: name, data: { module: 'P.A', name: 'double' } })
    assert.match(item.uri, /My%20Proofs%20%282026%29\/P\/A\.lean$/)
    assert.deepEqual(prepareCallHierarchy(index, fe, A.indexOf('n + n')), [], 'a local has no call hierarchy')
  })

  it('groups incoming calls by caller, across files, sorted by name; outgoing by callee', () => {
    const item = prepareCallHierarchy(index, fe, 6)[0]
    const incoming = incomingCalls(index, item) as { from: { name: string; uri: string; range: unknown }; fromRanges: unknown[] }[]
    assert.deepEqual(incoming.map((c) => [c.from.name, c.fromRanges.length]), [['four', 1], ['quad', 2]])
    assert.equal(incoming[0].from.uri, leanPathToUri(file('P/B.lean')))
    assert.deepEqual(incoming[1].from.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 45 } }, "the caller's whole declaration")
    const quad = prepareCallHierarchy(index, fe, A.indexOf('quad'))[0]
    const outgoing = outgoingCalls(index, quad) as { to: { name: string }; fromRanges: unknown[] }[]
    assert.deepEqual(outgoing.map((c) => [c.to.name, c.fromRanges.length]), [['double', 2]])
    assert.deepEqual(incomingCalls(index, { name: 'x', data: 'not lean data' }), [], 'data Lean cannot decode gives no calls')
  })

  it('sees an open document in its unsaved text', () => {
    const edited = 'import P.A\n\ntheorem four : double 2 = 4 := rfl\n\ndef twice (n : Nat) : Nat := double n\n'
    const item = prepareCallHierarchy(indexProject(sources({ [file('P/B.lean')]: edited })), fe, 6)[0]
    const names = (incomingCalls(indexProject(sources({ [file('P/B.lean')]: edited })), item) as { from: { name: string } }[]).map((c) => c.from.name)
    assert.deepEqual(names, ['four', 'quad', 'twice'])
  })
})

describe('lean-double module hierarchy', () => {
  const src = sources()

  it('answers LeanModule / LeanImport with Lean uris, imports and importers from closed files too', () => {
    const b = prepareModuleHierarchy(src, pathToUri(file('P/B.lean')))
    assert.deepEqual(b, { name: 'P.B', uri: leanPathToUri(file('P/B.lean')) })
    const kind = { isPrivate: false, isAll: false, metaKind: 'nonMeta' }
    assert.deepEqual(moduleImports(src, b!), [{ module: { name: 'P.A', uri: leanPathToUri(file('P/A.lean')) }, kind }])
    assert.deepEqual(moduleImportedBy(src, { name: 'P.A', uri: 'file:///anything' }), [{ module: { name: 'P.B', uri: leanPathToUri(file('P/B.lean')) }, kind }])
    assert.deepEqual(moduleImportedBy(src, b!), [])
    assert.equal(prepareModuleHierarchy(src, 'file:///elsewhere/X.lean'), null)
  })
})
