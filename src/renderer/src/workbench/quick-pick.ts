// The one filter-box-over-a-list overlay behind the Command Palette (Ctrl+Shift+P) and Go to File (Ctrl+P).
// Works with focus anywhere; on close, focus goes back where it was. One is open at a time.
import { DisposableStore, type Disposable, listen } from './disposables'
import { h } from './dom'

export interface QuickPickOptions<T> {
  /** The dialog's accessible name ("Command Palette", "Go to File"). */
  ariaLabel: string
  placeholder: string
  /** What the list says when nothing is shown (may depend on the query: "type something" vs "no matches"). */
  emptyText: string | ((query: string) => string)
  /** The items to show for the query, best first; a promise for sources that ask the core or the Lean server. */
  items: (query: string, toggles: Readonly<Record<string, boolean>>) => readonly T[] | Promise<readonly T[]>
  /** Switches beside the filter box (Match Case, Use Regular Expression), each also on Alt+<key>. */
  toggles?: QuickPickToggle[]
  /** Typing pauses this long before an asynchronous source is asked again. */
  debounceMs?: number
  /** Text already in the filter box (Go to File hands `#…` over to the symbol search). */
  value?: string
  /** Called on every keystroke before filtering; returning true means the pick was handed over. */
  onInput?: (value: string) => boolean
  /** The row's content (label, description, keybinding …). */
  render: (item: T) => (Node | null)[]
  accept: (item: T) => void
}

export interface QuickPickToggle {
  id: string
  /** Short face, e.g. "Aa" or ".*". */
  label: string
  /** Tooltip and accessible name. */
  title: string
  /** With Alt, as in VS Code's find widget (Alt+C, Alt+R). */
  key: string
  on?: boolean
}

/** Most rows a list draws; the filter narrows the rest. */
const MAX_ROWS = 200

export class QuickPick implements Disposable {
  private open: { disposables: DisposableStore; previousFocus: Element | null } | undefined

  constructor(private readonly host: HTMLElement) {}

  get isOpen(): boolean {
    return this.open !== undefined
  }

  show<T>(options: QuickPickOptions<T>): void {
    const previousFocus = this.open ? this.open.previousFocus : document.activeElement
    this.hide(false)
    const disposables = new DisposableStore()
    this.open = { disposables, previousFocus }
    const input = h('input', {
      class: 'lx-palette-input',
      attrs: { type: 'text', placeholder: options.placeholder, 'aria-label': options.placeholder, spellcheck: 'false' },
    })
    const list = h('div', { class: 'lx-palette-list', attrs: { role: 'listbox' } })
    const toggleState: Record<string, boolean> = {}
    const toggleButtons = (options.toggles ?? []).map((t) => {
      toggleState[t.id] = !!t.on
      const b = h('button', { class: 'lx-palette-toggle', text: t.label, title: t.title, attrs: { type: 'button', 'aria-label': t.title, 'aria-pressed': String(!!t.on) } })
      // Keep the focus in the filter box.
      b.addEventListener('mousedown', (ev) => ev.preventDefault())
      b.addEventListener('click', () => flip(t))
      return b
    })
    const flip = (t: QuickPickToggle) => {
      toggleState[t.id] = !toggleState[t.id]
      toggleButtons[options.toggles!.indexOf(t)]?.setAttribute('aria-pressed', String(toggleState[t.id]))
      refresh(true)
    }
    const inputRow = h('div', { class: 'lx-palette-input-row' }, [input, ...toggleButtons])
    const box = h('div', { class: 'lx-palette', attrs: { role: 'dialog', 'aria-label': options.ariaLabel } }, [inputRow, list])
    const backdrop = h('div', { class: 'lx-palette-backdrop' }, [box])
    this.host.append(backdrop)
    disposables.add({ dispose: () => backdrop.remove() })

    input.value = options.value ?? ''
    let shown: readonly T[] = []
    /** An asynchronous source says "no matches" only once it has answered. */
    let answered = false
    /** Why the source failed (a bad regular expression), shown instead of the list. */
    let failure: string | undefined
    let selected = 0
    let generation = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    disposables.add({ dispose: () => clearTimeout(timer) })
    const refresh = (immediately: boolean) => {
      const mine = ++generation
      const query = input.value
      clearTimeout(timer)
      const fetch = () => {
        const items = options.items(query, { ...toggleState })
        if (!(items instanceof Promise)) return show(items)
        void items.then(
          (found) => mine === generation && !disposables.isDisposed && show(found),
          (err: unknown) => mine === generation && !disposables.isDisposed && show([], (err as Error)?.message ?? String(err)),
        )
      }
      if (immediately || !options.debounceMs) fetch()
      else timer = setTimeout(fetch, options.debounceMs)
    }
    const show = (items: readonly T[], problem?: string) => {
      answered = true
      failure = problem
      shown = items.slice(0, MAX_ROWS)
      render()
    }
    const render = () => {
      selected = Math.min(selected, Math.max(0, shown.length - 1))
      list.replaceChildren(
        ...shown.map((item, i) =>
          h(
            'div',
            { class: i === selected ? 'lx-palette-item lx-selected' : 'lx-palette-item', attrs: { role: 'option', 'data-index': String(i), 'aria-selected': String(i === selected) } },
            options.render(item),
          ),
        ),
      )
      const empty = failure ?? (typeof options.emptyText === 'string' ? options.emptyText : options.emptyText(input.value))
      if (shown.length === 0 && answered) list.append(h('div', { class: 'lx-palette-empty', text: empty }))
      list.querySelector('.lx-selected')?.scrollIntoView({ block: 'nearest' })
    }
    const accept = (index: number) => {
      const item = shown[index]
      this.hide(true)
      if (item !== undefined) options.accept(item)
    }
    disposables.add(listen(input, 'input', () => {
      if (options.onInput?.(input.value)) return
      selected = 0
      refresh(false)
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
        } else if (ev.altKey && !ev.ctrlKey && !ev.metaKey && options.toggles?.some((t) => ev.code === `Key${t.key.toUpperCase()}`)) {
          // By physical key: Option+C on a Mac types "ç".
          flip(options.toggles.find((t) => ev.code === `Key${t.key.toUpperCase()}`)!)
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
    refresh(true)
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
