// The shell's own IPC with the renderer (menus, layout widths, files to open, notices). Events wait in a queue
// until the page says it is ready, so a file handed over during a reload is opened, not lost.
import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron'
import { SHELL_CHANNELS, type MenuCommandState, type ShellEvent, type ShellLayout, type ShellReady } from '../../shared/shell'
import { trustedSender } from './ipc'

export interface ShellHostOptions {
  layout(): ShellLayout
  onMenu(commands: MenuCommandState[]): void
  onLayout(layout: ShellLayout): void
}

function isMenuState(v: unknown): v is MenuCommandState[] {
  return Array.isArray(v) && v.every((c) => c && typeof c.id === 'string' && typeof c.title === 'string' && typeof c.enabled === 'boolean' && (c.keybinding === undefined || typeof c.keybinding === 'string'))
}

function isLayout(v: unknown): v is ShellLayout {
  if (!v || typeof v !== 'object') return false
  const l = v as Record<string, unknown>
  const ok = (n: unknown) => n === undefined || (typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 10_000)
  return ok(l.sidebarWidth) && ok(l.infoviewWidth)
}

export class ShellHost {
  private window: BrowserWindow | undefined
  private ready = false
  private queue: ShellEvent[] = []

  constructor(private readonly options: ShellHostOptions) {
    ipcMain.handle(SHELL_CHANNELS.ready, (e: IpcMainInvokeEvent): ShellReady | undefined => {
      if (!this.fromWindow(e)) return undefined
      this.ready = true
      // After the answer, so the page has its listener in place.
      setImmediate(() => this.flush())
      return { layout: this.options.layout() }
    })
    ipcMain.on(SHELL_CHANNELS.menu, (e: IpcMainEvent, commands: unknown) => {
      if (this.fromWindow(e) && isMenuState(commands)) this.options.onMenu(commands)
    })
    ipcMain.on(SHELL_CHANNELS.layout, (e: IpcMainEvent, layout: unknown) => {
      if (this.fromWindow(e) && isLayout(layout)) this.options.onLayout(layout)
    })
  }

  private fromWindow(e: IpcMainInvokeEvent | IpcMainEvent): boolean {
    return trustedSender(e) && !!this.window && !this.window.isDestroyed() && e.sender === this.window.webContents
  }

  /** The window whose page receives the events; a new page (reload, new window) must say ready again. */
  attach(window: BrowserWindow): void {
    this.window = window
    this.ready = false
    window.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) this.ready = false
    })
  }

  send(event: ShellEvent): void {
    this.queue.push(event)
    this.flush()
  }

  private flush(): void {
    const win = this.window
    if (!this.ready || !win || win.isDestroyed()) return
    for (const ev of this.queue.splice(0)) win.webContents.send(SHELL_CHANNELS.event, ev)
  }

  dispose(): void {
    ipcMain.removeHandler(SHELL_CHANNELS.ready)
    ipcMain.removeAllListeners(SHELL_CHANNELS.menu)
    ipcMain.removeAllListeners(SHELL_CHANNELS.layout)
  }
}
