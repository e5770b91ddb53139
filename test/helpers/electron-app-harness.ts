// Drives src/main/electron/app.ts under the fake `electron` as the real app would be driven: a command line,
// `ready`, the page's IPC calls, a second launch, quitting. One app per test file (Electron's app is a singleton).
import './use-fake-electron'
import { EventEmitter } from 'node:events'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { app, BrowserWindow, ipcMain } from './fake-electron'
import { startElectronApp } from '../../src/main/electron/app'

export function makeWorkspace(): { tmp: string; ws: string; userData: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'lectern-electron-app-'))
  const ws = join(tmp, 'proj')
  mkdirSync(ws)
  writeFileSync(join(ws, 'lean-toolchain'), 'leanprover/lean4:v4.20.0\n')
  writeFileSync(join(ws, 'A.lean'), 'theorem t : True := trivial\n')
  writeFileSync(join(ws, 'notes.txt'), 'first draft\n')
  return { tmp, ws, userData: join(tmp, 'user data') }
}

export async function until<T>(check: () => T | undefined | false): Promise<T> {
  for (;;) {
    const v = check()
    if (v) return v
    await new Promise((r) => setTimeout(r, 10))
  }
}

export function launch(argv: string[]): { signals: EventEmitter } {
  const signals = new EventEmitter()
  process.argv = ['/opt/electron/electron', '/repo', ...argv]
  startElectronApp({ signals })
  return { signals }
}

export async function mainWindow(): Promise<BrowserWindow> {
  return until(() => BrowserWindow.all[0])
}

/** What the page's preload would send: from the window's own main frame. */
export function fromPage(win: BrowserWindow) {
  return { sender: win.webContents, senderFrame: win.webContents.mainFrame }
}

export async function call(win: BrowserWindow, method: string, params: unknown): Promise<any> {
  const handler = ipcMain.handlers.get(`lectern:${method}`)
  if (!handler) throw new Error(`no IPC handler for ${method}`)
  const reply = (await handler(fromPage(win), params)) as { ok: boolean; result?: unknown; error?: { message: string } }
  if (!reply.ok) throw new Error(reply.error?.message)
  return reply.result
}

export function exited(): Promise<number> {
  return app.exitCode !== undefined ? Promise.resolve(app.exitCode) : new Promise((r) => app.exited.once('exit', r))
}

export function backupTexts(userData: string): string[] {
  const dir = join(userData, 'backups')
  return readdirSync(dir).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text: string }).text)
}
