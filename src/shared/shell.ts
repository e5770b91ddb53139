// The desktop shell's own messages between main and the renderer (Electron only; serve mode has no shell).
// Types only. The preload exposes them as `window.lecternShell` (ShellPreload).
import type { FileTarget } from './api'

/** One renderer command as the native menu shows it. */
export interface MenuCommandState {
  id: string
  title: string
  /** Our notation: "CtrlCmd+Shift+P". */
  keybinding?: string
  enabled: boolean
}

/** Widths of the resizable side parts, in CSS pixels. */
export interface ShellLayout {
  sidebarWidth?: number
  infoviewWidth?: number
}

/** Main → renderer. */
export type ShellEvent =
  | { kind: 'command'; id: string }
  | { kind: 'open'; files: FileTarget[] }
  | { kind: 'notice'; message: string }

/** What `ready()` answers. */
export interface ShellReady {
  layout: ShellLayout
}

export const SHELL_CHANNELS = {
  ready: 'lectern-shell:ready',
  menu: 'lectern-shell:menu',
  layout: 'lectern-shell:layout',
  event: 'lectern-shell:event',
} as const

/** `window.lecternShell`, the preload's named functions for the shell. */
export interface ShellPreload {
  /** The page can take events; answers the remembered layout. */
  ready(): Promise<ShellReady | undefined>
  setMenu(commands: MenuCommandState[]): void
  setLayout(layout: ShellLayout): void
  onEvent(listener: (ev: ShellEvent) => void): () => void
}
