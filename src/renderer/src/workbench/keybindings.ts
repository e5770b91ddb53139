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

/** A chord ("CtrlCmd+K CtrlCmd+O") is its presses separated by spaces; each part is formatted on its own. */
export function formatKeybinding(spec: string, isMac: boolean): string {
  return spec.split(' ').filter(Boolean).map((part) => formatPress(part, isMac)).join(' ')
}

function formatPress(spec: string, isMac: boolean): string {
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

const MODIFIER_CODES = new Set(['ControlLeft', 'ControlRight', 'ShiftLeft', 'ShiftRight', 'AltLeft', 'AltRight', 'MetaLeft', 'MetaRight'])

export type KeyResolution = { kind: 'run'; id: string } | { kind: 'chord' } | { kind: 'none' }

/**
 * What a key press does: run a command, start a chord (its first press, waiting for the second), or nothing.
 * `chordStart` is the first press of a chord under way. Chords are left to Monaco while the editor has focus.
 */
export function resolveKeybinding(
  bindings: readonly { id: string; specs: readonly string[] }[],
  ev: KeyEventLike,
  chordStart: KeyEventLike | undefined,
  isMac: boolean,
  inEditor: boolean,
): KeyResolution {
  const presses = bindings.flatMap((b) => b.specs.map((spec) => ({ id: b.id, parts: spec.split(' ').filter(Boolean).map(parseKeybinding) })))
  if (chordStart) {
    const second = presses.find((p) => p.parts.length === 2 && matchesKeybinding(chordStart, p.parts[0], isMac) && matchesKeybinding(ev, p.parts[1], isMac))
    if (second) return { kind: 'run', id: second.id }
  }
  const single = presses.find((p) => p.parts.length === 1 && matchesKeybinding(ev, p.parts[0], isMac))
  if (single) return { kind: 'run', id: single.id }
  if (!inEditor && presses.some((p) => p.parts.length === 2 && matchesKeybinding(ev, p.parts[0], isMac))) return { kind: 'chord' }
  return { kind: 'none' }
}

export class KeybindingService implements Disposable {
  private readonly listener: Disposable
  private chordStart: KeyEventLike | undefined

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
    if (MODIFIER_CODES.has(ev.code)) return // pressing Ctrl again between the two presses of a chord
    const bindings = this.commands.all().filter((c) => this.commands.isEnabled(c)).map((c) => ({
      id: c.id,
      specs: [c.keybinding, ...(c.alternativeKeybindings ?? [])].filter((s): s is string => !!s),
    }))
    // Monaco runs its own chords (Ctrl+K Ctrl+C …), and ours too: they are editor actions as well.
    const inEditor = ev.target instanceof Element && !!ev.target.closest('.monaco-editor')
    const found = resolveKeybinding(bindings, ev, this.chordStart, this.isMac, inEditor)
    this.chordStart = found.kind === 'chord' ? { code: ev.code, ctrlKey: ev.ctrlKey, metaKey: ev.metaKey, shiftKey: ev.shiftKey, altKey: ev.altKey } : undefined
    if (found.kind === 'none') return
    ev.preventDefault()
    ev.stopPropagation()
    if (found.kind === 'run') this.commands.run(found.id, this.onError)
  }

  dispose(): void {
    this.listener.dispose()
  }
}
