// The main window: sandboxed, context-isolated, no Node, the named-function preload (Electron security checklist
// #2–#6; navigation, window-open and permission rules in guard.ts apply to it like to every web contents). Its
// size, place, maximized/fullscreen state are remembered per workspace and put back on a display that exists.
import { join } from 'node:path'
import { BrowserWindow, screen } from 'electron'
import { DEFAULT_SIZE, placeOnScreen, type WindowState } from '../shell/window-state'
import { APP_ORIGIN } from './protocol'

export interface MainWindowOptions {
  saved: WindowState | undefined
  remember(state: WindowState): void
  /** A new page is loading (reload): its IPC session starts over. */
  onNavigation(): void
}

function workAreas() {
  const primary = screen.getPrimaryDisplay()
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea)
}

/** What to remember of a window now (its normal bounds even while maximized). */
export function windowState(win: BrowserWindow): WindowState {
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() }
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = placeOnScreen(options.saved?.bounds, workAreas())
  const win = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: 400,
    minHeight: 300,
    title: 'Lectern',
    backgroundColor: '#1e1e1e',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  if (options.saved?.maximized) win.maximize()
  if (options.saved?.fullScreen) win.setFullScreen(true)
  win.once('ready-to-show', () => win.show())
  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) options.onNavigation()
  })

  let timer: ReturnType<typeof setTimeout> | undefined
  const remember = () => {
    if (win.isDestroyed()) return
    options.remember(windowState(win))
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(remember, 500)
  }
  for (const ev of ['resize', 'move'] as const) win.on(ev as 'resize', later)
  for (const ev of ['maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) win.on(ev as 'maximize', remember)
  win.on('close', () => {
    clearTimeout(timer)
    remember()
  })
  void win.loadURL(`${APP_ORIGIN}/index.html`)
  return win
}
