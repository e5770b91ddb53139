// The tab strip of one editor group: one tab per document it shows, ● while dirty (× on hover, like VS Code), the
// shown one highlighted. Re-rendered on every change; tabs are few. Tabs can be dragged (to split the editor area).
import type { EditorGroup } from '../editor/editor-group'
import type { EditorPane } from '../editor/editor-pane'
import type { OpenDocument } from '../editor/open-document'
import { DisposableStore, type Disposable, listen } from './disposables'
import { h, icon } from './dom'

/** The drag payload's type; the tab itself is kept here (drags stay inside this page). */
export const TAB_DRAG_TYPE = 'application/x-lectern-tab'
let draggedTab: { doc: OpenDocument; pane: EditorPane } | undefined

/** The tab being dragged, if a drag of ours is under way. */
export function currentTabDrag(): { doc: OpenDocument; pane: EditorPane } | undefined {
  return draggedTab
}

export class TabStrip implements Disposable {
  private readonly disposables = new DisposableStore()
  private readonly docByTab = new WeakMap<HTMLElement, OpenDocument>()
  private revealFrame: number | undefined

  constructor(
    private readonly container: HTMLElement,
    private readonly group: EditorGroup,
    private readonly pane: EditorPane,
  ) {
    this.disposables.add(group.onDidChangeDocuments(() => this.render()))
    this.disposables.add(group.onDidChangeActive(() => this.render()))
    this.disposables.add(listen(container, 'click', (ev) => this.onClick(ev)))
    this.disposables.add(
      listen(container, 'auxclick', (ev) => {
        const doc = this.docAt(ev.target)
        if (ev.button === 1 && doc) void group.closeTab(doc, pane)
      }),
    )
    this.disposables.add(
      listen(container, 'dragstart', (ev) => {
        const doc = this.docAt(ev.target)
        if (!doc || !ev.dataTransfer) return
        draggedTab = { doc, pane }
        ev.dataTransfer.effectAllowed = 'copyMove'
        ev.dataTransfer.setData(TAB_DRAG_TYPE, doc.path)
      }),
    )
    this.disposables.add(listen(container, 'dragend', () => (draggedTab = undefined)))
    this.render()
  }

  private docAt(target: EventTarget | null): OpenDocument | undefined {
    const tab = (target as HTMLElement | null)?.closest<HTMLElement>('.lx-tab')
    return tab ? this.docByTab.get(tab) : undefined
  }

  private onClick(ev: MouseEvent): void {
    const doc = this.docAt(ev.target)
    if (!doc) return
    if ((ev.target as HTMLElement).closest('.lx-tab-close')) void this.group.closeTab(doc, this.pane)
    else this.group.activate(doc, { pane: this.pane })
  }

  private render(): void {
    const active = this.pane.active
    const tabs = this.pane.tabs.map((doc) => {
      const classes = ['lx-tab']
      if (doc === active) classes.push('lx-tab-active')
      if (doc.dirty) classes.push('lx-tab-dirty')
      if (doc.readonly) classes.push('lx-tab-readonly')
      if (doc.sync.conflict) classes.push('lx-tab-conflict')
      const tab = h(
        'div',
        {
          class: classes.join(' '),
          title: doc.readonly ? `${doc.path} (read-only)` : doc.path,
          attrs: { role: 'tab', 'aria-selected': String(doc === active), 'data-path': doc.path, draggable: 'true' },
        },
        [
          doc.readonly ? icon('lock', 'lx-tab-icon') : null,
          h('span', { class: 'lx-tab-label', text: doc.name }),
          h('span', { class: 'lx-tab-dirty-marker', text: '●', attrs: { 'aria-label': 'unsaved changes' } }),
          h('button', { class: 'lx-tab-close', title: 'Close (Ctrl+W)', attrs: { type: 'button', 'aria-label': 'Close' } }, [
            icon('close'),
          ]),
        ],
      )
      this.docByTab.set(tab, doc)
      return tab
    })
    this.container.replaceChildren(...tabs)
    // Scrolling forces a layout: do it once, in the next frame, not in each render (an open renders twice).
    this.revealFrame ??= requestAnimationFrame(() => {
      this.revealFrame = undefined
      this.container.querySelector('.lx-tab-active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    })
  }

  dispose(): void {
    if (this.revealFrame !== undefined) cancelAnimationFrame(this.revealFrame)
    this.disposables.dispose()
    this.container.replaceChildren()
  }
}
