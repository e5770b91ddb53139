// A panel view with a lazily expanded tree (call hierarchy, module hierarchy): a header with the title, a mode
// toggle (incoming/outgoing, imports/imported by), refresh and close; rows with a chevron that expands and a
// label that opens the node's place in the editor.
import { DisposableStore, type Disposable, listen } from '../../disposables'
import { button, h, icon } from '../../dom'
import { moveRowFocus } from '../references/row-focus'
import { LazyTree, type TreeNode, type TreeSource } from './tree-model'

export interface HierarchyPresenter<T> extends TreeSource<T> {
  label(data: T): string
  /** Dim text after the label (a file, import modifiers). */
  description(data: T): string
  icon(data: T): string
  open(data: T): void
}

export interface HierarchyMode {
  id: string
  label: string
}

export interface HierarchyViewOptions {
  title: string
  modes: readonly HierarchyMode[]
  onMode(id: string): void
  refresh(): void
  close(): void
  /** What the view says before it has a root. */
  emptyText: string
}

export class HierarchyView<T> implements Disposable {
  private readonly disposables = new DisposableStore()
  private readonly list = h('div', { class: 'lx-hierarchy-list', attrs: { role: 'tree', tabindex: '0' } })
  private readonly subtitle = h('span', { class: 'lx-hierarchy-subtitle' })
  private readonly modeButtons = new Map<string, HTMLButtonElement>()
  private readonly nodeByRow = new WeakMap<HTMLElement, TreeNode<T>>()
  readonly tree: LazyTree<T>
  private message: string

  constructor(
    container: HTMLElement,
    private readonly presenter: HierarchyPresenter<T>,
    private readonly options: HierarchyViewOptions,
  ) {
    this.message = options.emptyText
    this.tree = new LazyTree(presenter, () => this.render())
    const modes = h('span', { class: 'lx-hierarchy-modes', attrs: { role: 'radiogroup', 'aria-label': `${options.title} mode` } })
    for (const mode of options.modes) {
      const b = button(mode.label, () => options.onMode(mode.id), { title: `Show ${mode.label}` })
      b.setAttribute('role', 'radio')
      b.dataset.mode = mode.id
      this.modeButtons.set(mode.id, b)
      modes.append(b)
    }
    const header = h('div', { class: 'lx-panel-header' }, [
      h('span', { class: 'lx-panel-title', text: options.title }),
      modes,
      this.subtitle,
      h('span', { class: 'lx-spacer' }),
      button('⟳', () => options.refresh(), { title: 'Refresh' }),
      button('×', () => options.close(), { title: 'Close panel' }),
    ])
    container.replaceChildren(header, this.list)
    this.disposables.add(listen(this.list, 'click', (ev) => this.onClick(ev)))
    this.disposables.add(listen(this.list, 'keydown', (ev) => this.onKey(ev)))
    this.render()
  }

  setMode(id: string): void {
    for (const [mode, b] of this.modeButtons) b.setAttribute('aria-checked', String(mode === id))
  }

  setSubtitle(text: string): void {
    this.subtitle.textContent = text
  }

  /** Shows a message instead of the tree (nothing at the cursor, the server cannot answer). */
  showMessage(text: string): void {
    this.message = text
    this.tree.clear()
  }

  private onClick(ev: MouseEvent): void {
    const row = (ev.target as HTMLElement).closest<HTMLElement>('.lx-hierarchy-row')
    const node = row && this.nodeByRow.get(row)
    if (!node) return
    if ((ev.target as HTMLElement).closest('.lx-hierarchy-twistie')) void this.tree.toggle(node)
    else this.presenter.open(node.data)
  }

  /** Up/Down move between rows, Right expands (or enters), Left collapses (or goes up), Enter opens. */
  private onKey(ev: KeyboardEvent): void {
    const rows = [...this.list.querySelectorAll<HTMLElement>('.lx-hierarchy-row')]
    const at = rows.indexOf((ev.target as HTMLElement).closest<HTMLElement>('.lx-hierarchy-row') as HTMLElement)
    const node = at >= 0 ? this.nodeByRow.get(rows[at]) : undefined
    const focus = (i: number) => rows[Math.max(0, Math.min(rows.length - 1, i))]?.focus()
    if (moveRowFocus(this.list, '.lx-hierarchy-row', ev) || !node) return
    else if (ev.key === 'Enter') this.presenter.open(node.data)
    else if (ev.key === 'ArrowRight') void (node.expanded ? focus(at + 1) : this.tree.expand(node))
    else if (ev.key === 'ArrowLeft' && node.expanded) void this.tree.toggle(node)
    else if (ev.key === 'ArrowLeft') focus(this.parentRow(rows, at, node.depth))
    else return
    ev.preventDefault()
  }

  private parentRow(rows: HTMLElement[], at: number, depth: number): number {
    for (let i = at - 1; i >= 0; i--) if ((this.nodeByRow.get(rows[i])?.depth ?? 0) < depth) return i
    return at
  }

  private render(): void {
    if (this.tree.isEmpty()) {
      this.list.replaceChildren(h('div', { class: 'lx-hierarchy-empty', text: this.message }))
      return
    }
    const rows = this.tree.visible().flatMap((node) => {
      const out = [this.renderRow(node)]
      if (node.expanded && node.children?.length === 0) out.push(this.note(node.depth + 1, 'No results'))
      if (node.error) out.push(this.note(node.depth + 1, `Failed: ${node.error}`))
      return out
    })
    const focused = this.list.contains(document.activeElement) ? this.nodeByRow.get(document.activeElement as HTMLElement) : undefined
    this.list.replaceChildren(...rows)
    if (focused) rows.find((r) => this.nodeByRow.get(r) === focused)?.focus()
  }

  private note(depth: number, text: string): HTMLElement {
    const note = h('div', { class: 'lx-hierarchy-note', text })
    note.style.paddingLeft = `${36 + depth * 16}px`
    return note
  }

  private renderRow(node: TreeNode<T>): HTMLElement {
    const p = this.presenter
    const chevron = node.loading ? 'loading codicon-modifier-spin' : node.expanded ? 'chevron-down' : 'chevron-right'
    const twistie = h('span', { class: 'lx-hierarchy-twistie', attrs: { 'aria-hidden': 'true' } }, node.expandable ? [icon(chevron)] : [])
    const row = h(
      'div',
      {
        class: 'lx-hierarchy-row',
        attrs: {
          role: 'treeitem',
          tabindex: '-1',
          'aria-level': String(node.depth + 1),
          ...(node.expandable ? { 'aria-expanded': String(node.expanded) } : {}),
        },
      },
      [twistie, icon(p.icon(node.data), 'lx-hierarchy-icon'), h('span', { class: 'lx-hierarchy-label', text: p.label(node.data) }), h('span', { class: 'lx-hierarchy-description', text: p.description(node.data) })],
    )
    row.style.paddingLeft = `${16 + node.depth * 16}px`
    this.nodeByRow.set(row, node)
    return row
  }

  dispose(): void {
    this.disposables.dispose()
  }
}
