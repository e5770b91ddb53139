// The shell's security rules under a fake `electron`: every new web contents gets the navigation, window-open and
// webview rules; the clipboard permissions go to the app's own page only; IPC answers only our own main frame;
// and a reloading page does not pile up `destroyed` listeners.
import './helpers/use-fake-electron'
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { app, emitCancellable, FakeSession, FakeWebContents, ipcMain, shell } from './helpers/fake-electron'
import { guardAllWebContents, guardSession } from '../src/main/electron/guard'
import { registerIpc, resetIpcContext } from '../src/main/electron/ipc'
import type { ApiRouter } from '../src/main/api/router'

describe('web contents guard', () => {
  guardAllWebContents()
  const contents = new FakeWebContents()
  app.emit('web-contents-created', {}, contents)

  it('a newly created web contents may navigate only within app://lectern', () => {
    assert.equal(emitCancellable(contents, 'will-navigate', 'https://example.com/'), true)
    assert.equal(emitCancellable(contents, 'will-navigate', 'file:///etc/passwd'), true)
    assert.equal(emitCancellable(contents, 'will-redirect', 'http://127.0.0.1:1/'), true)
    assert.equal(emitCancellable(contents, 'will-navigate', 'app://lectern/index.html'), false)
    assert.equal(emitCancellable(contents, 'will-attach-webview', {}, {}), true)
  })

  it('window.open is always denied; https links go to the browser, nothing else does', () => {
    shell.opened.length = 0
    assert.deepEqual(contents.windowOpenHandler?.({ url: 'https://lean-lang.org/doc' }), { action: 'deny' })
    assert.deepEqual(contents.windowOpenHandler?.({ url: 'http://insecure.example/' }), { action: 'deny' })
    assert.deepEqual(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' }), { action: 'deny' })
    assert.deepEqual(shell.opened, ['https://lean-lang.org/doc'])
  })

  it('clipboard read/write are granted to the app page only; everything else is refused', () => {
    const session = new FakeSession()
    guardSession(session as never)
    const ask = (permission: string, requestingUrl: string, isMainFrame: boolean) => {
      let answer: boolean | undefined
      session.requestHandler?.({}, permission, (ok) => (answer = ok), { requestingUrl, isMainFrame })
      const checked = session.checkHandler?.({}, permission, new URL(requestingUrl).origin, { requestingUrl, isMainFrame })
      assert.equal(checked, answer, `check and request agree for ${permission} from ${requestingUrl}`)
      return answer
    }
    assert.equal(ask('clipboard-read', 'app://lectern/index.html', true), true, 'right-click Paste works')
    assert.equal(ask('clipboard-sanitized-write', 'app://lectern/index.html', true), true)
    assert.equal(ask('clipboard-read', 'app://lectern/infoview.html', false), false, 'not the infoview frame')
    assert.equal(ask('clipboard-read', 'https://example.com/', true), false)
    assert.equal(ask('media', 'app://lectern/index.html', true), false)
    assert.equal(ask('notifications', 'app://lectern/index.html', true), false)
  })
})

describe('IPC', () => {
  const calls: { method: string; ctx: unknown }[] = []
  const disconnected: unknown[] = []
  const router = {
    dispatch: async (method: string, _params: unknown, ctx: unknown) => {
      calls.push({ method, ctx })
      return 'answer'
    },
    disconnect: (ctx: unknown) => void disconnected.push(ctx),
  } as unknown as ApiRouter
  registerIpc(router)
  const handler = ipcMain.handlers.get('lectern:app.info')
  assert.ok(handler)
  const contents = new FakeWebContents()

  it('answers our own main frame on app://lectern and refuses another frame or another URL', async () => {
    assert.deepEqual(await handler({ sender: contents, senderFrame: contents.mainFrame }, {}), { ok: true, result: 'answer' })
    const child = { url: 'app://lectern/infoview.html' }
    const refused = { ok: false, error: { code: -32600, message: 'Refused: IPC from an untrusted frame.' } }
    assert.deepEqual(await handler({ sender: contents, senderFrame: child }, {}), refused)
    const navigated = new FakeWebContents()
    Object.assign(navigated.mainFrame, { url: 'https://example.com/' })
    assert.deepEqual(await handler({ sender: navigated, senderFrame: navigated.mainFrame }, {}), refused)
    assert.deepEqual(await handler({ sender: contents, senderFrame: null }, {}), refused)
    assert.equal(calls.length, 1)
  })

  it('a reloading page gets a new session without another `destroyed` listener each time', async () => {
    for (let i = 0; i < 5; i++) {
      await handler({ sender: contents, senderFrame: contents.mainFrame }, {})
      resetIpcContext(contents.id, router)
    }
    assert.equal(contents.listenerCount('destroyed'), 1)
    const sessions = new Set(calls.map((c) => c.ctx))
    assert.ok(sessions.size >= 5, 'each reload started a new connection context')
    await handler({ sender: contents, senderFrame: contents.mainFrame }, {})
    const before = disconnected.length
    contents.destroy()
    assert.equal(disconnected.length, before + 1, 'closing the page ends its session')
  })
})
