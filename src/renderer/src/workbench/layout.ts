// The workbench skeleton: explorer | editor column (banners, editor groups of tabs + editor, Problems) | infoview,
// status bar below. Built before the backend connects so the window is never blank.
import { DisposableStore, type Disposable } from './disposables'
import { h } from './dom'
import { createSash } from './sash'
import type { EditorPaneElements } from '../editor/editor-pane'

export interface WorkbenchLayout extends Disposable {
  root: HTMLElement
  explorer: HTMLElement
  /** Buttons in the explorer's title bar (New File, New Folder). */
  explorerActions: HTMLElement
  banners: HTMLElement
  tabs: HTMLElement
  breadcrumbs: HTMLElement
  notices: HTMLElement
  editor: HTMLElement
  emptyEditor: HTMLElement
  /** The row of editor groups; the first holds `tabs`, `breadcrumbs`, `notices` and `editor`. */
  editorGroups: HTMLElement
  firstEditorGroup: HTMLElement
  /** Adds the DOM of another editor group (a split) right of the others. */
  addEditorGroup(): EditorPaneElements
  panel: HTMLElement
  infoview: HTMLElement
  statusBar: HTMLElement
  overlays: HTMLElement
  setPanelVisible(visible: boolean): void
  isPanelVisible(): boolean
  setInfoviewVisible(visible: boolean): void
}

export function createLayout(host: HTMLElement): WorkbenchLayout {
  const disposables = new DisposableStore()
  const explorer = h('div', { class: 'lx-explorer', attrs: { role: 'tree', 'aria-label': 'Files' } })
  const explorerActions = h('div', { class: 'lx-part-actions', attrs: { role: 'toolbar', 'aria-label': 'Explorer actions' } })
  const explorerTitle = h('div', { class: 'lx-part-title-bar' }, [h('div', { class: 'lx-part-title', text: 'Explorer' }), explorerActions])
  const sidebar = h('aside', { class: 'lx-sidebar' }, [explorerTitle, explorer])
  const banners = h('div', { class: 'lx-banners', attrs: { role: 'region', 'aria-label': 'Server status' } })
  const tabs = h('div', { class: 'lx-tabs', attrs: { role: 'tablist' } })
  const breadcrumbs = h('nav', { class: 'lx-breadcrumbs', attrs: { 'aria-label': 'Breadcrumbs' } })
  const notices = h('div', { class: 'lx-notices' })
  // `monaco-component` gives Monaco's theme variables to widgets it mounts beside the editor (context menu).
  const editor = h('div', { class: 'lx-editor monaco-component' })
  const emptyEditor = h('div', { class: 'lx-empty-editor' })
  const editorHost = h('div', { class: 'lx-editor-host' }, [editor, emptyEditor])
  const firstEditorGroup = h('div', { class: 'lx-editor-group' }, [tabs, breadcrumbs, notices, editorHost])
  const editorGroups = h('div', { class: 'lx-editor-groups' }, [firstEditorGroup])
  const panel = h('section', { class: 'lx-panel', attrs: { 'aria-label': 'Problems' } })
  const panelSash = h('div', { class: 'lx-sash lx-sash-horizontal' })
  const center = h('section', { class: 'lx-center' }, [banners, editorGroups, panelSash, panel])
  const infoview = h('aside', { class: 'lx-infoview', attrs: { 'aria-label': 'Infoview' } })
  const sidebarSash = h('div', { class: 'lx-sash lx-sash-vertical' })
  const infoviewSash = h('div', { class: 'lx-sash lx-sash-vertical lx-infoview-sash' })
  const main = h('div', { class: 'lx-main' }, [sidebar, sidebarSash, center, infoviewSash, infoview])
  const statusBar = h('footer', { class: 'lx-statusbar', attrs: { role: 'status' } })
  const overlays = h('div', { class: 'lx-overlays' })
  const root = h('div', { class: 'lx-workbench' }, [main, statusBar, overlays])
  host.replaceChildren(root)

  disposables.add(
    createSash(sidebarSash, {
      orientation: 'vertical', target: sidebar, property: '--lx-sidebar-width', root,
      direction: 1, min: 120, max: () => window.innerWidth * 0.5,
    }),
  )
  disposables.add(
    createSash(infoviewSash, {
      orientation: 'vertical', target: infoview, property: '--lx-infoview-width', root,
      direction: -1, min: 200, max: () => window.innerWidth * 0.7,
    }),
  )
  disposables.add(
    createSash(panelSash, {
      orientation: 'horizontal', target: panel, property: '--lx-panel-height', root,
      direction: -1, min: 60, max: () => window.innerHeight * 0.7,
    }),
  )
  disposables.add({ dispose: () => root.remove() })

  return {
    root, explorer, explorerActions, banners, tabs, breadcrumbs, notices, editor, emptyEditor, panel, infoview, statusBar, overlays,
    editorGroups, firstEditorGroup,
    addEditorGroup: () => {
      const groupTabs = h('div', { class: 'lx-tabs', attrs: { role: 'tablist' } })
      const groupEditor = h('div', { class: 'lx-editor monaco-component' })
      const element = h('div', { class: 'lx-editor-group' }, [groupTabs, h('div', { class: 'lx-editor-host' }, [groupEditor])])
      editorGroups.append(element)
      return { element, tabs: groupTabs, editor: groupEditor }
    },
    setPanelVisible: (visible) => root.classList.toggle('lx-panel-hidden', !visible),
    isPanelVisible: () => !root.classList.contains('lx-panel-hidden'),
    setInfoviewVisible: (visible) => root.classList.toggle('lx-infoview-hidden', !visible),
    dispose: () => disposables.dispose(),
  }
}
