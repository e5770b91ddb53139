// Lean writes uris with System.Uri.pathToUri, Node with pathToFileURL, Monaco its own way: the same file must
// be recognised whichever wrote the uri (an open tab, its diagnostics, a rename's edits).
import assert from 'node:assert/strict'
import { pathToFileURL } from 'node:url'
import { describe, it } from 'node:test'
import { fileUriKey, sameFileUri } from '../src/shared/uri-key'

describe('fileUriKey', () => {
  it("matches Lean's escapes of ( ) ' + ! @ , ; = & $ * : and spaces with Node's uri of the same path", () => {
    const path = "/home/u/My Proofs (2026)/it's+a!b@c,d;e=f&g$h*i:j/A.lean"
    const node = pathToFileURL(path).href
    const lean =
      'file:///home/u/My%20Proofs%20%282026%29/it%27s%2Ba%21b%40c%2Cd%3Be%3Df%26g%24h%2Ai%3Aj/A.lean'
    assert.notEqual(node, lean)
    assert.equal(sameFileUri(node, lean), true)
    assert.equal(fileUriKey(lean), `file://${path}`)
  })

  it('lower-cases Windows drive letters and accepts an escaped colon', () => {
    assert.equal(sameFileUri('file:///C:/Users/me/A.lean', 'file:///c%3A/Users/me/A.lean'), true)
    assert.equal(sameFileUri('file:///C:/Users/me/A.lean', 'file:///c:/Users/me/A.lean'), true)
    assert.equal(fileUriKey('file:///C:/Users/me/A.lean'), 'file:///c:/Users/me/A.lean')
  })

  it('non-ASCII names compare decoded, escaped or not', () => {
    assert.equal(sameFileUri('file:///home/u/%C3%A9t%C3%A9/%F0%9D%94%BD.lean', 'file:///home/u/été/𝔽.lean'), true)
  })

  it('keeps different files apart: case of other letters, a real %25 in a name, another host', () => {
    assert.equal(sameFileUri('file:///home/u/A.lean', 'file:///home/u/a.lean'), false)
    assert.equal(sameFileUri('file:///home/u/100%25.lean', 'file:///home/u/100.lean'), false)
    assert.equal(fileUriKey('file:///home/u/100%25.lean'), 'file:///home/u/100%.lean')
    assert.equal(sameFileUri('file://server/share/A.lean', 'file:///share/A.lean'), false)
    assert.equal(sameFileUri('file://localhost/home/A.lean', 'file:///home/A.lean'), true)
  })

  it('leaves other schemes and malformed escapes as they are, never throwing', () => {
    assert.equal(fileUriKey('untitled:Untitled-1'), 'untitled:Untitled-1')
    assert.equal(fileUriKey('file:///home/u/%E0x%20y.lean'), 'file:///home/u/%E0x y.lean')
  })
})

describe('modelForUri', () => {
  it('finds an open document from the uri Lean writes for it', async () => {
    const { bindModelToUri, modelForUri, leanUriOf } = await import('../src/renderer/src/editor/document-uris')
    type Model = Parameters<typeof bindModelToUri>[0]
    const model = { onWillDispose: () => ({ dispose() {} }) } as unknown as Model
    const coreUri = pathToFileURL('/home/u/My Proofs (2026)/Main.lean').href
    bindModelToUri(model, coreUri)
    assert.equal(modelForUri('file:///home/u/My%20Proofs%20%282026%29/Main.lean'), model)
    assert.equal(leanUriOf(model), coreUri, 'requests still use the uri the core opened the document with')
    assert.equal(modelForUri('file:///home/u/My%20Proofs%20%282026%29/Other.lean'), undefined)
  })
})
