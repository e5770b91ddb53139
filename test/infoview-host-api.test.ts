import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Backend, Disposable } from '../src/renderer/src/backend/backend'
import { InfoviewHostApi, type HostApiDeps } from '../src/renderer/src/infoview/host-api'
import { DiagnosticsStore } from '../src/renderer/src/workbench/diagnostics-store'

interface Sub {
  channel: string
  filter: unknown
  listener: (payload: any) => void
  disposed: boolean
}

class FakeBackend {
  readonly kind = 'ws' as const
  readonly connectionState = 'open' as const
  calls: { method: string; params: any }[] = []
  subs: Sub[] = []
  answers: Record<string, (params: any) => unknown> = {}
  call(method: string, params: any): Promise<any> {
    this.calls.push({ method, params })
    const answer = this.answers[method]
    try {
      return Promise.resolve(answer ? answer(params) : null)
    } catch (err) {
      return Promise.reject(err)
    }
  }
  subscribe(channel: string, filter: unknown, listener: (payload: any) => void): Disposable {
    const sub: Sub = { channel, filter, listener, disposed: false }
    this.subs.push(sub)
    return { dispose: () => (sub.disposed = true) }
  }
  live(channel: string): Sub[] {
    return this.subs.filter((s) => s.channel === channel && !s.disposed)
  }
  onConnectionState(): Disposable {
    return { dispose() {} }
  }
  dispose(): void {}
  callsOf(method: string): any[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.params)
  }
}

function setup(overrides: Partial<HostApiDeps> = {}) {
  const backend = new FakeBackend()
  const store = new DiagnosticsStore()
  const server: [string, unknown][] = []
  const client: [string, unknown][] = []
  const saved: unknown[] = []
  const host = new InfoviewHostApi({
    backend: backend as unknown as Backend,
    diagnostics: store,
    gotServerNotification: (m, p) => server.push([m, p]),
    sentClientNotification: (m, p) => client.push([m, p]),
    insertText: () => {},
    applyEdit: () => {},
    showDocument: async () => {},
    copyToClipboard: async () => {},
    configSaved: (c) => saved.push(c),
    keydown: () => {},
    ...overrides,
  })
  return { backend, store, host, api: host.methods, server, client, saved }
}

const flush = (): Promise<void> => new Promise((r) => setImmediate(r))

describe('infoview EditorApi host', () => {
  it('passes requests through lean.request with a request id, and cancels only pending ones', async () => {
    const { backend, api } = setup()
    let release!: (v: unknown) => void
    backend.answers['lean.request'] = () => new Promise((r) => (release = r))
    const result = api.sendClientRequest('7', 'file:///p/A.lean', '$/lean/rpc/call', { method: 'x' })
    await flush()
    const [req] = backend.callsOf('lean.request')
    assert.equal(req.uri, 'file:///p/A.lean')
    assert.equal(req.method, '$/lean/rpc/call')
    assert.deepEqual(req.params, { method: 'x' })
    assert.match(req.requestId, /-7$/)
    await api.cancelClientRequest('7')
    assert.deepEqual(backend.callsOf('lean.cancel'), [{ requestId: req.requestId }])
    release({ ok: true })
    assert.deepEqual(await result, { ok: true })
    await api.cancelClientRequest('7')
    assert.equal(backend.callsOf('lean.cancel').length, 1, 'a finished request is not cancelled')
  })

  it('keeps the numeric error code of a failed request (the infoview retries on -32801 / -32900)', async () => {
    const { backend, api } = setup()
    backend.answers['lean.request'] = () => {
      throw Object.assign(new Error('Outdated RPC session'), { code: -32900 })
    }
    await assert.rejects(api.sendClientRequest('1', 'file:///a.lean', '$/lean/rpc/call', {}), { code: -32900 })
  })

  it('gives two infoview hosts distinct request ids', async () => {
    const one = setup()
    const two = setup()
    await one.api.sendClientRequest('1', 'file:///a.lean', 'm', {})
    await two.api.sendClientRequest('1', 'file:///a.lean', 'm', {})
    assert.notEqual(one.backend.callsOf('lean.request')[0].requestId, two.backend.callsOf('lean.request')[0].requestId)
  })

  it('tells its owner each time the frame subscribes to notifications (its views have run their effects)', async () => {
    let told = 0
    const { api } = setup({ subscribed: () => told++ })
    await api.subscribeServerNotifications('textDocument/publishDiagnostics')
    await api.subscribeClientNotifications('textDocument/didClose')
    assert.equal(told, 2)
    await assert.rejects(api.subscribeClientNotifications('textDocument/hover'))
    await api.unsubscribeServerNotifications('textDocument/publishDiagnostics')
    assert.equal(told, 2, 'a refused subscription and an unsubscription tell nothing')
  })

  it('reference-counts server notification subscriptions per method', async () => {
    const { backend, api, host } = setup()
    await api.subscribeServerNotifications('$/lean/custom')
    await api.subscribeServerNotifications('$/lean/custom')
    assert.equal(backend.live('lsp').length, 1)
    assert.deepEqual(backend.live('lsp')[0].filter, { method: '$/lean/custom', direction: 'server' })
    await api.unsubscribeServerNotifications('$/lean/custom')
    assert.equal(backend.live('lsp').length, 1)
    assert.equal(host.subscriptionCount('server', '$/lean/custom'), 1)
    await api.unsubscribeServerNotifications('$/lean/custom')
    assert.equal(backend.live('lsp').length, 0)
    await api.unsubscribeServerNotifications('$/lean/custom') // extra unsubscribe is harmless
    await api.subscribeServerNotifications('$/lean/custom')
    assert.equal(backend.live('lsp').length, 1)
  })

  it("feeds publishDiagnostics from the page's diagnostics store and fileProgress from the progress channel", async () => {
    const { backend, store, api, server } = setup()
    const d = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'unsolved goals', severity: 1 as const }
    store.set('file:///b.lean', [{ ...d, message: 'earlier' }], 1)
    await api.subscribeServerNotifications('textDocument/publishDiagnostics')
    await api.subscribeServerNotifications('$/lean/fileProgress')
    // The page's one copy of each publish: no second diagnostics subscription crosses the socket.
    assert.equal(backend.live('diagnostics').length, 0)
    const [prog] = backend.live('progress')
    store.set('file:///a.lean', [d], 3)
    const processing = [{ range: d.range, kind: 1 }]
    prog.listener({ uri: 'file:///a.lean', version: 3, processing })
    store.delete('file:///b.lean')
    assert.deepEqual(server, [
      ['textDocument/publishDiagnostics', { uri: 'file:///b.lean', version: 1, diagnostics: [{ ...d, message: 'earlier' }] }],
      ['textDocument/publishDiagnostics', { uri: 'file:///a.lean', version: 3, diagnostics: [d] }],
      ['$/lean/fileProgress', { textDocument: { uri: 'file:///a.lean', version: 3 }, processing }],
      ['textDocument/publishDiagnostics', { uri: 'file:///b.lean', version: undefined, diagnostics: [] }],
    ])
  })

  it('forwards only matching lsp events, by direction and method', async () => {
    const { backend, api, server, client } = setup()
    await api.subscribeServerNotifications('$/lean/x')
    await api.subscribeClientNotifications('textDocument/didClose')
    const [s, c] = backend.live('lsp')
    assert.deepEqual(c.filter, { method: 'textDocument/didClose', direction: 'client' })
    s.listener({ direction: 'server', method: '$/lean/x', params: 1 })
    s.listener({ direction: 'server', method: '$/lean/y', params: 2 })
    c.listener({ direction: 'client', method: 'textDocument/didClose', params: { textDocument: { uri: 'u' } } })
    c.listener({ direction: 'server', method: 'textDocument/didClose', params: 4 })
    assert.deepEqual(server, [['$/lean/x', 1]])
    assert.deepEqual(client, [['textDocument/didClose', { textDocument: { uri: 'u' } }]])
    await assert.rejects(api.subscribeClientNotifications('textDocument/didSave'), { code: -32601 })
  })

  it('opens and closes RPC sessions through the core, and restarts files with dependencyBuildMode once', async () => {
    const { backend, api, host } = setup()
    backend.answers['lean.rpcConnect'] = () => ({ sessionId: '12345678901234567890' })
    assert.equal(await api.createRpcSession('file:///a.lean'), '12345678901234567890')
    assert.deepEqual(host.openRpcSessions, ['12345678901234567890'])
    await api.closeRpcSession('12345678901234567890')
    await api.closeRpcSession('12345678901234567890')
    assert.deepEqual(backend.callsOf('lean.rpcClose'), [{ sessionId: '12345678901234567890' }])
    await api.restartFile('file:///a.lean')
    assert.deepEqual(backend.callsOf('lean.restartFile'), [{ uri: 'file:///a.lean', mode: 'once' }])
    await api.sendClientNotification('file:///a.lean', '$/lean/rpc/release', { refs: [] })
    assert.deepEqual(backend.callsOf('lean.notify'), [{ uri: 'file:///a.lean', method: '$/lean/rpc/release', params: { refs: [] } }])
  })

  it('persists saved settings and tells the panel', async () => {
    const { backend, api, saved } = setup()
    const config = { showGoalNames: false }
    await api.saveConfig(config as never)
    assert.deepEqual(backend.callsOf('settings.update'), [{ patch: { infoviewConfig: config } }])
    assert.deepEqual(saved, [config])
  })

  it('validates what the frame sends (widget code runs there too)', async () => {
    const { api } = setup()
    await assert.rejects(api.sendClientRequest('1', 42 as never, 'm', {}), { code: -32602 })
    await assert.rejects(api.insertText('x', 'below' as never), { code: -32602 })
    await assert.rejects(api.showDocument(null as never), { code: -32602 })
  })

  it('on dispose cancels pending requests, closes sessions, drops subscriptions and refuses new work', async () => {
    const { backend, store, api, host, server } = setup()
    backend.answers['lean.request'] = () => new Promise(() => {})
    backend.answers['lean.rpcConnect'] = () => ({ sessionId: 's1' })
    void api.sendClientRequest('5', 'file:///a.lean', 'm', {})
    await api.createRpcSession('file:///a.lean')
    await api.subscribeServerNotifications('textDocument/publishDiagnostics')
    await api.subscribeClientNotifications('textDocument/didChange')
    host.dispose()
    assert.equal(backend.callsOf('lean.cancel').length, 1)
    assert.deepEqual(backend.callsOf('lean.rpcClose'), [{ sessionId: 's1' }])
    assert.equal(backend.live('diagnostics').length + backend.live('lsp').length, 0)
    const before = server.length
    store.set('file:///a.lean', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'late' }])
    assert.equal(server.length, before, 'a disposed host still forwarded diagnostics')
    await assert.rejects(api.createRpcSession('file:///a.lean'))
  })

  it('passes on only shortcut-shaped keys from the frame', async () => {
    const keys: unknown[] = []
    const { api } = setup({ keydown: (k) => keys.push(k) })
    const base = { code: 'KeyA', ctrlKey: false, shiftKey: false, altKey: false, metaKey: false }
    await api.keydown({ ...base, key: 'Enter', code: 'Enter', ctrlKey: true, shiftKey: true })
    await api.keydown({ ...base, key: 'a' }) // plain typing: not a shortcut
    await api.keydown({ ...base, key: 'c', code: 'KeyC', ctrlKey: true }) // copy stays in the frame
    await api.keydown({ key: 5 } as never)
    assert.deepEqual(keys, [{ key: 'Enter', code: 'Enter', ctrlKey: true, shiftKey: true, altKey: false, metaKey: false }])
  })
})
