// The status bar: connection state (only when not connected), the Lean server of the active file with its
// toolchain version and a spinner while busy, error/warning counts (click: Problems), cursor Ln/Col.
import type { ConnectionState } from '../backend/backend'
import type { SeverityCounts } from './diagnostics-store'
import { DisposableStore, type Disposable, listen } from './disposables'
import { h, icon } from './dom'
import type { ServerStatusText } from './server-states'

export interface StatusBarActions {
  toggleProblems(): void
  showServerLog(): void
  toggleInfoview(): void
}

export class StatusBar implements Disposable {
  private readonly disposables = new DisposableStore()
  private readonly connection = h('span', { class: 'lx-status-item lx-status-connection', attrs: { 'data-testid': 'status-connection' } })
  private readonly server = h('button', { class: 'lx-status-item lx-status-server', attrs: { type: 'button', 'data-testid': 'status-server' } })
  private readonly problems = h('button', {
    class: 'lx-status-item lx-status-problems',
    title: 'Problems (Ctrl+Shift+M)',
    attrs: { type: 'button', 'data-testid': 'status-problems' },
  })
  private readonly cursor = h('span', { class: 'lx-status-item lx-status-cursor', attrs: { 'data-testid': 'status-cursor' } })
  private readonly language = h('span', { class: 'lx-status-item lx-status-language' })
  private readonly infoview = h('button', {
    class: 'lx-status-item',
    title: 'Toggle Infoview (Ctrl+Shift+Enter)',
    attrs: { type: 'button' },
  }, [icon('open-preview'), h('span', { text: ' Infoview' })])

  private readonly left: HTMLElement

  constructor(container: HTMLElement, actions: StatusBarActions) {
    const left = h('div', { class: 'lx-status-left' }, [this.connection, this.server, this.problems])
    const right = h('div', { class: 'lx-status-right' }, [this.cursor, this.language, this.infoview])
    this.left = left
    container.replaceChildren(left, right)
    this.disposables.add(listen(this.problems, 'click', () => actions.toggleProblems()))
    this.disposables.add(listen(this.server, 'click', () => actions.showServerLog()))
    this.disposables.add(listen(this.infoview, 'click', () => actions.toggleInfoview()))
    this.setConnection('connecting')
    this.setServer(undefined)
    this.setCounts({ errors: 0, warnings: 0, infos: 0 })
    this.setCursor(undefined)
  }

  /** Adds an item owned by a feature (e.g. the running task) to the left group; the feature removes it. */
  addItem(el: HTMLElement): void {
    this.left.append(el)
  }

  setConnection(state: ConnectionState): void {
    const labels: Record<ConnectionState, [string, string, string]> = {
      connecting: ['loading', 'Connecting…', 'lx-tone-busy'],
      reconnecting: ['loading', 'Reconnecting…', 'lx-tone-warning'],
      closed: ['debug-disconnect', 'Disconnected', 'lx-tone-error'],
      open: ['', '', ''],
    }
    const [iconName, text, tone] = labels[state]
    this.connection.hidden = state === 'open'
    this.connection.className = `lx-status-item lx-status-connection ${tone}`
    this.connection.replaceChildren(icon(iconName, 'codicon-modifier-spin'), h('span', { text: ` ${text}` }))
    this.connection.title = state === 'reconnecting' ? 'The connection to the Lectern core dropped; reconnecting.' : text
  }

  setServer(status: ServerStatusText | undefined): void {
    this.server.hidden = !status
    if (!status) return
    this.server.className = `lx-status-item lx-status-server lx-tone-${status.tone}`
    this.server.title = `${status.tooltip}\n\nClick to show the server log.`
    const glyph =
      status.tone === 'busy' ? icon('sync', 'codicon-modifier-spin') : status.tone === 'normal' ? icon('check') : icon('warning')
    this.server.replaceChildren(glyph, h('span', { text: ` ${status.text}` }))
  }

  setCounts(counts: SeverityCounts): void {
    this.problems.replaceChildren(
      icon('error'),
      h('span', { text: ` ${counts.errors}  `, attrs: { 'data-testid': 'status-errors' } }),
      icon('warning'),
      h('span', { text: ` ${counts.warnings}`, attrs: { 'data-testid': 'status-warnings' } }),
    )
  }

  setCursor(position: { lineNumber: number; column: number } | undefined, selected = 0): void {
    this.cursor.hidden = !position
    if (position) this.cursor.textContent = `Ln ${position.lineNumber}, Col ${position.column}${selected ? ` (${selected} selected)` : ''}`
  }

  setLanguage(text: string | undefined): void {
    this.language.hidden = !text
    this.language.textContent = text ?? ''
  }

  dispose(): void {
    this.disposables.dispose()
  }
}
