// The native menu bar, rebuilt whenever the renderer sends its command table (titles, keybindings, enabled
// state). Clicking a command sends its id back; the renderer's keybinding service owns the keys, so accelerators
// are shown but not registered (nothing runs twice). Help › About shows every version, copyable.
import { app, BrowserWindow, clipboard, dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import { buildMenu, type MenuItemSpec } from '../shell/menu-layout'
import type { MenuCommandState } from '../../shared/shell'

export interface AppMenuOptions {
  runCommand(id: string): void
  /** Lean's version(s) as the running servers report them; '' when none runs yet. */
  leanVersions(): Promise<string>
}

function toElectron(spec: MenuItemSpec, options: AppMenuOptions): MenuItemConstructorOptions {
  if (spec.type === 'separator') return { type: 'separator' }
  if (spec.submenu) return { label: spec.label, submenu: spec.submenu.map((s) => toElectron(s, options)) }
  if (spec.command) {
    const id = spec.command
    return { label: spec.label, accelerator: spec.accelerator, registerAccelerator: false, enabled: spec.enabled, click: () => options.runCommand(id) }
  }
  if (spec.action === 'about') return { label: spec.label, click: () => void showAbout(options) }
  return { role: spec.role as MenuItemConstructorOptions['role'], label: spec.label, accelerator: spec.accelerator }
}

export function aboutText(lean: string): string {
  const v = process.versions
  return [
    `Lectern ${app.getVersion()}`,
    `Electron ${v.electron}`,
    `Chromium ${v.chrome}`,
    `Node.js ${v.node}`,
    `V8 ${v.v8}`,
    `Lean ${lean || '(no Lean server running yet)'}`,
    `OS ${process.platform} ${process.arch} ${process.getSystemVersion?.() ?? ''}`.trim(),
  ].join('\n')
}

async function showAbout(options: AppMenuOptions): Promise<void> {
  const detail = aboutText(await options.leanVersions().catch(() => ''))
  const parent = BrowserWindow.getFocusedWindow()
  const box = { type: 'info' as const, title: 'About Lectern', message: 'Lectern', detail, buttons: ['Copy', 'OK'], defaultId: 1, cancelId: 1, noLink: true }
  const { response } = parent ? await dialog.showMessageBox(parent, box) : await dialog.showMessageBox(box)
  if (response === 0) clipboard.writeText(detail)
}

export class AppMenu {
  constructor(private readonly options: AppMenuOptions) {
    // Before the page sends its commands: the structure with roles only (Edit works at once).
    this.update([])
  }

  update(commands: MenuCommandState[]): void {
    const template = buildMenu(commands, process.platform).map((s) => toElectron(s, this.options))
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
}
