// Keybindings in our notation ("CtrlCmd+Shift+Enter") parsed, matched against KeyboardEvents and formatted for
// display; and the service that runs commands on them. It listens on the window in the capture phase, so a
// binding works wherever focus is (editor, explorer, panel) and Monaco never sees the keys we own.
import type { CommandRegistry } from './commands'
import { type Disposable, listen } from './disposables'

export interface ParsedKeybinding {
  ctrlCmd: boolean
  ctrl: boolean
  shift: boolean
  alt: boolean
  /** KeyboardEvent.code, e.g. "KeyP", "Enter", "F1", "Comma". */
  code: string
  /** Display name of the key. */
  label: string
}

export interface KeyEventLike {
  code: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

const NAMED_CODES: Record<string, string> = { ',': 'Comma', '.': 'Period', '/': 'Slash', '\\': 'Backslash', '`': 'Backquote' }

export function parseKeybinding(spec: string): ParsedKeybinding {
  const parts = spec.split('+')
  const key = parts.pop() ?? ''
  const mods = new Set(parts.map((p) => p.toLowerCase()))
  let code: string
  if (/^[a-z]$/i.test(key)) code = `Key${key.toUpperCase()}`
  else if (/^[0-9]$/.test(key)) code = `Digit${key}`
  else code = NAMED_CODES[key] ?? key
  return {
    ctrlCmd: mods.has('ctrlcmd'),
    ctrl: mods.has('ctrl'),
    shift: mods.has('shift'),
    alt: mods.has('alt'),
    code,
    label: /^[a-z]$/i.test(key) ? key.toUpperCase() : key,
  }
}

export function matchesKeybinding(ev: KeyEventLike, kb: ParsedKeybinding, isMac: boolean): boolean {
  const wantCtrl = kb.ctrl || (kb.ctrlCmd && !isMac)
  const wantMeta = kb.ctrlCmd && isMac
  return (
    ev.code === kb.code &&
    ev.ctrlKey === wantCtrl &&
    ev.metaKey === wantMeta &&
    ev.shiftKey === kb.shift &&
    ev.altKey === kb.alt
  )
}

export function formatKeybinding(spec: string, isMac: boolean): string {
  const kb = parseKeybinding(spec)
  if (isMac) {
    return `${kb.ctrl ? '⌃' : ''}${kb.alt ? '⌥' : ''}${kb.shift ? '⇧' : ''}${kb.ctrlCmd ? '⌘' : ''}${kb.label}`
  }
  const mods = [kb.ctrl || kb.ctrlCmd ? 'Ctrl' : '', kb.shift ? 'Shift' : '', kb.alt ? 'Alt' : ''].filter(Boolean)
  return [...mods, kb.label].join('+')
}

export function isMacPlatform(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}

export class KeybindingService implements Disposable {
  private readonly listener: Disposable

  constructor(
    private readonly commands: CommandRegistry,
    private readonly isMac: boolean,
    /** While true (a modal dialog is open) no binding fires. */
    private readonly suspended: () => boolean,
    private readonly onError: (err: unknown) => void,
  ) {
    this.listener = listen(window, 'keydown', (ev) => this.onKeyDown(ev), { capture: true })
  }

  private onKeyDown(ev: KeyboardEvent): void {
    if (ev.defaultPrevented || ev.isComposing || this.suspended()) return
    for (const command of this.commands.all()) {
      const specs = [command.keybinding, ...(command.alternativeKeybindings ?? [])].filter((s): s is string => !!s)
      if (!specs.some((spec) => matchesKeybinding(ev, parseKeybinding(spec), this.isMac))) continue
      if (!this.commands.isEnabled(command)) continue
      ev.preventDefault()
      ev.stopPropagation()
      this.commands.run(command.id, this.onError)
      return
    }
  }

  dispose(): void {
    this.listener.dispose()
  }
}
