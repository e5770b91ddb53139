// Ctrl+Shift+P / F1: a filter box over every enabled command, with its keybinding. Works with focus anywhere;
// on close, focus goes back where it was.
import { filterCommands, type Command, type CommandRegistry } from './commands'
import { DisposableStore, type Disposable, listen } from './disposables'
import { h } from './dom'
import { formatKeybinding } from './keybindings'

export class CommandPalette implements Disposable {
  private open: { disposables: DisposableStore; previousFocus: Element | null } | undefined

  constructor(
    private readonly host: HTMLElement,
    private readonly commands: CommandRegistry,
    private readonly isMac: boolean,
    private readonly run: (id: string) => void,
  ) {}

  get isOpen(): boolean {
    return this.open !== undefined
  }

  show(): void {
    if (this.open) return
    const disposables = new DisposableStore()
    this.open = { disposables, previousFocus: document.activeElement }
    const input = h('input', {
      class: 'lx-palette-input',
      attrs: { type: 'text', placeholder: 'Type the name of a command to run.', 'aria-label': 'Command', spellcheck: 'false' },
    })
    const list = h('div', { class: 'lx-palette-list', attrs: { role: 'listbox' } })
    const box = h('div', { class: 'lx-palette', attrs: { role: 'dialog', 'aria-label': 'Command Palette' } }, [input, list])
    const backdrop = h('div', { class: 'lx-palette-backdrop' }, [box])
    this.host.append(backdrop)
    disposables.add({ dispose: () => backdrop.remove() })

    let shown: Command[] = []
    let selected = 0
    const render = () => {
      const available = this.commands.all().filter((c) => this.commands.isEnabled(c))
      shown = filterCommands(available, input.value)
      selected = Math.min(selected, Math.max(0, shown.length - 1))
      list.replaceChildren(
        ...shown.map((c, i) =>
          h('div', { class: i === selected ? 'lx-palette-item lx-selected' : 'lx-palette-item', attrs: { role: 'option', 'data-index': String(i), 'aria-selected': String(i === selected) } }, [
            h('span', { class: 'lx-palette-title', text: c.title }),
            c.keybinding ? h('kbd', { class: 'lx-palette-key', text: formatKeybinding(c.keybinding, this.isMac) }) : null,
          ]),
        ),
      )
      if (shown.length === 0) list.append(h('div', { class: 'lx-palette-empty', text: 'No matching commands' }))
      list.querySelector('.lx-selected')?.scrollIntoView({ block: 'nearest' })
    }
    const accept = (index: number) => {
      const command = shown[index]
      this.hide(true)
      if (command) this.run(command.id)
    }
    disposables.add(listen(input, 'input', () => {
      selected = 0
      render()
    }))
    disposables.add(
      listen(input, 'keydown', (ev) => {
        if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
          selected = (selected + (ev.key === 'ArrowDown' ? 1 : -1) + shown.length) % Math.max(1, shown.length)
          render()
        } else if (ev.key === 'Enter') {
          accept(selected)
        } else if (ev.key === 'Escape') {
          this.hide(true)
        } else {
          return
        }
        ev.preventDefault()
        ev.stopPropagation()
      }),
    )
    disposables.add(
      listen(list, 'mousedown', (ev) => {
        const item = (ev.target as HTMLElement).closest<HTMLElement>('.lx-palette-item')
        ev.preventDefault()
        if (item) accept(Number(item.dataset.index))
      }),
    )
    disposables.add(listen(backdrop, 'mousedown', (ev) => {
      if (ev.target === backdrop) this.hide(true)
    }))
    disposables.add(listen(input, 'blur', () => this.hide(false)))
    render()
    input.focus()
  }

  hide(restoreFocus: boolean): void {
    const open = this.open
    if (!open) return
    this.open = undefined
    open.disposables.dispose()
    if (restoreFocus && open.previousFocus instanceof HTMLElement) open.previousFocus.focus()
  }

  dispose(): void {
    this.hide(false)
  }
}
