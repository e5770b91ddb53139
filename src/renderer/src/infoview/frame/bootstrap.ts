// Runs INSIDE the sandboxed infoview frame (opaque origin). Loads @leanprover/infoview unbundled through its loader
// with an import map of absolute URLs (the infoview and the React 18 it ships, also importable by user widgets),
// gives it an EditorApi over the bridge to the workbench, and serves the workbench's InfoviewApi calls.
import '../../fonts/load'
import './frame.css'
import { loadRenderInfoview } from '@leanprover/infoview/loader'
import type { InfoviewApi } from '@leanprover/infoview'
import { DiagnosticsParts } from '../../../../shared/diagnostics-parts'
import { Bridge, parentTransport } from '../bridge'
import { DIAGNOSTICS, type DiagnosticsPart, type FrameMethods, type FrameTheme, type HostMethods } from '../protocol'
import { installContextMenu } from './context-menu'
import { editorApiOver } from './editor-api'
import { expectedRejectionWarning } from './expected-rejections'
import { forwardShortcuts } from '../shortcuts'

const asset = (name: string): string => new URL(`./infoview/${name}`, document.baseURI).href

function applyTheme(theme: FrameTheme): void {
  const root = document.documentElement
  for (let i = root.style.length - 1; i >= 0; i--) {
    const name = root.style.item(i)
    if (name.startsWith('--vscode-') && !(name in theme.vars)) root.style.removeProperty(name)
  }
  for (const [name, value] of Object.entries(theme.vars)) {
    if (name.startsWith('--vscode-') && typeof value === 'string') root.style.setProperty(name, value)
  }
  const kind = theme.kind === 'light' ? 'light' : 'dark'
  root.style.colorScheme = kind
  // VS Code's webview body classes: vscode-dark / vscode-light / vscode-high-contrast (+ -light).
  const cls = theme.highContrast ? (kind === 'light' ? 'vscode-high-contrast-light' : 'vscode-high-contrast') : `vscode-${kind}`
  document.body.classList.remove('vscode-dark', 'vscode-light', 'vscode-high-contrast', 'vscode-high-contrast-light')
  document.body.classList.add(cls)
  if (theme.highContrast) document.body.classList.add(`vscode-${kind}`)
  document.body.dataset.vscodeThemeKind = cls
}

/** Rejections the infoview leaves unhandled although they are expected (expected-rejections.ts): a warning, not an error. */
function quietExpectedRejections(): void {
  window.addEventListener('unhandledrejection', (ev) => {
    const warning = expectedRejectionWarning(ev.reason)
    if (warning === undefined) return
    ev.preventDefault()
    console.warn(warning)
  })
}

function start(): void {
  quietExpectedRejections()
  const root = document.getElementById('react_root')
  if (!root) throw new Error('infoview.html has no #react_root')

  let resolveApi!: (api: InfoviewApi) => void
  const infoview = new Promise<InfoviewApi>((resolve) => (resolveApi = resolve))
  const whenLoaded =
    <K extends keyof InfoviewApi>(name: K) =>
    async (...args: unknown[]): Promise<unknown> => {
      const api = await infoview
      return (api[name] as (...a: unknown[]) => unknown)(...args)
    }

  // A long list comes in parts (notification-outbox.ts); the infoview gets it whole, as one publishDiagnostics.
  const partsByUri = new Map<string, DiagnosticsParts<DiagnosticsPart>>()
  const gotServerNotification = whenLoaded('gotServerNotification')
  const handlers: FrameMethods = {
    setTheme: async (theme) => applyTheme(theme),
    initialize: whenLoaded('initialize'),
    gotServerNotification: (method: string, params: unknown) => {
      // A whole list replaces any list still in parts.
      if (method === DIAGNOSTICS) partsByUri.delete((params as { uri?: string } | undefined)?.uri ?? '')
      return gotServerNotification(method, params)
    },
    gotDiagnosticsPart: async (part: DiagnosticsPart) => {
      if (typeof part?.uri !== 'string' || !Array.isArray(part.diagnostics)) return
      let parts = partsByUri.get(part.uri)
      if (!parts) partsByUri.set(part.uri, (parts = new DiagnosticsParts()))
      const whole = parts.accept(part)
      if (!whole) return
      partsByUri.delete(part.uri)
      await gotServerNotification(DIAGNOSTICS, whole)
    },
    sentClientNotification: whenLoaded('sentClientNotification'),
    serverRestarted: whenLoaded('serverRestarted'),
    serverStopped: whenLoaded('serverStopped'),
    changedCursorLocation: whenLoaded('changedCursorLocation'),
    changedInfoviewConfig: whenLoaded('changedInfoviewConfig'),
    requestedAction: whenLoaded('requestedAction'),
    clickedContextMenu: whenLoaded('clickedContextMenu'),
    getInfoviewHtml: whenLoaded('getInfoviewHtml') as FrameMethods['getInfoviewHtml'],
  } as FrameMethods
  // No runTestScript: the workbench never needs to evaluate code in here.

  const bridge = new Bridge<HostMethods>(parentTransport(), handlers)
  const editorApi = editorApiOver(bridge)

  installContextMenu({
    clicked: (action) => void infoview.then((api) => api.clickedContextMenu(action)),
    copy: (text) => void editorApi.copyToClipboard(text).catch(() => undefined),
  })
  forwardShortcuts((key) => void bridge.call('keydown', key).catch(() => undefined))

  const slow = setTimeout(() => {
    const note = root.querySelector('.lectern-loading')
    if (note) note.textContent = 'The infoview is taking long to load; the developer console may say why.'
  }, 20000)

  const imports = {
    '@leanprover/infoview': asset('index.production.min.js'),
    react: asset('react.production.min.js'),
    'react/jsx-runtime': asset('react-jsx-runtime.production.min.js'),
    'react-dom': asset('react-dom.production.min.js'),
  }
  loadRenderInfoview(imports, [editorApi, root], (api) => {
    clearTimeout(slow)
    resolveApi(api)
  })
}

start()
