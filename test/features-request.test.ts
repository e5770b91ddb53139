// The request wrapper every provider uses: lean.request with a requestId, lean.cancel on Monaco's cancellation,
// quiet ContentModified / RequestCancelled, and one warning per method for anything else.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { LecternErrorCodes } from '../src/shared/api'
import { BackendError, type Backend } from '../src/renderer/src/backend/backend'
import { bindModelToUri } from '../src/renderer/src/editor/document-uris'
import type { monaco } from '../src/renderer/src/editor/monaco'
import { leanFoldingRanges } from '../src/renderer/src/features/folding-ranges'
import { LeanRequester, cancellationError, isQuietError } from '../src/renderer/src/features/request'

interface Call {
  method: string
  params: Record<string, unknown>
}

function fakeBackend(answer: (call: Call) => Promise<unknown>): { backend: Backend; calls: Call[] } {
  const calls: Call[] = []
  const backend = {
    kind: 'ws',
    connectionState: 'open',
    call: (method: string, params: Record<string, unknown>) => {
      const call = { method, params }
      calls.push(call)
      return answer(call)
    },
    subscribe: () => ({ dispose() {} }),
    onConnectionState: () => ({ dispose() {} }),
    dispose() {},
  } as unknown as Backend
  return { backend, calls }
}

function fakeModel(uri: string): monaco.editor.ITextModel {
  const model = { onWillDispose: () => ({ dispose() {} }) } as unknown as monaco.editor.ITextModel
  bindModelToUri(model, uri)
  return model
}

function cancellationToken() {
  const listeners: (() => void)[] = []
  return {
    isCancellationRequested: false,
    onCancellationRequested(l: () => void) {
      listeners.push(l)
      return { dispose() {} }
    },
    cancel() {
      this.isCancellationRequested = true
      for (const l of listeners) l()
    },
  }
}

describe('LeanRequester', () => {
  it('sends lean.request with the core uri and a fresh requestId', async () => {
    const { backend, calls } = fakeBackend(async () => ({ contents: 'x' }))
    const req = new LeanRequester(backend)
    const model = fakeModel('file:///p/A%20B.lean')
    const result = await req.request(model, 'textDocument/hover', (uri) => ({ textDocument: { uri } }))
    assert.deepEqual(result, { contents: 'x' })
    assert.equal(calls[0].method, 'lean.request')
    assert.equal(calls[0].params.uri, 'file:///p/A%20B.lean')
    assert.deepEqual(calls[0].params.params, { textDocument: { uri: 'file:///p/A%20B.lean' } })
    await req.request(model, 'textDocument/hover', () => ({}))
    assert.equal(typeof calls[0].params.requestId, 'string')
    assert.notEqual(calls[0].params.requestId, calls[1].params.requestId)
  })

  it('asks nothing for a model that is not a Lean document', async () => {
    const { backend, calls } = fakeBackend(async () => null)
    const model = { onWillDispose: () => ({ dispose() {} }) } as unknown as monaco.editor.ITextModel
    assert.equal(await new LeanRequester(backend).request(model, 'textDocument/hover', () => ({})), undefined)
    assert.equal(calls.length, 0)
  })

  it('on cancellation sends lean.cancel with the same requestId and resolves at once', async () => {
    const { backend, calls } = fakeBackend((call) => (call.method === 'lean.request' ? new Promise(() => {}) : Promise.resolve(null)))
    const token = cancellationToken()
    const pending = new LeanRequester(backend).send(fakeModel('file:///c.lean'), 'textDocument/completion', () => ({}), token)
    token.cancel()
    assert.deepEqual(await pending, { ok: false, quiet: true })
    assert.equal(calls[1].method, 'lean.cancel')
    assert.equal(calls[1].params.requestId, calls[0].params.requestId)
  })

  it('is quiet about ContentModified and RequestCancelled, warns once per method otherwise', async () => {
    let error = new BackendError(-32801, 'File changed.')
    const { backend } = fakeBackend(() => Promise.reject(error))
    const warnings: string[] = []
    const req = new LeanRequester(backend, (m) => warnings.push(m))
    const model = fakeModel('file:///q.lean')
    assert.deepEqual(await req.send(model, 'textDocument/hover', () => ({})), { ok: false, quiet: true })
    error = new BackendError(-32800, '')
    assert.equal(await req.request(model, 'textDocument/hover', () => ({})), undefined)
    assert.deepEqual(warnings, [])
    error = new BackendError(-32603, 'boom')
    assert.deepEqual(await req.send(model, 'textDocument/hover', () => ({})), { ok: false, quiet: false })
    await req.request(model, 'textDocument/hover', () => ({}))
    await req.request(model, 'textDocument/definition', () => ({}))
    assert.equal(warnings.length, 2)
    assert.match(warnings[0], /textDocument\/hover failed \(-32603\): boom/)
  })

  it('classifies errors and builds Monaco\'s cancellation error', () => {
    assert.equal(isQuietError({ code: -32801 }), true)
    assert.equal(isQuietError({ code: -32602 }), false)
    assert.equal(isQuietError(new Error('x')), false)
    const e = cancellationError()
    assert.equal(e.name, 'Canceled')
    assert.equal(e.message, 'Canceled')
  })
})

describe('Lean folding ranges', () => {
  const settledWithin = async (p: Promise<unknown>, ms: number) =>
    Promise.race([p.then(() => true, () => true), new Promise((r) => setTimeout(() => r(false), ms))])

  it('gives Lean\'s folds in Monaco\'s 1-based lines, without one-line ranges', async () => {
    const { backend, calls } = fakeBackend(async () => [
      { startLine: 0, endLine: 4, kind: 'region' },
      { startLine: 7, endLine: 7 },
      { startLine: 9, endLine: 12, kind: 'comment' },
    ])
    const folds = await leanFoldingRanges(new LeanRequester(backend), fakeModel('file:///p/A.lean'), cancellationToken())
    assert.equal(calls[0].params.method, 'textDocument/foldingRange')
    assert.deepEqual(folds, [
      { start: 1, end: 5, kind: 'region' },
      { start: 10, end: 13, kind: 'comment' },
    ])
  })

  it('gives nothing when Lean has nothing to say, so Monaco folds by indentation', async () => {
    const { backend } = fakeBackend(async () => {
      throw new BackendError(LecternErrorCodes.NoServer, 'no Lean server for this file')
    })
    const folds = await leanFoldingRanges(new LeanRequester(backend), fakeModel('file:///p/A.lean'), cancellationToken())
    assert.equal(folds, undefined)
  })

  it('never settles once an edit has cancelled it: Monaco would fold the whole file by indentation for nothing', async () => {
    let answer: (v: unknown) => void = () => undefined
    const { backend, calls } = fakeBackend((call) => (call.method === 'lean.cancel' ? Promise.resolve(null) : new Promise((r) => (answer = r))))
    const token = cancellationToken()
    const folds = leanFoldingRanges(new LeanRequester(backend), fakeModel('file:///p/A.lean'), token)
    token.cancel()
    answer([{ startLine: 0, endLine: 3 }])
    assert.equal(await settledWithin(folds, 50), false)
    assert.deepEqual(calls.map((c) => c.method), ['lean.request', 'lean.cancel'])
  })
})
