// Electron lifecycle: start the core and the bridge, serve the renderer over app://, open the window,
// and shut every Lean server down before quitting.
import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { Bridge } from '../bridge/bridge'
import { Core } from '../core'
import { parseLaunchArgs } from '../launch-args'
import { registerIpc } from './ipc'
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './protocol'
import { createMainWindow } from './window'

/** The app's own flags, after Electron's (and, unpackaged, the app folder) in argv. */
function launchArgs() {
  const argv = process.argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('--inspect') && !a.startsWith('--remote-debugging'))
  return parseLaunchArgs(argv, process.env)
}

export function startElectronApp(): void {
  app.setName('Lectern')
  registerAppScheme()
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  let core: Core | undefined
  let bridge: Bridge | undefined

  app.whenReady().then(async () => {
    const args = launchArgs()
    core = await Core.create({ mode: 'electron', workspace: args.workspace, userDataDir: process.env.LECTERN_USER_DATA || app.getPath('userData') })
    core.toolchain.start()
    const rendererDir = join(__dirname, '../renderer')
    bridge = new Bridge({ core, rendererDir, port: args.port, extraOrigins: [APP_ORIGIN] })
    await bridge.listen()
    core.infoviewUrl = `${APP_ORIGIN}/infoview.html`
    handleAppProtocol(rendererDir, `ws://127.0.0.1:${bridge.port}`)
    registerIpc(core.router)
    createMainWindow(core.router)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0 && core) createMainWindow(core.router)
    })
  }).catch((err) => {
    console.error('Lectern failed to start', err)
    app.exit(1)
  })

  let quitting = false
  app.on('before-quit', (e) => {
    if (quitting) return
    quitting = true
    e.preventDefault()
    void Promise.all([bridge?.close(), core?.dispose()]).finally(() => app.exit(0))
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
