// Root mapping for remote Lean servers: every file uri under one root moves to the other root, in every
// kind of message, both ways; document text is never touched; uris are compared by decoded path.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { RootMapping } from '../src/main/lean/path-map'

const m = new RootMapping('/home/me/work/proj', '/srv/big box/proj')
const L = 'file:///home/me/work/proj'
const R = 'file:///srv/big%20box/proj'

test('requests and notifications to the remote: documents, initialize roots; text untouched', () => {
  const open = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: `${L}/A.lean`, version: 1, text: `-- see ${L}/A.lean\n${L}/B.lean` } } }
  const out = m.toRemote(open)
  assert.equal(out.params.textDocument.uri, `${R}/A.lean`)
  assert.equal(out.params.textDocument.text, open.params.textDocument.text)
  assert.equal(open.params.textDocument.uri, `${L}/A.lean`, 'the original is not modified')
  const init = m.toRemote({ rootUri: L, rootPath: '/home/me/work/proj', workspaceFolders: [{ uri: L, name: 'proj' }] })
  assert.deepEqual(init, { rootUri: R, rootPath: '/srv/big box/proj', workspaceFolders: [{ uri: R, name: 'proj' }] })
  const change = m.toRemote({ textDocument: { uri: `${L}/Sub/C.lean` }, contentChanges: [{ text: `${L}/x` }] })
  assert.equal(change.textDocument.uri, `${R}/Sub/C.lean`)
  assert.equal(change.contentChanges[0].text, `${L}/x`)
})

test('answers from the remote: locations, links, related information, workspace edits', () => {
  // Lean escapes differently from Node (lowercase hex here): compared by decoded path.
  const leanUri = 'file:///srv/big%20box/proj/D%c3%a9f.lean'
  const diag = m.toLocal({
    uri: `${R}/A.lean`,
    diagnostics: [{ message: 'x', relatedInformation: [{ location: { uri: leanUri, range: {} }, message: 'here' }] }],
  })
  assert.equal(diag.uri, `${L}/A.lean`)
  assert.equal(diag.diagnostics[0].relatedInformation[0].location.uri, `${L}/D%C3%A9f.lean`)
  const links = m.toLocal([{ targetUri: `${R}/Defs.lean`, targetRange: {} }, { uri: 'file:///elsewhere/Init/Prelude.lean' }])
  assert.equal(links[0].targetUri, `${L}/Defs.lean`)
  assert.equal(links[1].uri, 'file:///elsewhere/Init/Prelude.lean', 'files outside the project stay as they are')
  const edit: { changes: Record<string, { newText: string }[]>; documentChanges: { textDocument: { uri: string } }[] } = m.toLocal({
    changes: { [`${R}/A.lean`]: [{ range: {}, newText: `${R}/kept` }] },
    documentChanges: [{ textDocument: { uri: `${R}/B.lean`, version: 2 }, edits: [] }],
  })
  assert.deepEqual(Object.keys(edit.changes), [`${L}/A.lean`])
  assert.equal(edit.changes[`${L}/A.lean`][0].newText, `${R}/kept`)
  assert.equal(edit.documentChanges[0].textDocument.uri, `${L}/B.lean`)
  // A sibling folder that merely shares the prefix is not under the root.
  assert.equal(m.toLocal({ uri: 'file:///srv/big%20box/project2/A.lean' }).uri, 'file:///srv/big%20box/project2/A.lean')
})

test('the same root on both machines passes messages through as they are', () => {
  const same = new RootMapping('/p', '/p')
  const msg = { uri: 'file:///p/A.lean' }
  assert.equal(same.toRemote(msg), msg)
})
