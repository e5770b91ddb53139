// The infoview panel in the workbench page: a sandboxed iframe (opaque origin, no preload) running
// @leanprover/infoview, and the host side of its EditorApi, over the postMessage bridge.
//
// Start-up order (as vscode-lean4): setTheme → initialize(loc) → changedInfoviewConfig → serverStopped(undefined) +
// serverRestarted(initializeResult) once the active document's server runs → replayed diagnostics and progress
// (held back until initialize) → changedCursorLocation on every move. A reloaded frame is detected by the bridge
// and gets the whole sequence again with a fresh EditorApi host.
import type { monaco } from '../editor/monaco'
import type { Backend, Disposable } from '../backend/backend'
import type { Location, Range } from '../../../shared/lsp'
import { modelForUri } from '../editor/document-uris'
import { Bridge, frameTransport } from './bridge'
import { copyText } from './clipboard'
import { effectiveInfoviewConfig } from './config'
import { CursorTracker } from './cursor'
import { NotificationOutbox, stateKey } from './notification-outbox'
import { applyWorkspaceEdit, insertText } from './editor-edits'
import { type DiagnosticsFeed, InfoviewHostApi } from './host-api'
import { isInfoviewAction, type FrameKey, type FrameMethods } from './protocol'
import { ServerStatus } from './server-status'
import { buildInfoviewTheme, type InfoviewThemeInput } from './theme'

export interface InfoviewHostEnv {
  backend: Backend
  diagnostics: DiagnosticsFeed
  infoviewUrl: string
  /** Focused Lean editor and its core uri. */
  activeEditor(): { editor: monaco.editor.ICodeEditor; uri: string } | undefined
  onDidChangeActiveEditor(listener: () => void): Disposable
  showDocument(uri: string, selection?: Range): Promise<void>
  theme(): InfoviewThemeInput
  onDidChangeTheme(listener: () => void): Disposable
}

export interface InfoviewPanel {
  /** Loads the frame (once). Until then calls to it wait, as they do for its handshake. */
  load(): void
  toggle(): void
  isVisible(): boolean
  requestAction(kind: string): void
  dispose(): void
}

export const INFOVIEW_FRAME_TITLE = 'Lean Infoview'

function report(what: string): (err: unknown) => void {
  return (err) => {
    const message = (err as { message?: unknown })?.message
    if (message === 'The infoview bridge is closed.' || message === 'The infoview restarted.') return
    console.warn(`Infoview: ${what} failed:`, message ?? err)
  }
}

export function createInfoviewPanel(container: HTMLElement, env: InfoviewHostEnv): InfoviewPanel {
  const { backend } = env
  const disposables: Disposable[] = []
  let disposed = false
  let visible = true
  let generation = 0
  let initialized = false
  let held: Array<() => void> = []
  let cursorPending = false

  const iframe = document.createElement('iframe')
  // No allow-same-origin: the frame gets an opaque origin and cannot reach this page (widget code runs there).
  iframe.setAttribute('sandbox', 'allow-scripts')
  iframe.setAttribute('referrerpolicy', 'no-referrer')
  iframe.title = INFOVIEW_FRAME_TITLE
  iframe.className = 'infoview-frame'
  iframe.style.cssText = 'display:block;width:100%;height:100%;border:0;'
  container.classList.add('infoview-panel')

  const applyTheme = (): void => {
    const theme = buildInfoviewTheme(env.theme())
    container.style.background = theme.vars['--vscode-editor-background']
    iframe.style.colorScheme = theme.kind
    void bridge.call('setTheme', theme).catch(report('setTheme'))
  }

  const sendToFrame = <K extends keyof FrameMethods & string>(name: K, ...args: Parameters<FrameMethods[K]>): void => {
    const send = (): void => void bridge.call(name, ...args).catch(report(name))
    if (initialized) send()
    else held.push(send)
  }
  const outbox = new NotificationOutbox({
    notification: (method, params) => sendToFrame('gotServerNotification', method, params),
    diagnosticsPart: (part) => sendToFrame('gotDiagnosticsPart', part),
  })
  const frameCall = <K extends keyof FrameMethods & string>(name: K, ...args: Parameters<FrameMethods[K]>): void => {
    outbox.flush()
    sendToFrame(name, ...args)
  }

  const newHost = (): InfoviewHostApi =>
    new InfoviewHostApi({
      backend,
      diagnostics: env.diagnostics,
      gotServerNotification: (method, params) => {
        const key = stateKey(method, params)
        if (key) outbox.push(key, method, params)
        else frameCall('gotServerNotification', method, params)
      },
      sentClientNotification: (method, params) => frameCall('sentClientNotification', method, params),
      insertText: (text, kind, pos) => insertText({ activeEditor: env.activeEditor, modelForUri }, text, kind, pos),
      applyEdit: (edit) => applyWorkspaceEdit({ activeEditor: env.activeEditor, modelForUri }, edit),
      showDocument: (uri, selection) => env.showDocument(uri, selection),
      copyToClipboard: copyText,
      configSaved: (config) => frameCall('changedInfoviewConfig', effectiveInfoviewConfig(config)),
      keydown: (key: FrameKey) => {
        container.dispatchEvent(new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true }))
      },
      subscribed: () => resendCursorSoon(),
    })
  let host = newHost()

  // The bridge's handlers forward to whichever host serves the current frame life.
  const handlers: Record<string, (...args: unknown[]) => unknown> = {}
  for (const name of Object.keys(host.methods)) {
    handlers[name] = (...args: unknown[]) => (host.methods[name] as (...a: unknown[]) => unknown)(...args)
  }

  const status = new ServerStatus({
    initializeResult: (uri) => backend.call('lean.initializeResult', { uri }),
    serverRestarted: (result) => frameCall('serverRestarted', result as Parameters<FrameMethods['serverRestarted']>[0]),
    serverStopped: (reason) => frameCall('serverStopped', reason),
  })

  const sendCursor = (loc: Location): void => {
    if (!initialized) return
    status.setActiveUri(loc.uri)
    if (!visible) {
      cursorPending = true
      return
    }
    cursorPending = false
    frameCall('changedCursorLocation', loc)
  }

  // The infoview reads the cursor when a view renders, but listens for moves only from that render's effects, which
  // run later: a move in between is lost on its side (seen on a loaded machine: the goal of the line before stayed).
  // The frame subscribes to notifications from those same effects, so the current location is sent again then (the
  // same location again changes nothing).
  let resendDue = false
  const resendCursorSoon = (): void => {
    if (resendDue) return
    resendDue = true
    setTimeout(() => {
      resendDue = false
      if (!disposed && cursor.current) sendCursor(cursor.current)
    }, 0)
  }

  let locationWaiter: ((loc: Location) => void) | undefined
  const cursor = new CursorTracker(env, (loc) => {
    if (locationWaiter) {
      const w = locationWaiter
      locationWaiter = undefined
      w(loc)
    }
    sendCursor(loc)
  })
  disposables.push(cursor)
  const firstLocation = (): Promise<Location> =>
    cursor.current ? Promise.resolve(cursor.current) : new Promise((resolve) => (locationWaiter = resolve))

  const start = async (gen: number): Promise<void> => {
    await bridge.ready
    const [settings, servers, loc] = await Promise.all([
      backend.call('settings.get', {}).catch(() => undefined),
      backend.call('lean.servers', {}).catch(() => []),
      firstLocation(),
    ])
    if (gen !== generation || disposed) return
    for (const ev of servers) status.update(ev)
    await bridge.call('initialize', loc)
    await bridge.call('changedInfoviewConfig', effectiveInfoviewConfig(settings?.infoviewConfig))
    if (gen !== generation || disposed) return
    initialized = true
    const queued = held
    held = []
    for (const send of queued) send()
    status.setActiveUri(loc.uri)
    const now = cursor.current
    if (now && now !== loc) sendCursor(now)
    // The infoview subscribes to cursor events from React effects after its first render; a move made
    // in that window is dropped on its side. Re-sending the current location once it has mounted is
    // harmless (same location, no change) and makes a quick first move stick.
    for (const ms of [250, 1000]) {
      const timer = setTimeout(() => {
        if (gen === generation && !disposed && cursor.current) sendCursor(cursor.current)
      }, ms)
      disposables.push({ dispose: () => clearTimeout(timer) })
    }
  }
  const run = (): void => {
    const gen = generation
    start(gen).catch((err) => {
      if (gen === generation) report('start-up')(err)
    })
  }

  const bridge = new Bridge<FrameMethods>(frameTransport(iframe), handlers, {
    onPeerRestart: () => {
      // The frame reloaded: its subscriptions, requests and RPC sessions died with it.
      generation++
      initialized = false
      held = []
      outbox.clear()
      host.dispose()
      host = newHost()
      status.reset()
      applyTheme()
      run()
    },
  })

  // The frame is a page of its own (its own renderer process, React, the infoview bundle): loaded once the editor
  // has drawn its first file, so the two do not compete for the CPU while the window starts.
  let loaded = false
  const load = (): void => {
    if (loaded || disposed) return
    loaded = true
    iframe.src = env.infoviewUrl
    container.appendChild(iframe)
  }
  applyTheme()
  disposables.push(env.onDidChangeTheme(applyTheme))
  disposables.push(backend.subscribe('server', {}, (ev) => status.update(ev)))
  disposables.push(backend.subscribe('progress', {}, (ev) => status.setFileCrash(ev.uri, ev.workerCrash)))
  // The infoview forgets the cursor when its file is closed (Restart File is close + open): tell it again. Only the
  // uri is needed, not the file's text.
  disposables.push(
    backend.subscribe('lsp', { method: 'textDocument/didOpen', direction: 'client', omitText: true }, (ev) => {
      const uri = (ev.params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri
      const now = cursor.current
      if (ev.direction === 'client' && ev.method === 'textDocument/didOpen' && now && uri === now.uri) sendCursor(now)
    }),
  )
  run()

  return {
    load,
    toggle() {
      visible = !visible
      container.style.display = visible ? '' : 'none'
      if (visible && cursorPending && cursor.current) sendCursor(cursor.current)
    },
    isVisible: () => visible,
    requestAction(kind: string) {
      if (!isInfoviewAction(kind)) {
        console.warn(`Infoview: unknown action ${kind}`)
        return
      }
      frameCall('requestedAction', { kind })
    },
    dispose() {
      if (disposed) return
      disposed = true
      generation++
      outbox.clear()
      for (const d of disposables.reverse()) d.dispose()
      host.dispose()
      bridge.dispose()
      iframe.remove()
      container.classList.remove('infoview-panel')
    },
  }
}
