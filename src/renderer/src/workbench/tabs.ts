// The tab strip: one tab per open document, ● while dirty (× on hover, like VS Code), the active one
// highlighted. Re-rendered from the editor group on every change; tabs are few.
import type { EditorGroup } from '../editor/editor-group'
import type { OpenDocument } from '../editor/open-document'
import { DisposableStore, type Disposable, listen } from './disposables'
import { h, icon } from './dom'

export class TabStrip implements Disposable {
  private readonly disposables = new DisposableStore()
  private readonly docByTab = new WeakMap<HTMLElement, OpenDocument>()

  constructor(
    private readonly container: HTMLElement,
    private readonly group: EditorGroup,
  ) {
    this.disposables.add(group.onDidChangeDocuments(() => this.render()))
    this.disposables.add(group.onDidChangeActive(() => this.render()))
    this.disposables.add(listen(container, 'click', (ev) => this.onClick(ev)))
    this.disposables.add(
      listen(container, 'auxclick', (ev) => {
        const doc = this.docAt(ev.target)
        if (ev.button === 1 && doc) void group.close(doc)
      }),
    )
    this.render()
  }

  private docAt(target: EventTarget | null): OpenDocument | undefined {
    const tab = (target as HTMLElement | null)?.closest<HTMLElement>('.lx-tab')
    return tab ? this.docByTab.get(tab) : undefined
  }

  private onClick(ev: MouseEvent): void {
    const doc = this.docAt(ev.target)
    if (!doc) return
    if ((ev.target as HTMLElement).closest('.lx-tab-close')) void this.group.close(doc)
    else this.group.activate(doc)
  }

  private render(): void {
    const active = this.group.activeDocument()
    const tabs = this.group.documents().map((doc) => {
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
          attrs: { role: 'tab', 'aria-selected': String(doc === active), 'data-path': doc.path },
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
    this.container.querySelector('.lx-tab-active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }

  dispose(): void {
    this.disposables.dispose()
    this.container.replaceChildren()
  }
}
