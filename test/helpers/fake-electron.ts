// A small stand-in for the `electron` module, enough to drive src/main/electron/* under Node: it follows
// Electron's API shapes (events, handler signatures) and records what the shell asked of it.
import { EventEmitter } from 'node:events'

export class FakeWebContents extends EventEmitter {
  static nextId = 1
  readonly id = FakeWebContents.nextId++
  readonly mainFrame = { url: 'app://lectern/index.html' }
  readonly sent: { channel: string; payload: unknown }[] = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  destroyed = false
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  destroy(): void {
    this.destroyed = true
    this.emit('destroyed')
  }
}

/** Runs listeners of a cancellable Electron event and says whether one called preventDefault. */
export function emitCancellable(target: EventEmitter, event: string, ...args: unknown[]): boolean {
  let prevented = false
  target.emit(event, { preventDefault: () => void (prevented = true) }, ...args)
  return prevented
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = []
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all.filter((w) => !w.destroyed)
  }
  static getFocusedWindow(): BrowserWindow | null {
    return null
  }
  readonly webContents = new FakeWebContents()
  readonly calls: string[] = []
  loadedUrl = ''
  destroyed = false
  minimized = false
  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.all.push(this)
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return Promise.resolve()
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMinimized(): boolean {
    return this.minimized
  }
  isMaximized(): boolean {
    return this.calls.includes('maximize')
  }
  isFullScreen(): boolean {
    return this.calls.includes('setFullScreen')
  }
  getNormalBounds() {
    const o = this.options as { x?: number; y?: number; width: number; height: number }
    return { x: o.x ?? 0, y: o.y ?? 0, width: o.width, height: o.height }
  }
  restore(): void {
    this.calls.push('restore')
  }
  show(): void {
    this.calls.push('show')
  }
  focus(): void {
    this.calls.push('focus')
  }
  maximize(): void {
    this.calls.push('maximize')
  }
  setFullScreen(): void {
    this.calls.push('setFullScreen')
  }
}

type Handler = (e: unknown, ...args: unknown[]) => unknown

export const ipcMain = Object.assign(new EventEmitter(), {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  },
})

class FakeApp extends EventEmitter {
  isPackaged = false
  paths = new Map<string, string>()
  name = ''
  lockGranted = true
  lockData: unknown
  exitCode: number | undefined
  readonly exited = new EventEmitter()
  quitCalls = 0
  private readyResolve!: () => void
  private readonly ready = new Promise<void>((r) => (this.readyResolve = r))
  setName(name: string): void {
    this.name = name
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path)
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/fake/${name}`
  }
  getVersion(): string {
    return '0.1.0'
  }
  requestSingleInstanceLock(data?: unknown): boolean {
    this.lockData = data
    return this.lockGranted
  }
  whenReady(): Promise<void> {
    return this.ready
  }
  fireReady(): void {
    this.readyResolve()
  }
  quit(): void {
    this.quitCalls++
    emitCancellable(this, 'before-quit')
  }
  exit(code = 0): void {
    this.exitCode = code
    this.exited.emit('exit', code)
  }
}

export const app = new FakeApp()

export const dialog = {
  errors: [] as { title: string; content: string }[],
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content })
  },
  showMessageBox: async () => ({ response: 1 }),
}

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url)
    return Promise.resolve()
  },
}

export class FakeSession {
  requestHandler: ((wc: unknown, permission: string, callback: (ok: boolean) => void, details: Record<string, unknown>) => void) | undefined
  checkHandler: ((wc: unknown, permission: string, origin: string, details: Record<string, unknown>) => boolean) | undefined
  setPermissionRequestHandler(h: FakeSession['requestHandler']): void {
    this.requestHandler = h
  }
  setPermissionCheckHandler(h: FakeSession['checkHandler']): void {
    this.checkHandler = h
  }
}

export const session = { defaultSession: new FakeSession() }

export const protocol = {
  schemes: [] as unknown[],
  handlers: new Map<string, (req: { url: string }) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.schemes.push(...schemes)
  },
  handle(scheme: string, handler: (req: { url: string }) => Promise<Response>): void {
    this.handlers.set(scheme, handler)
  },
}

const display = (id: number, x: number, width: number) => ({ id, workArea: { x, y: 0, width, height: 1000 } })
export const screen = {
  displays: [display(1, 0, 1920)],
  getPrimaryDisplay() {
    return this.displays[0]
  },
  getAllDisplays() {
    return this.displays
  },
}

export const Menu = {
  current: undefined as unknown,
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu(menu: unknown): void {
    this.current = menu
  },
}

export const clipboard = {
  text: '',
  writeText(text: string): void {
    this.text = text
  },
}
