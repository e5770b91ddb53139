// The editor area around the editor groups: a tab strip per group (made and dropped as the area splits and
// collapses), the breadcrumbs and notices placed in the focused group, and the drop zone that splits the area when
// a tab is dragged to its right half.
import type { EditorGroup } from '../editor/editor-group'
import type { EditorPane } from '../editor/editor-pane'
import { DisposableStore, type Disposable, listen } from './disposables'
import { h } from './dom'
import type { WorkbenchLayout } from './layout'
import { currentTabDrag, TabStrip, TAB_DRAG_TYPE } from './tabs'

export class EditorArea implements Disposable {
  private readonly disposables = new DisposableStore()
  private readonly strips = new Map<EditorPane, TabStrip>()
  private readonly dropHint = h('div', { class: 'lx-split-drop-hint' })

  constructor(
    private readonly layout: WorkbenchLayout,
    private readonly group: EditorGroup,
  ) {
    const d = this.disposables
    d.add(group.onDidChangePanes(() => this.syncStrips()))
    d.add(group.onDidChangeActive(() => this.placeFocusedParts()))
    const area = layout.editorGroups
    d.add(listen(area, 'dragover', (ev) => this.onDragOver(ev)))
    d.add(listen(area, 'dragleave', (ev) => {
      if (!area.contains(ev.relatedTarget as Node | null)) this.dropHint.remove()
    }))
    d.add(listen(area, 'drop', (ev) => this.onDrop(ev)))
    d.add(listen(window, 'dragend', () => this.dropHint.remove()))
    d.add({ dispose: () => this.dropHint.remove() })
    this.syncStrips()
  }

  private syncStrips(): void {
    const panes = this.group.panes()
    for (const [pane, strip] of this.strips) {
      if (panes.includes(pane)) continue
      strip.dispose()
      this.strips.delete(pane)
    }
    for (const pane of panes) if (!this.strips.has(pane)) this.strips.set(pane, new TabStrip(pane.elements.tabs, this.group, pane))
    this.layout.root.classList.toggle('lx-editor-split', panes.length > 1)
    // The first group may have gone (its last tab closed): the empty-editor view moves to the one that is left.
    const host = panes[0]?.elements.editor.parentElement
    if (host && this.layout.emptyEditor.parentElement !== host) host.append(this.layout.emptyEditor)
    this.placeFocusedParts()
  }

  /** Breadcrumbs and notices describe the focused editor, so they sit under its tabs. */
  private placeFocusedParts(): void {
    const tabs = this.group.focusedPane().elements.tabs
    if (tabs.nextElementSibling !== this.layout.breadcrumbs) tabs.after(this.layout.breadcrumbs, this.layout.notices)
  }

  /** A tab dropped on the right half opens there, in a second group (moved, unless it is its group's only tab). */
  private isSplitDrop(ev: DragEvent): boolean {
    if (!currentTabDrag() || !ev.dataTransfer?.types.includes(TAB_DRAG_TYPE)) return false
    const box = this.layout.editorGroups.getBoundingClientRect()
    return ev.clientX > box.left + box.width / 2
  }

  private onDragOver(ev: DragEvent): void {
    if (!this.isSplitDrop(ev)) {
      this.dropHint.remove()
      return
    }
    ev.preventDefault()
    if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'move'
    if (!this.dropHint.isConnected) this.layout.editorGroups.append(this.dropHint)
  }

  private onDrop(ev: DragEvent): void {
    const drag = currentTabDrag()
    const split = this.isSplitDrop(ev)
    this.dropHint.remove()
    if (!drag || !split) return
    ev.preventDefault()
    const right = this.group.panes()[1]
    if (right === drag.pane) this.group.activate(drag.doc, { pane: right })
    else this.group.split(drag.doc, drag.pane, true)
  }

  dispose(): void {
    for (const strip of this.strips.values()) strip.dispose()
    this.strips.clear()
    this.disposables.dispose()
  }
}
