// A small right-click menu (the explorer's): arrow keys, Enter and Escape work; a click elsewhere, blur or
// scrolling closes it. Focus returns to where it was.
import { DisposableStore, type Disposable, listen } from './disposables'
import { h } from './dom'

export interface MenuItem {
  label: string
  /** Shown on the right, e.g. "F2". */
  key?: string
  run: () => void
}

/** `null` entries are separators. */
export function showContextMenu(host: HTMLElement, x: number, y: number, items: readonly (MenuItem | null)[]): Disposable {
  const disposables = new DisposableStore()
  const previousFocus = document.activeElement
  const buttons: HTMLButtonElement[] = []
  const close = (restoreFocus: boolean) => {
    if (disposables.isDisposed) return
    disposables.dispose()
    if (restoreFocus && previousFocus instanceof HTMLElement) previousFocus.focus()
  }
  const rows = items.map((item) => {
    if (!item) return h('div', { class: 'lx-menu-separator', attrs: { role: 'separator' } })
    const b = h('button', { class: 'lx-menu-item', attrs: { type: 'button', role: 'menuitem', tabindex: '-1' } }, [
      h('span', { class: 'lx-menu-label', text: item.label }),
      item.key ? h('span', { class: 'lx-menu-key', text: item.key }) : null,
    ])
    b.addEventListener('click', () => {
      close(true)
      item.run()
    })
    buttons.push(b)
    return b
  })
  const menu = h('div', { class: 'lx-menu', attrs: { role: 'menu' } }, rows)
  host.append(menu)
  disposables.add({ dispose: () => menu.remove() })
  // Keep it on screen.
  const box = menu.getBoundingClientRect()
  menu.style.left = `${Math.max(0, Math.min(x, window.innerWidth - box.width - 4))}px`
  menu.style.top = `${Math.max(0, Math.min(y, window.innerHeight - box.height - 4))}px`

  disposables.add(
    listen(menu, 'keydown', (ev) => {
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') buttons[(at + (ev.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length]?.focus()
      else if (ev.key === 'Escape') close(true)
      else return
      ev.preventDefault()
      ev.stopPropagation()
    }),
  )
  disposables.add(listen(window, 'mousedown', (ev) => !menu.contains(ev.target as Node) && close(false), { capture: true }))
  disposables.add(listen(window, 'blur', () => close(false)))
  disposables.add(listen(window, 'resize', () => close(false)))
  buttons[0]?.focus()
  return { dispose: () => close(false) }
}
