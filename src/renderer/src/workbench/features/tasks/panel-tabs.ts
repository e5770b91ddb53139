// The bottom panel holds Problems and Output side by side as tabs (as VS Code's panel does); one shows at a time.
// Features add their own views (References, Call Hierarchy, Module Hierarchy) with `add`.
import { DisposableStore, type Disposable, listen } from '../../disposables'
import { h } from '../../dom'

export type PanelView = 'problems' | 'output' | (string & {})

export interface PanelTabs extends Disposable {
  problems: HTMLElement
  output: HTMLElement
  show(view: PanelView): void
  active(): PanelView
  /** A new tab after the others; its view element is returned (empty, hidden until shown). */
  add(view: string, label: string): HTMLElement
}

export function createPanelTabs(panel: HTMLElement): PanelTabs {
  const disposables = new DisposableStore()
  const strip = h('div', { class: 'lx-panel-tabs', attrs: { role: 'tablist', 'aria-label': 'Panel' } })
  const views = new Map<string, { tab: HTMLElement; view: HTMLElement }>()
  panel.classList.add('lx-panel-tabbed')
  panel.replaceChildren(strip)
  let current: PanelView = 'problems'
  const show = (view: PanelView) => {
    current = view
    for (const [id, v] of views) {
      v.tab.setAttribute('aria-selected', String(id === view))
      v.view.hidden = id !== view
    }
  }
  const add = (id: string, label: string, testId?: string) => {
    const view = h('div', { class: 'lx-panel-view', attrs: { 'data-view': id, ...(testId ? { 'data-testid': testId } : {}) } })
    const tab = h('button', { class: 'lx-panel-tab', text: label, attrs: { type: 'button', role: 'tab', 'data-view': id } })
    views.set(id, { tab, view })
    strip.append(tab)
    panel.append(view)
    disposables.add(listen(tab, 'click', () => show(id)))
    view.hidden = id !== current
    tab.setAttribute('aria-selected', String(id === current))
    return view
  }
  const problems = add('problems', 'Problems')
  const output = add('output', 'Output', 'output-panel')
  show('problems')
  return { problems, output, show, active: () => current, add: (id, label) => add(id, label), dispose: () => disposables.dispose() }
}
