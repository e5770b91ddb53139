// The bottom panel holds Problems and Output side by side as tabs (as VS Code's panel does); one shows at a time.
import { DisposableStore, type Disposable, listen } from '../../disposables'
import { h } from '../../dom'

export type PanelView = 'problems' | 'output'

export interface PanelTabs extends Disposable {
  problems: HTMLElement
  output: HTMLElement
  show(view: PanelView): void
  active(): PanelView
}

export function createPanelTabs(panel: HTMLElement): PanelTabs {
  const disposables = new DisposableStore()
  const problems = h('div', { class: 'lx-panel-view', attrs: { 'data-view': 'problems' } })
  const output = h('div', { class: 'lx-panel-view', attrs: { 'data-view': 'output', 'data-testid': 'output-panel' } })
  const tab = (view: PanelView, label: string) =>
    h('button', { class: 'lx-panel-tab', text: label, attrs: { type: 'button', role: 'tab', 'data-view': view } })
  const tabs = { problems: tab('problems', 'Problems'), output: tab('output', 'Output') }
  const strip = h('div', { class: 'lx-panel-tabs', attrs: { role: 'tablist', 'aria-label': 'Panel' } }, [tabs.problems, tabs.output])
  panel.classList.add('lx-panel-tabbed')
  panel.replaceChildren(strip, problems, output)
  let current: PanelView = 'problems'
  const show = (view: PanelView) => {
    current = view
    for (const v of ['problems', 'output'] as const) {
      tabs[v].setAttribute('aria-selected', String(v === view))
      ;(v === 'problems' ? problems : output).hidden = v !== view
    }
  }
  disposables.add(listen(tabs.problems, 'click', () => show('problems')))
  disposables.add(listen(tabs.output, 'click', () => show('output')))
  show('problems')
  return { problems, output, show, active: () => current, dispose: () => disposables.dispose() }
}
