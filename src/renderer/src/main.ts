// Renderer entry: draw the workbench at once (with "Connecting…"), then connect to the core and start it.
// Nothing here waits on the backend before the first paint.
import { firstAnswers } from './early-start' // first: it connects while the rest is evaluated
import './fonts/load'
import './styles/base.css'
import './styles/workbench.css'
import './styles/parts.css'
import './styles/editor.css'
import './styles/overlays.css'
import './workbench/features/tasks/tasks.css'
import { showConnecting, showShortcuts } from './workbench/empty-editor'
import { isMacPlatform } from './workbench/keybindings'
import { createLayout } from './workbench/layout'
import { SettingsService } from './workbench/settings'
import { StatusBar } from './workbench/status-bar'
import { Workbench } from './workbench/workbench'
import { monaco } from './editor/monaco'
import { toMarker } from './editor/markers'
import type { LeanDiagnostic } from '../../shared/lsp'

const SETTINGS_WAIT_MS = 1500

declare global {
  interface Window {
    /** Read-only probes for the end-to-end tests; no access to the backend. */
    __lectern?: {
      modelText(path: string): string | undefined
      ready: boolean
      /** `npm run bench`'s floor: Monaco's own marker cost for these diagnostics on that model (another owner), then cleared. */
      benchMarkersFloor(path: string, diagnostics: LeanDiagnostic[]): Promise<number>
      /** How many markers that model has in Monaco, all owners (the bench's "every marker applied"). */
      markerCount(path: string): number
    }
  }
}

async function main(): Promise<void> {
  const host = document.getElementById('app')
  if (!host) throw new Error('index.html has no #app element')
  const layout = createLayout(host)
  layout.root.classList.add('lx-no-editor')
  showConnecting(layout.emptyEditor)
  let workbench: Workbench | undefined
  const statusBar = new StatusBar(layout.statusBar, {
    toggleProblems: () => workbench?.toggleProblems(),
    showServerLog: () => workbench?.runCommand('lean4.troubleshooting.showOutput'),
    toggleInfoview: () => workbench?.toggleInfoview(),
  })

  const { backend, info: infoCall, settings: firstSettings, session: lastSession } = await firstAnswers
  const settings = new SettingsService(backend, window)
  // Settings shape the first paint (theme, font) but must not hold it up: late settings apply when they arrive.
  const settingsLoaded = settings.load(firstSettings).catch((err) => console.warn('Settings could not be read; using defaults', err))
  const info = await infoCall
  await Promise.race([settingsLoaded, new Promise((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS))])
  const folder = info.roots[0]?.split(/[\\/]/).filter(Boolean).pop()
  document.title = folder ? `${folder} — Lectern` : 'Lectern'

  workbench = new Workbench(layout, backend, info, settings, statusBar)
  showShortcuts(layout.emptyEditor, isMacPlatform())
  const group = workbench.group
  window.__lectern = {
    modelText: (path) => group.findByPath(path)?.model.getValue(),
    ready: false,
    markerCount: (path) => {
      const model = group.findByPath(path)?.model
      return model ? monaco.editor.getModelMarkers({ resource: model.uri }).length : 0
    },
    benchMarkersFloor: async (path, diagnostics) => {
      const model = group.findByPath(path)?.model
      if (!model) throw new Error(`not open: ${path}`)
      const t = performance.now()
      monaco.editor.setModelMarkers(model, 'bench-floor', diagnostics.map(toMarker))
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
      const ms = performance.now() - t
      monaco.editor.setModelMarkers(model, 'bench-floor', [])
      return ms
    },
  }
  window.addEventListener('pagehide', () => {
    workbench?.dispose()
    statusBar.dispose()
    layout.dispose()
    backend.dispose()
  })
  await workbench.start(lastSession)
  window.__lectern.ready = true
}

main().catch((err) => {
  console.error('Lectern failed to start', err)
  const app = document.getElementById('app')
  const message = document.createElement('pre')
  message.className = 'lx-fatal'
  message.textContent = `Lectern failed to start:\n${(err as Error)?.stack ?? String(err)}`
  app?.append(message)
})
