// Workbench shortcuts pressed while the infoview frame has focus would never reach the workbench page (the frame
// is a separate document), so modifier combinations and function keys are forwarded to it. Text-editing
// combinations (copy, select all, …) stay in the frame.
import type { FrameKey } from './protocol'

const LOCAL_WITH_CTRL = new Set(['a', 'c', 'v', 'x', 'y', 'z'])
/** Forwarded, but the browser keeps its own behaviour (reload, developer tools). */
const BROWSER_KEYS = new Set(['F5', 'F12'])

export function shouldForward(ev: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  if (/^F([1-9]|1[0-2])$/.test(ev.key)) return true
  if (!ev.ctrlKey && !ev.metaKey && !ev.altKey) return false
  if (['Control', 'Meta', 'Alt', 'Shift'].includes(ev.key)) return false
  if ((ev.ctrlKey || ev.metaKey) && !ev.altKey && !ev.shiftKey && LOCAL_WITH_CTRL.has(ev.key.toLowerCase())) return false
  return true
}

export function forwardShortcuts(send: (key: FrameKey) => void): () => void {
  const onKey = (ev: KeyboardEvent): void => {
    if (ev.defaultPrevented || !shouldForward(ev)) return
    const target = ev.target as HTMLElement | null
    if (target?.closest?.('input, textarea, [contenteditable="true"]') && !ev.ctrlKey && !ev.metaKey) return
    send({ key: ev.key, code: ev.code, ctrlKey: ev.ctrlKey, shiftKey: ev.shiftKey, altKey: ev.altKey, metaKey: ev.metaKey })
    const reload = (ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'r'
    const devtools = (ev.ctrlKey || ev.metaKey) && ev.shiftKey && ev.key.toLowerCase() === 'i'
    if (!BROWSER_KEYS.has(ev.key) && !reload && !devtools) ev.preventDefault()
  }
  window.addEventListener('keydown', onKey)
  return () => window.removeEventListener('keydown', onKey)
}
