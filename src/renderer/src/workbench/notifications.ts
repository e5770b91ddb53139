// Transient messages in the bottom-right corner (failed commands, files that could not be opened).
import { button, h, icon, iconButton } from './dom'

const SHOW_MS = 8000
const MAX_SHOWN = 4

export class Notifications {
  private readonly stack: HTMLElement
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()

  constructor(host: HTMLElement) {
    this.stack = h('div', { class: 'lx-notifications', attrs: { 'aria-live': 'polite' } })
    host.append(this.stack)
  }

  /** `action` adds a button (e.g. "Restart Files") that runs it and dismisses the message. */
  show(message: string, tone: 'error' | 'info' = 'error', action?: { label: string; run: () => void }): void {
    const close = iconButton('close', 'Dismiss', () => remove())
    const toast = h('div', { class: `lx-toast lx-toast-${tone}`, attrs: { role: tone === 'error' ? 'alert' : 'status' } }, [
      icon(tone === 'error' ? 'error' : 'info'),
      h('span', { class: 'lx-toast-text', text: message }),
      action ? button(action.label, () => (remove(), action.run()), { primary: true }) : null,
      close,
    ])
    const timer = setTimeout(() => remove(), SHOW_MS)
    const remove = () => {
      clearTimeout(timer)
      this.timers.delete(timer)
      toast.remove()
    }
    this.timers.add(timer)
    this.stack.append(toast)
    while (this.stack.childElementCount > MAX_SHOWN) this.stack.firstElementChild?.remove()
  }

  /** Error text for a failed call: the core's message is already written for users. */
  error(prefix: string, err: unknown): void {
    const message = (err as { message?: unknown })?.message
    this.show(`${prefix}: ${typeof message === 'string' ? message : String(err)}`)
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.stack.remove()
  }
}
