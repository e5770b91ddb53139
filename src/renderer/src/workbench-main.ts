// The workbench half of the renderer, loaded by main.ts while the first answers come in: draw the workbench at once
// (with "Connecting…"), then start it with those answers. Nothing here waits on the backend before the first paint.
import type { FirstAnswers } from './early-start'
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

export async function startWorkbench(firstAnswers: Promise<FirstAnswers>): Promise<void> {
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

  const { backend, info: infoCall, settings: firstSettings, session: lastSession, fileEvents, openedAhead } = await firstAnswers
  const settings = new SettingsService(backend, window)
  // Settings shape the first paint (theme, font) but must not hold it up: late settings apply when they arrive.
  const settingsLoaded = settings.load(firstSettings).catch((err) => console.warn('Settings could not be read; using defaults', err))
  const info = await infoCall
  await Promise.race([settingsLoaded, new Promise((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS))])
  const folder = info.roots[0]?.split(/[\\/]/).filter(Boolean).pop()
  document.title = folder ? `${folder} — Lectern` : 'Lectern'

  workbench = new Workbench(layout, backend, info, settings, statusBar, fileEvents)
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
  workbench.group.adoptOpenedAhead(await openedAhead)
  await workbench.start(lastSession)
  // Anything the early start opened that the start did not show is closed again.
  workbench.group.releaseOpenedAhead()
  window.__lectern.ready = true
}
