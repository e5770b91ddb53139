// A small context menu inside the infoview frame, standing in for VS Code's webview context menus: it reads the
// `data-vscode-context` attributes under the pointer and reports the chosen entry to the infoview.
import type { ContextMenuAction } from '@leanprover/infoview'
import { mergeContexts, menuGroups, type MenuEntry } from './context-entries'

export interface ContextMenuOptions {
  clicked(action: ContextMenuAction): void
  copy(text: string): void
}

function contextsAt(target: EventTarget | null): string[] {
  const out: string[] = []
  let el = target instanceof Element ? target : target instanceof Node ? target.parentElement : null
  for (; el; el = el.parentElement) {
    const raw = el.getAttribute('data-vscode-context')
    if (raw) out.push(raw)
  }
  return out
}

export function installContextMenu(options: ContextMenuOptions): () => void {
  let menu: HTMLElement | undefined
  let previousFocus: HTMLElement | null = null

  const close = (): void => {
    if (!menu) return
    menu.remove()
    menu = undefined
    previousFocus?.focus?.()
  }

  const items = (): HTMLElement[] => (menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')] : [])

  const open = (x: number, y: number, groups: MenuEntry[][], selection: string): void => {
    close()
    previousFocus = document.activeElement as HTMLElement | null
    const m = document.createElement('div')
    m.className = 'lectern-context-menu'
    m.setAttribute('role', 'menu')
    const add = (label: string, run: () => void): void => {
      const item = document.createElement('div')
      item.className = 'lectern-context-menu-item'
      item.setAttribute('role', 'menuitem')
      item.tabIndex = -1
      item.textContent = label
      item.addEventListener('mousedown', (ev) => ev.preventDefault())
      item.addEventListener('click', () => {
        close()
        run()
      })
      item.addEventListener('mouseenter', () => item.focus())
      m.appendChild(item)
    }
    const separator = (): void => {
      const sep = document.createElement('div')
      sep.className = 'lectern-context-menu-separator'
      sep.setAttribute('role', 'separator')
      m.appendChild(sep)
    }
    if (selection) add('Copy', () => options.copy(selection))
    groups.forEach((group, i) => {
      if (i > 0 || selection) separator()
      for (const e of group) add(e.label, () => options.clicked({ entry: e.entry, id: e.id }))
    })
    document.body.appendChild(m)
    const { innerWidth, innerHeight } = window
    const rect = m.getBoundingClientRect()
    m.style.left = `${Math.max(0, Math.min(x, innerWidth - rect.width - 2))}px`
    m.style.top = `${Math.max(0, Math.min(y, innerHeight - rect.height - 2))}px`
    menu = m
    items()[0]?.focus()
  }

  const onContextMenu = (ev: MouseEvent): void => {
    const groups = menuGroups(mergeContexts(contextsAt(ev.target)))
    const selection = window.getSelection()?.toString() ?? ''
    if (groups.length === 0 && !selection) {
      close()
      return // nothing of ours here: keep the browser's own menu (e.g. in the trace search box)
    }
    ev.preventDefault()
    open(ev.clientX, ev.clientY, groups, selection)
  }

  const onKey = (ev: KeyboardEvent): void => {
    if (!menu) return
    const list = items()
    const at = list.indexOf(document.activeElement as HTMLElement)
    if (ev.key === 'Escape') close()
    else if (ev.key === 'ArrowDown') list[(at + 1) % list.length]?.focus()
    else if (ev.key === 'ArrowUp') list[(at - 1 + list.length) % list.length]?.focus()
    else if (ev.key === 'Enter' || ev.key === ' ') (document.activeElement as HTMLElement | null)?.click()
    else return
    ev.preventDefault()
    ev.stopPropagation()
  }

  const onPointerDown = (ev: PointerEvent): void => {
    if (menu && !menu.contains(ev.target as Node)) close()
  }

  document.addEventListener('contextmenu', onContextMenu)
  document.addEventListener('keydown', onKey, true)
  document.addEventListener('pointerdown', onPointerDown, true)
  window.addEventListener('blur', close)
  window.addEventListener('resize', close)
  document.addEventListener('scroll', close, true)
  return () => {
    close()
    document.removeEventListener('contextmenu', onContextMenu)
    document.removeEventListener('keydown', onKey, true)
    document.removeEventListener('pointerdown', onPointerDown, true)
    window.removeEventListener('blur', close)
    window.removeEventListener('resize', close)
    document.removeEventListener('scroll', close, true)
  }
}
