// What the editor area shows with no file open: "Connecting…" until the core answers, then the main shortcuts.
import { h } from './dom'
import { formatKeybinding } from './keybindings'

export function showConnecting(el: HTMLElement, text = 'Connecting to Lectern…'): void {
  el.replaceChildren(h('div', { class: 'lx-empty-inner' }, [h('div', { class: 'lx-empty-status', text, attrs: { 'data-testid': 'connecting' } })]))
}

export function showShortcuts(el: HTMLElement, isMac: boolean): void {
  const rows: [string, string][] = [
    ['Show All Commands', 'CtrlCmd+Shift+P'],
    ['Open Folder', 'CtrlCmd+K CtrlCmd+O'],
    ['Toggle Infoview', 'CtrlCmd+Shift+Enter'],
    ['Toggle Problems', 'CtrlCmd+Shift+M'],
    ['Restart File', 'CtrlCmd+Shift+X'],
    ['Save', 'CtrlCmd+S'],
  ]
  el.replaceChildren(
    h('div', { class: 'lx-empty-inner' }, [
      h('div', { class: 'lx-empty-title', text: 'Lectern' }),
      h('div', { class: 'lx-empty-hint', text: 'Open a file from the Explorer.' }),
      h(
        'dl',
        { class: 'lx-empty-keys' },
        rows.flatMap(([label, key]) => [h('dt', { text: label }), h('dd', {}, [h('kbd', { text: formatKeybinding(key, isMac) })])]),
      ),
    ]),
  )
}
