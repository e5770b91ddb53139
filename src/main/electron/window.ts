// The main window: sandboxed, context-isolated, no Node, the named-function preload, navigation locked
// to app://lectern and every permission request denied (Electron security checklist #2–#6, #13, #14).
import { join } from 'node:path'
import { BrowserWindow, session, shell } from 'electron'
import type { ApiRouter } from '../api/router'
import { resetIpcContext } from './ipc'
import { APP_ORIGIN, isAppUrl } from './protocol'

export function createMainWindow(router: ApiRouter): BrowserWindow {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false))
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
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
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links in docstrings: open https in the user's browser, nothing else, never in-app.
    try {
      if (new URL(url).protocol === 'https:') void shell.openExternal(url)
    } catch {
      // not a URL
    }
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault()
  })
  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) resetIpcContext(win.webContents, router)
  })
  void win.loadURL(`${APP_ORIGIN}/index.html`)
  return win
}
