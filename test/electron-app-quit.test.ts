// Quitting the desktop app with unsaved work (hot exit): closing the last window quits (off macOS), `before-quit`
// writes the backups before exit and nothing is asked. And a remembered window whose monitor is gone comes back
// on screen, maximized as it was.
import { app, screen } from './helpers/fake-electron'
import assert from 'node:assert/strict'
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { backupTexts, call, exited, launch, mainWindow, makeWorkspace } from './helpers/electron-app-harness'

describe('quitting the desktop app', () => {
  const { ws, userData } = makeWorkspace()

  it('restores the window per workspace, moved back onto the only display', async () => {
    mkdirSync(userData, { recursive: true })
    const saved = { bounds: { x: 3000, y: 50, width: 1200, height: 800 }, maximized: true, fullScreen: false }
    writeFileSync(join(userData, 'window-state.json'), JSON.stringify([{ workspace: realpathSync(ws), state: saved }]))
    screen.displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1000 } }]
    launch([ws, '--user-data', userData])
    app.fireReady()
    const win = await mainWindow()
    assert.deepEqual(
      { x: win.options.x, y: win.options.y, width: win.options.width, height: win.options.height },
      { x: 360, y: 100, width: 1200, height: 800 },
    )
    assert.ok(win.calls.includes('maximize'))
  })

  it('closing the last window quits; before-quit writes the backups, then exits 0 without asking', async () => {
    if (process.platform === 'darwin') return // there the app stays alive without windows
    const win = await mainWindow()
    const doc = await call(win, 'doc.open', { path: join(ws, 'notes.txt') })
    await call(win, 'doc.change', { uri: doc.uri, changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: 'second' }] })
    app.emit('window-all-closed')
    assert.equal(app.quitCalls, 1)
    assert.equal(await exited(), 0)
    assert.deepEqual(backupTexts(userData), ['second draft\n'])
  })
})
