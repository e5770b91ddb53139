// The `lsp` channel's filter: `omitText` leaves a didOpen's whole text out of that subscription's events (the window
// only needs the uri), while other subscribers still get the event as Lean got it; a bad value is refused.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { startCore, waitFor } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'

describe("the lsp channel's omitText", () => {
  it('sends didOpen without its text to the subscription that asked, and whole to the others', async (t) => {
    const h = await startCore({ files: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n' } })
    t.after(() => h.dispose())
    const uri = 'file:///w/A.lean'
    const text = 'theorem a : 1 = 1 := rfl\n'.repeat(1000)
    const trimmed = new TestClient(h.core)
    const plain = new TestClient(h.core)
    await trimmed.call('channel.subscribe', { channel: 'lsp', filter: { direction: 'client', omitText: true } })
    await plain.call('channel.subscribe', { channel: 'lsp', filter: { direction: 'client' } })
    await new Promise((r) => setImmediate(r))
    h.core.hub.publish('lsp', { direction: 'client', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'lean4', version: 1, text }, dependencyBuildMode: 'once' } })
    const change = { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] }
    h.core.hub.publish('lsp', { direction: 'client', method: 'textDocument/didChange', params: change })
    await waitFor(() => (trimmed.events.length === 2 && plain.events.length === 2 ? true : undefined), 'both events on both subscriptions')

    const [open, changed] = trimmed.events.map((e) => e.payload)
    assert.deepEqual(open, { direction: 'client', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'lean4', version: 1 }, dependencyBuildMode: 'once' } })
    // Only didOpen's text is left out: a didChange's text is the change itself.
    assert.deepEqual(changed.params, change)
    assert.equal(plain.events[0].payload.params.textDocument.text, text, 'the other subscription gets the whole didOpen')
  })

  it('refuses an omitText that is not a boolean', async (t) => {
    const h = await startCore({ files: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n' } })
    t.after(() => h.dispose())
    const c = new TestClient(h.core)
    await assert.rejects(c.call('channel.subscribe', { channel: 'lsp', filter: { omitText: 'yes' } }), /'omitText' must be a boolean/)
  })
})
