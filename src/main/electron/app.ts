// Electron lifecycle: parse the command line, hold the single-instance lock (in the user data folder), start the
// core (and the bridge only when asked), serve the renderer over app://, open the window with its menu, hand a
// second launch's files to it, and on quit or SIGINT/SIGTERM write the backups before exiting.
import { join } from 'node:path'
import { app, BrowserWindow, dialog, session } from 'electron'
import { Bridge } from '../bridge/bridge'
import { APP_VERSION, Core } from '../core'
import { parseLaunchArgs, USAGE, type LaunchArgs } from '../launch-args'
import { handOver, userArgs, type HandOverTargets } from '../shell/argv'
import { onStopSignals, Shutdown } from '../shell/shutdown'
import { WindowStateStore } from '../shell/window-state'
import type { FileTarget } from '../../shared/api'
import { guardAllWebContents, guardSession } from './guard'
import { registerFolderDialog } from './folder-dialog'
import { registerIpc, resetIpcContext } from './ipc'
import { AppMenu } from './menu'
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './protocol'
import { ShellHost } from './shell-ipc'
import { createMainWindow, windowState } from './window'

/** Extra data a second launch passes with the lock request: Chromium may reorder argv on Windows. */
interface SecondLaunch {
  argv: string[]
  cwd: string
}

function fail(title: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err)
  console.error(`${title}: ${message}`)
  dialog.showErrorBox(title, message)
}

function readArgs(): LaunchArgs | undefined {
  try {
    return parseLaunchArgs(userArgs(process.argv, app.isPackaged), process.env)
  } catch (err) {
    fail('Lectern could not start', err)
    app.exit(2)
    return undefined
  }
}

/** What folder opening needs from the core. Changeable roots come with the core's own method; until then, say so. */
export type OpenFolder = (path: string) => void

export interface ElectronAppOptions {
  /** Opens another folder in the running window; injected by whoever owns changeable roots. */
  openFolder?: OpenFolder
  /** Where SIGINT/SIGTERM come from (the process; a test's emitter). */
  signals?: Parameters<typeof onStopSignals>[0]
}

export function startElectronApp(options: ElectronAppOptions = {}): void {
  const args = readArgs()
  if (!args) return
  if (args.action) {
    process.stdout.write(`${args.action === 'help' ? USAGE : `Lectern ${APP_VERSION}`}\n`)
    app.exit(0)
    return
  }
  app.setName('Lectern')
  // The lock lives in the user data folder: `--user-data` gives an independent instance (tests, a second profile).
  app.setPath('userData', args.userDataDir)
  registerAppScheme()
  const launch: SecondLaunch = { argv: process.argv, cwd: process.cwd() }
  if (!app.requestSingleInstanceLock(launch as unknown as Record<string, unknown>)) {
    app.quit()
    return
  }
  guardAllWebContents()

  let core: Core | undefined
  let bridge: Bridge | undefined
  let shellHost: ShellHost | undefined
  let window: BrowserWindow | undefined
  const launchFiles: FileTarget[] = [...args.files]
  const states = new WindowStateStore(join(args.userDataDir, 'window-state.json'))
  const workspaceKey = () => core?.roots[0] ?? ''

  const openWindow = () => {
    if (!core) return
    const router = core.router
    const win = createMainWindow({
      saved: states.get(workspaceKey()),
      remember: (state) => void states.update(workspaceKey(), state),
      onNavigation: () => resetIpcContext(win.webContents.id, router),
    })
    window = win
    shellHost?.attach(win)
    win.on('closed', () => {
      if (window === win) window = undefined
    })
  }
  const notify = (message: string) => shellHost?.send({ kind: 'notice', message })
  // A folder handed over by a second launch replaces the open one, as File: Open Folder… does (its unsaved work
  // is backed up and comes back when it is reopened).
  const openFolder: OpenFolder =
    options.openFolder ??
    ((path) => void core?.folders.open(path).catch((err: unknown) => notify(`Could not open ${path}: ${err instanceof Error ? err.message : String(err)}`)))
  const targets: HandOverTargets = {
    focus: () => {
      if (!window) openWindow()
      if (window?.isMinimized()) window.restore()
      window?.show()
      window?.focus()
    },
    // Before the core is up, files join the launch's own.
    openFiles: (files) => (shellHost ? shellHost.send({ kind: 'open', files }) : launchFiles.push(...files)),
    openFolder: (path) => openFolder(path),
    notify,
    roots: () => core?.roots ?? [],
  }
  app.on('second-instance', (_e, argv, cwd, data) => {
    const second = data as Partial<SecondLaunch> | undefined
    const secondArgv = Array.isArray(second?.argv) ? second.argv : argv
    handOver(secondArgv, typeof second?.cwd === 'string' ? second.cwd : cwd, app.isPackaged, targets)
  })
  // macOS: a .lean file opened from Finder or dropped on the Dock icon (before ready: part of the launch).
  app.on('open-file', (e, path) => {
    e.preventDefault()
    targets.focus()
    targets.openFiles([{ path }])
  })

  const shutdown = new Shutdown({
    steps: () => {
      // app.exit closes windows without their `close` event: remember the window here.
      const remembered = window && !window.isDestroyed() ? states.update(workspaceKey(), windowState(window)) : undefined
      shellHost?.dispose()
      return Promise.all([remembered, bridge?.close(), core?.dispose()])
    },
    exit: (code) => app.exit(code),
  })
  app.on('before-quit', (e) => {
    e.preventDefault()
    void shutdown.run('quitting')
  })
  onStopSignals(options.signals ?? process, (signal) => void shutdown.run(signal))
  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows; the Dock icon opens a new one (`activate`).
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })

  app.whenReady().then(async () => {
    guardSession(session.defaultSession)
    // Ours replaces Electron's default menu (whose Ctrl+W closes the window) before the window exists.
    const menu = new AppMenu({
      runCommand: (id) => shellHost?.send({ kind: 'command', id }),
      leanVersions: async () => [...new Set((core?.registry.servers() ?? []).map((s) => s.serverVersion ?? s.toolchain).filter(Boolean))].join(', '),
    })
    core = await Core.create({ mode: 'electron', workspace: args.workspace, launchFiles, userDataDir: args.userDataDir })
    core.startToolchainDiscoverySoon()
    const rendererDir = join(__dirname, '../renderer')
    if (args.bridge || core.settings.get()['bridge.enabled']) {
      bridge = new Bridge({ core, rendererDir, port: args.port, extraOrigins: [APP_ORIGIN], lsp: { limits: args.lsp } })
      await bridge.listen()
      console.log(`Lectern: the bridge serves /ws and /lsp at ${bridge.pageUrl}`)
    }
    core.infoviewUrl = `${APP_ORIGIN}/infoview.html`
    handleAppProtocol(rendererDir, bridge ? `ws://127.0.0.1:${bridge.port}` : undefined)
    registerIpc(core.router)
    registerFolderDialog()
    shellHost = new ShellHost({
      layout: () => {
        const s = states.get(workspaceKey())
        return { sidebarWidth: s?.sidebarWidth, infoviewWidth: s?.infoviewWidth }
      },
      onMenu: (commands) => menu.update(commands),
      onLayout: (layout) => void states.update(workspaceKey(), layout),
    })
    openWindow()
    void core.startLeanServersAhead()
    // `lectern A B`: the first folder is the workspace, the others join it (multi-root).
    for (const folder of args.extraFolders) {
      void core.folders.add(folder).catch((err: unknown) => notify(`Could not add ${folder}: ${err instanceof Error ? err.message : String(err)}`))
    }
  }).catch((err) => {
    fail('Lectern could not start', err)
    app.exit(1)
  })
}
