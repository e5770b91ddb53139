// The desktop app's lifecycle under a fake `electron`: the command line (bad flags reach a dialog, --user-data
// holds the lock), files at positions, the native menu built from the page's commands, a second launch handed to
// the running window, and SIGTERM writing the backups of unsaved work before exit.
import { app, dialog, ipcMain, Menu } from './helpers/fake-electron'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { SHELL_CHANNELS } from '../src/shared/shell'
import { backupTexts, call, exited, fromPage, launch, mainWindow, makeWorkspace, until } from './helpers/electron-app-harness'

type Item = { label?: string; role?: string; accelerator?: string; enabled?: boolean; registerAccelerator?: boolean; click?: () => void; submenu?: Item[] }
const menuItems = () => ((Menu.current as { template: Item[] }).template ?? []).flatMap((m) => m.submenu ?? [])

describe('the desktop app', () => {
  const { ws, userData } = makeWorkspace()
  const realWs = realpathSync(ws)
  let launched: ReturnType<typeof launch> | undefined

  it('an unknown flag is one sentence in a dialog and a non-zero exit, before anything starts', () => {
    launch(['--frobnicate'])
    assert.deepEqual(dialog.errors, [{ title: 'Lectern could not start', content: 'Unknown argument: --frobnicate (`lectern --help` lists the options).' }])
    assert.equal(app.exitCode, 2)
    assert.equal(app.lockData, undefined, 'no lock was taken')
    app.exitCode = undefined
  })

  it('starts with --user-data holding the lock, no bridge, and the command-line file at its position', async (t) => {
    const logged: string[] = []
    t.mock.method(console, 'log', (line: string) => void logged.push(line))
    launched = launch([ws, `${join(ws, 'A.lean')}:2:3`, '--user-data', userData, '--no-sandbox'])
    assert.equal(app.paths.get('userData'), userData, 'the single-instance lock lives in the chosen user data folder')
    assert.ok(Array.isArray((app.lockData as { argv?: unknown }).argv), 'the launch passes its argv along with the lock request')
    app.fireReady()
    const win = await mainWindow()
    assert.ok(menuItems().some((i) => i.role === 'paste'), 'our own menu replaces the default one before the window opens')
    const info = await call(win, 'app.info', {})
    assert.deepEqual(info.roots, [realWs])
    assert.deepEqual(info.launchFiles, [{ path: join(ws, 'A.lean'), line: 2, column: 3 }])
    assert.equal(info.mode, 'electron')
    assert.ok(!logged.some((l) => /bridge serves/.test(String(l))), 'the bridge is off unless asked for')
    // The launch file's Lean server was started with the window, before the page opened any document.
    const hasServer = () => call(win, 'lean.serverLog', { project: realWs }).then(() => true, () => false)
    let started = await hasServer()
    for (let i = 0; i < 100 && !started; i++) started = await new Promise((r) => setTimeout(r, 20)).then(hasServer)
    assert.ok(started, "the launch file's project has a Lean server")
  })

  it('the menu carries the page commands with their shortcuts and enabled state; a click runs the command in the page', async () => {
    const win = await mainWindow()
    const ready = ipcMain.handlers.get(SHELL_CHANNELS.ready)
    assert.deepEqual(await ready?.(fromPage(win)), { layout: { sidebarWidth: undefined, infoviewWidth: undefined } })
    ipcMain.emit(SHELL_CHANNELS.menu, fromPage(win), [
      { id: 'workbench.action.files.save', title: 'File: Save', keybinding: 'CtrlCmd+S', enabled: false },
      { id: 'workbench.action.closeActiveEditor', title: 'View: Close Editor', keybinding: 'CtrlCmd+W', enabled: true },
    ])
    const save = menuItems().find((i) => i.label === '&Save')
    assert.equal(save?.accelerator, 'CmdOrCtrl+S')
    assert.equal(save?.enabled, false, 'no Save without an editor')
    const close = menuItems().find((i) => i.label === '&Close Editor')
    assert.equal(close?.accelerator, 'CmdOrCtrl+W', 'Ctrl+W closes the editor, not the window')
    assert.equal(close?.registerAccelerator, false, 'the page owns the keys; the menu only shows them')
    assert.ok(!menuItems().some((i) => i.role === 'close' && i.accelerator === 'CmdOrCtrl+W'))
    close?.click?.()
    await until(() => win.webContents.sent.some((m) => m.channel === SHELL_CHANNELS.event && (m.payload as { kind: string; id?: string }).id === 'workbench.action.closeActiveEditor'))
    // A frame that is not our page cannot set the menu.
    ipcMain.emit(SHELL_CHANNELS.menu, { sender: win.webContents, senderFrame: { url: 'app://lectern/infoview.html' } }, [])
    assert.ok(menuItems().some((i) => i.label === '&Save'))
  })

  it('a second launch focuses the window and opens its files there, relative to its own folder, and its folder in place of the open one', async () => {
    const win = await mainWindow()
    win.minimized = true
    const argv = ['/opt/electron/electron', '/repo', 'sub dir/B.lean:3:4']
    app.emit('second-instance', {}, argv, '/ignored', { argv, cwd: ws })
    assert.ok(win.calls.includes('restore') && win.calls.includes('focus'))
    const open = await until(() => win.webContents.sent.find((m) => (m.payload as { kind: string }).kind === 'open'))
    assert.deepEqual(open.payload, { kind: 'open', files: [{ path: join(ws, 'sub dir/B.lean'), line: 3, column: 4 }] })
    // A folder from a second launch opens in the running window, in place of the open one (File: Open Folder…).
    const other = realpathSync(mkdtempSync(join(tmpdir(), 'lectern-second-folder-')))
    app.emit('second-instance', {}, [], ws, { argv: ['/opt/electron/electron', '/repo', other], cwd: ws })
    const rootsNow = async () => ((await call(win, 'app.info', {})) as { roots: string[] }).roots
    for (let roots = await rootsNow(); roots[0] !== other; roots = await rootsNow()) await new Promise((r) => setTimeout(r, 10))
    await call(win, 'workspace.openFolder', { path: ws })
    assert.deepEqual(await rootsNow(), [realWs])
  })

  it('SIGTERM writes the backups of unsaved work and the window state, then exits 0', async () => {
    const win = await mainWindow()
    ipcMain.emit(SHELL_CHANNELS.layout, fromPage(win), { sidebarWidth: 333, infoviewWidth: 444 })
    const doc = await call(win, 'doc.open', { path: join(ws, 'notes.txt') })
    await call(win, 'doc.change', { uri: doc.uri, changes: [{ text: 'unsaved second draft\n' }] })
    launched?.signals.emit('SIGTERM')
    assert.equal(await exited(), 0)
    assert.deepEqual(backupTexts(userData), ['unsaved second draft\n'])
    const states = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))
    assert.equal(states[0].workspace, realWs)
    assert.equal(states[0].state.sidebarWidth, 333)
    assert.deepEqual(states[0].state.bounds, { x: 0, y: 0, width: 1400, height: 900 })
  })
})
