// Requests go only to servers that advertise the provider: an older Lean (no signatureHelpProvider before 4.22)
// answers -32601 to each, and a space would otherwise earn one warning per keystroke.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Backend } from '../src/renderer/src/backend/backend'
import { bindModelToUri } from '../src/renderer/src/editor/document-uris'
import type { monaco } from '../src/renderer/src/editor/monaco'
import { serverOffers } from '../src/renderer/src/features/capability-gate'
import { LeanRequester } from '../src/renderer/src/features/request'

// The initialize result of a current Lean (lean-protocol.md §3.4), minus what each case removes.
const CURRENT_LEAN = {
  callHierarchyProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: true },
  completionProvider: { resolveProvider: true, triggerCharacters: ['.'] },
  definitionProvider: true,
  experimental: { moduleHierarchyProvider: {}, rpcProvider: {} },
  hoverProvider: true,
  renameProvider: { prepareProvider: true },
  semanticTokensProvider: { full: true, range: true, legend: { tokenTypes: [], tokenModifiers: [] } },
  signatureHelpProvider: { triggerCharacters: [' '] },
}

describe('serverOffers', () => {
  it('offers what the capabilities name, down to the options a sub-request needs', () => {
    assert.equal(serverOffers(CURRENT_LEAN, 'textDocument/signatureHelp'), true)
    assert.equal(serverOffers(CURRENT_LEAN, 'textDocument/prepareRename'), true)
    assert.equal(serverOffers(CURRENT_LEAN, 'codeAction/resolve'), true)
    assert.equal(serverOffers(CURRENT_LEAN, '$/lean/prepareModuleHierarchy'), true)
    assert.equal(serverOffers(CURRENT_LEAN, 'textDocument/semanticTokens/range'), true)
  })

  it('refuses providers an older server leaves out', () => {
    const { signatureHelpProvider: _s, experimental: _e, ...lean420 } = CURRENT_LEAN
    assert.equal(serverOffers(lean420, 'textDocument/signatureHelp'), false)
    assert.equal(serverOffers(lean420, '$/lean/moduleHierarchy/imports'), false)
    assert.equal(serverOffers(lean420, 'textDocument/selectionRange'), false)
    assert.equal(serverOffers({ ...lean420, hoverProvider: false }, 'textDocument/hover'), false)
  })

  it('`renameProvider: true` offers rename but not prepareRename; semantic tokens without range offer full only', () => {
    const caps = { renameProvider: true, semanticTokensProvider: { full: true, legend: {} } }
    assert.equal(serverOffers(caps, 'textDocument/rename'), true)
    assert.equal(serverOffers(caps, 'textDocument/prepareRename'), false)
    assert.equal(serverOffers(caps, 'textDocument/semanticTokens/full'), true)
    assert.equal(serverOffers(caps, 'textDocument/semanticTokens/range'), false)
  })

  it('sends Lean-specific and unknown methods, and everything while the capabilities are not known', () => {
    assert.equal(serverOffers({}, '$/lean/plainGoal'), true)
    assert.equal(serverOffers({}, '$/lean/rpc/call'), true)
    assert.equal(serverOffers(undefined, 'textDocument/signatureHelp'), true)
  })
})

describe('LeanRequester with a capability source', () => {
  function setup(capabilities: Record<string, unknown> | undefined) {
    const sent: string[] = []
    const backend = {
      call: async (method: string, params: { method?: string }) => {
        if (method === 'lean.request') sent.push(params.method ?? '')
        return null
      },
    } as unknown as Backend
    const model = { onWillDispose: () => ({ dispose() {} }) } as unknown as monaco.editor.ITextModel
    bindModelToUri(model, 'file:///p/A.lean')
    const asked: string[] = []
    const req = new LeanRequester(backend, () => assert.fail('no warning expected'), async (uri) => {
      asked.push(uri)
      return capabilities
    })
    return { req, model, sent, asked }
  }

  it('does not send signatureHelp to a server without signatureHelpProvider, and answers "nothing" quietly', async () => {
    const { signatureHelpProvider: _s, ...lean420 } = CURRENT_LEAN
    const { req, model, sent, asked } = setup(lean420)
    const outcome = await req.send(model, 'textDocument/signatureHelp', () => ({}))
    assert.deepEqual(outcome, { ok: false, quiet: true })
    assert.deepEqual(asked, ['file:///p/A.lean'])
    await req.request(model, 'textDocument/hover', () => ({}))
    assert.deepEqual(sent, ['textDocument/hover'])
  })

  it('sends signatureHelp to a server that offers it', async () => {
    const { req, model, sent } = setup(CURRENT_LEAN)
    await req.request(model, 'textDocument/signatureHelp', () => ({}))
    assert.deepEqual(sent, ['textDocument/signatureHelp'])
  })
})
