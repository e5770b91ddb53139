// The desktop shell's own messages between main and the renderer (Electron only; serve mode has no shell).
// Types only. The preload exposes them as named functions: shell_ready, shell_setMenu, shell_setLayout,
// onShellEvent.
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

/** What `shell_ready()` answers. */
export interface ShellReady {
  layout: ShellLayout
}

export const SHELL_CHANNELS = {
  ready: 'lectern-shell:ready',
  menu: 'lectern-shell:menu',
  layout: 'lectern-shell:layout',
  event: 'lectern-shell:event',
} as const
