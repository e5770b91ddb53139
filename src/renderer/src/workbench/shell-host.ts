// The desktop shell's side of the workbench (Electron only; a browser tab has no shell): send the command table
// to the native menu whenever a command or its enabled state may have changed, run the commands the menu sends
// back, open files a second launch hands over, show the shell's notices, and keep the side widths per workspace.
import type { FileTarget } from '../../../shared/api'
import type { MenuCommandState, ShellLayout, ShellPreload } from '../../../shared/shell'
import type { Command } from './commands'
import { DisposableStore, toDisposable, type Disposable } from './disposables'

declare global {
  interface Window {
    /** The desktop shell's preload functions; absent in a browser tab. */
    lecternShell?: ShellPreload
  }
}

export interface ShellHostTargets {
  commands(): Command[]
  isEnabled(command: Command): boolean
  /** Fires when commands or the state their `enabled` reads may have changed. */
  onDidChangeState(listener: () => void): Disposable
  runCommand(id: string): void
  openFiles(files: FileTarget[]): void
  notify(message: string): void
  /** The element whose CSS variables hold the side widths. */
  root: HTMLElement
}

export function shellPreload(api: unknown): ShellPreload | undefined {
  const p = api as Partial<ShellPreload> | undefined
  return p && typeof p.ready === 'function' && typeof p.setMenu === 'function' && typeof p.onEvent === 'function' && typeof p.setLayout === 'function' ? (p as ShellPreload) : undefined
}

export function menuState(commands: Command[], isEnabled: (c: Command) => boolean): MenuCommandState[] {
  return commands.map((c) => ({ id: c.id, title: c.title, ...(c.keybinding ? { keybinding: c.keybinding } : {}), enabled: isEnabled(c) }))
}

const WIDTHS = { sidebarWidth: '--lx-sidebar-width', infoviewWidth: '--lx-infoview-width' } as const

function readWidths(root: HTMLElement): ShellLayout {
  const px = (prop: string) => {
    const n = Number.parseFloat(root.style.getPropertyValue(prop))
    return Number.isFinite(n) && n > 0 ? Math.round(n) : undefined
  }
  return { sidebarWidth: px(WIDTHS.sidebarWidth), infoviewWidth: px(WIDTHS.infoviewWidth) }
}

export function connectShell(shell: ShellPreload, t: ShellHostTargets): Disposable {
  const d = new DisposableStore()
  let lastMenu = ''
  let menuTimer: ReturnType<typeof setTimeout> | undefined
  const publishMenu = () => {
    clearTimeout(menuTimer)
    menuTimer = setTimeout(() => {
      const state = menuState(t.commands(), t.isEnabled)
      const json = JSON.stringify(state)
      if (json === lastMenu) return
      lastMenu = json
      shell.setMenu(state)
    }, 50)
  }
  d.add(toDisposable(() => clearTimeout(menuTimer)))
  d.add(t.onDidChangeState(publishMenu))
  d.add(
    toDisposable(
      shell.onEvent((ev) => {
        if (ev.kind === 'command') t.runCommand(ev.id)
        else if (ev.kind === 'open') t.openFiles(ev.files)
        else if (ev.kind === 'notice') t.notify(ev.message)
      }),
    ),
  )

  // Side widths: restored from the shell, reported when a sash drag changes them.
  let lastLayout = ''
  let layoutTimer: ReturnType<typeof setTimeout> | undefined
  const observer = new MutationObserver(() => {
    clearTimeout(layoutTimer)
    layoutTimer = setTimeout(() => {
      const widths = readWidths(t.root)
      const json = JSON.stringify(widths)
      if (json !== lastLayout) {
        lastLayout = json
        shell.setLayout(widths)
      }
    }, 300)
  })
  d.add(toDisposable(() => {
    observer.disconnect()
    clearTimeout(layoutTimer)
  }))
  void shell.ready().then((ready) => {
    for (const [key, prop] of Object.entries(WIDTHS) as [keyof ShellLayout, string][]) {
      const width = ready?.layout[key]
      if (width) t.root.style.setProperty(prop, `${width}px`)
    }
    lastLayout = JSON.stringify(readWidths(t.root))
    observer.observe(t.root, { attributes: true, attributeFilter: ['style'] })
    publishMenu()
  })
  return d
}
