// Rename across files: Lean's WorkspaceEdit may name files nobody opened (with Lean's own uri escapes); the core
// writes those atomically from LSP TextEdits, and refuses what would lose text.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it, test } from 'node:test'
import { LecternErrorCodes } from '../src/shared/api'
import { applyTextEdits } from '../src/shared/text'
import { fileUriKey } from '../src/shared/uri-key'
import { pathToUri } from '../src/main/util/uri'
import { startCore, waitFor } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'

const at = (line: number, character: number) => ({ line, character })

describe('applyTextEdits', () => {
  it('applies edits whose ranges all refer to the original text, in any order', () => {
    const text = 'def double := 2\n#eval double + double\n'
    const edits = [
      { range: { start: at(1, 15), end: at(1, 21) }, newText: 'twice' },
      { range: { start: at(0, 4), end: at(0, 10) }, newText: 'twice' },
      { range: { start: at(1, 6), end: at(1, 12) }, newText: 'twice' },
    ]
    assert.equal(applyTextEdits(text, edits), 'def twice := 2\n#eval twice + twice\n')
  })

  it('counts UTF-16 code units and keeps CRLF line ends', () => {
    assert.equal(applyTextEdits('def 𝔽x := 1\r\n#check 𝔽x\r\n', [{ range: { start: at(1, 7), end: at(1, 10) }, newText: 'G' }]), 'def 𝔽x := 1\r\n#check G\r\n')
  })

  it('refuses overlapping and malformed edits instead of writing half of them', () => {
    const overlap = [
      { range: { start: at(0, 0), end: at(0, 5) }, newText: 'a' },
      { range: { start: at(0, 3), end: at(0, 7) }, newText: 'b' },
    ]
    assert.throws(() => applyTextEdits('0123456789', overlap), /overlap/)
    assert.throws(() => applyTextEdits('x', [{ range: { start: at(0, -1), end: at(0, 1) }, newText: 'y' }]), /Malformed/)
  })
})

const PROJECT = {
  'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
  'lakefile.toml': 'name = "demo"\n',
  'A.lean': 'def double (n : Nat) : Nat := n + n\n',
  'B.lean': 'import A\n\ntheorem four : double 2 = 4 := rfl\n#eval double 3\n',
}

test('a rename from A.lean edits B.lean, which is not open and lies in "My Proofs (2026)"', async (t) => {
  const files = Object.fromEntries(Object.entries(PROJECT).map(([k, v]) => [`My Proofs (2026)/${k}`, v]))
  const h = await startCore({ files })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const a = await c.call('doc.open', { path: h.file('My Proofs (2026)/A.lean') })
  await c.waitDiagnostics(a.uri, () => true)
  const edit = await c.call('lean.request', {
    uri: a.uri,
    method: 'textDocument/rename',
    params: { textDocument: { uri: a.uri }, position: at(0, 5), newName: 'twice' },
  })
  const uris = Object.keys(edit.changes)
  const bPath = h.file('My Proofs (2026)/B.lean')
  const bUri = uris.find((u) => fileUriKey(u) === fileUriKey(pathToUri(bPath)))
  assert.ok(bUri, `B.lean among ${uris.join(', ')}`)
  assert.notEqual(bUri, pathToUri(bPath), "the double writes B's uri with Lean's escapes, not Node's")

  await c.call('workspace.applyTextEdits', { path: bPath, edits: edit.changes[bUri] })
  assert.equal(readFileSync(bPath, 'utf8'), 'import A\n\ntheorem four : twice 2 = 4 := rfl\n#eval twice 3\n')

  // An open document with unsaved text is edited in its editor, never behind its back.
  await c.call('doc.change', { uri: a.uri, changes: [{ range: { start: at(1, 0), end: at(1, 0) }, text: '-- unsaved\n' }] })
  await assert.rejects(
    c.call('workspace.applyTextEdits', { path: h.file('My Proofs (2026)/A.lean'), edits: edit.changes[a.uri] }),
    (e: { code?: number }) => e.code === LecternErrorCodes.UnsavedChanges,
  )
  assert.equal(readFileSync(h.file('My Proofs (2026)/A.lean'), 'utf8'), PROJECT['A.lean'])
  // Outside the workspace, or edits that do not fit: refused, nothing written.
  await assert.rejects(
    c.call('workspace.applyTextEdits', { path: '/etc/hostname', edits: [] }),
    (e: { code?: number }) => e.code === LecternErrorCodes.PathOutsideWorkspace,
  )
  const before = readFileSync(bPath, 'utf8')
  await assert.rejects(
    c.call('workspace.applyTextEdits', { path: bPath, edits: [{ range: { start: at(0, 0), end: at(0, 4) }, newText: 'x' }, { range: { start: at(0, 2), end: at(0, 6) }, newText: 'y' }] }),
    (e: { code?: number; message?: string }) => e.code === -32602 && /overlap/.test(e.message ?? ''),
  )
  await assert.rejects(c.call('workspace.applyTextEdits', { path: bPath, edits: 'nope' }), (e: { code?: number }) => e.code === -32602)
  assert.equal(readFileSync(bPath, 'utf8'), before)

  // References see the use in the closed file too.
  const refs = await waitFor(async () => {
    const r = await c.call('lean.request', { uri: a.uri, method: 'textDocument/references', params: { textDocument: { uri: a.uri }, position: at(0, 5), context: { includeDeclaration: true } } })
    return Array.isArray(r) ? r : undefined
  }, 'references')
  assert.ok(refs.some((r: { uri: string }) => r.uri === a.uri))
})
