// The Problems panel: every visible diagnostic of the open files (severity icon, message's first line, file,
// line:col); a click opens the file and jumps to the diagnostic's full range. Rendering is batched to one per
// frame and capped, so thousands of diagnostics stay cheap; "Imports are out of date" rows offer Restart File.
import type { LeanDiagnostic, Range } from '../../../shared/lsp'
import { countSeverities, firstLine, mentionsStaleImports, severityOf, type DiagnosticsStore } from './diagnostics-store'
import { DisposableStore, type Disposable, listen } from './disposables'
import { button, h, icon } from './dom'

const MAX_ROWS = 2000
/** `source` of problems parsed from `lake build` output (tagged in the list, since they may be older than the file). */
export const BUILD_PROBLEM_SOURCE = 'lake build'
const SEVERITY_ICON = { 1: 'error', 2: 'warning', 3: 'info', 4: 'lightbulb' } as const

export interface ProblemRow {
  uri: string
  diagnostic: LeanDiagnostic
}

/** Rows in display order: by file name, then position, errors first on the same spot. `extra` stores (e.g. the
 * problems of the last `lake build`) are listed with the open files' own diagnostics. */
export function problemRows(store: DiagnosticsStore, nameOf: (uri: string) => string, extra: readonly DiagnosticsStore[] = []): ProblemRow[] {
  const byUri = new Map<string, LeanDiagnostic[]>()
  for (const s of [store, ...extra]) {
    for (const uri of s.uris()) byUri.set(uri, (byUri.get(uri) ?? []).concat(s.get(uri).filter((d) => !d.isSilent)))
  }
  const rows: ProblemRow[] = []
  const uris = [...byUri.keys()].sort((a, b) => nameOf(a).localeCompare(nameOf(b)) || a.localeCompare(b))
  for (const uri of uris) {
    const list = byUri.get(uri) ?? []
    list.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        severityOf(a) - severityOf(b),
    )
    for (const diagnostic of list) rows.push({ uri, diagnostic })
  }
  return rows
}

export interface ProblemsPanelActions {
  nameOf(uri: string): string
  reveal(uri: string, range: Range): void
  restartFile(uri: string): void
  close(): void
}

export class ProblemsPanel implements Disposable {
  private readonly disposables = new DisposableStore()
  private readonly list = h('div', { class: 'lx-problems-list', attrs: { role: 'list', tabindex: '0' } })
  private readonly summary = h('span', { class: 'lx-problems-summary' })
  private readonly rowByElement = new WeakMap<HTMLElement, ProblemRow>()
  private frame: number | undefined
  private visible = true
  private stale = true

  constructor(
    container: HTMLElement,
    private readonly store: DiagnosticsStore,
    private readonly actions: ProblemsPanelActions,
    private readonly extra: readonly DiagnosticsStore[] = [],
  ) {
    const header = h('div', { class: 'lx-panel-header' }, [
      h('span', { class: 'lx-panel-title', text: 'Problems' }),
      this.summary,
      h('span', { class: 'lx-spacer' }),
      button('×', () => actions.close(), { title: 'Close panel (Ctrl+Shift+M)' }),
    ])
    container.replaceChildren(header, this.list)
    for (const s of [store, ...extra]) this.disposables.add(s.onDidChange(() => this.schedule()))
    this.disposables.add(listen(this.list, 'click', (ev) => this.onClick(ev)))
    this.disposables.add({ dispose: () => this.frame !== undefined && cancelAnimationFrame(this.frame) })
    this.schedule()
  }

  setVisible(visible: boolean): void {
    this.visible = visible
    if (visible && this.stale) this.schedule()
  }

  /** Re-render at the next frame (file names may have changed as tabs opened). */
  schedule(): void {
    this.stale = true
    if (!this.visible || this.frame !== undefined) return
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined
      this.render()
    })
  }

  private onClick(ev: MouseEvent): void {
    const el = (ev.target as HTMLElement).closest<HTMLElement>('.lx-problem')
    const row = el && this.rowByElement.get(el)
    if (!row) return
    if ((ev.target as HTMLElement).closest('.lx-problem-restart')) return
    this.actions.reveal(row.uri, row.diagnostic.fullRange ?? row.diagnostic.range)
  }

  private render(): void {
    this.stale = false
    const rows = problemRows(this.store, this.actions.nameOf, this.extra)
    const totals = countSeverities(rows.map((r) => r.diagnostic))
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
    this.summary.textContent = rows.length
      ? `${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}, ${plural(totals.infos, 'message')}`
      : ''
    const fragment = document.createDocumentFragment()
    for (const row of rows.slice(0, MAX_ROWS)) fragment.append(this.renderRow(row))
    if (rows.length > MAX_ROWS) {
      fragment.append(h('div', { class: 'lx-problems-more', text: `… and ${rows.length - MAX_ROWS} more` }))
    }
    if (rows.length === 0) {
      fragment.append(h('div', { class: 'lx-problems-empty', text: 'No problems have been detected in the open files.' }))
    }
    this.list.replaceChildren(fragment)
  }

  private renderRow(row: ProblemRow): HTMLElement {
    const d = row.diagnostic
    const start = (d.fullRange ?? d.range).start
    const severity = severityOf(d)
    const el = h('div', { class: `lx-problem lx-severity-${severity}`, title: d.message, attrs: { role: 'listitem' } }, [
      icon(SEVERITY_ICON[severity], `lx-problem-icon lx-severity-${severity}`),
      h('span', { class: 'lx-problem-message', text: firstLine(d.message) }),
      h('span', { class: 'lx-problem-file', text: this.actions.nameOf(row.uri) }),
      d.source === BUILD_PROBLEM_SOURCE ? h('span', { class: 'lx-problem-source', text: d.source }) : null,
      h('span', { class: 'lx-problem-position', text: `${start.line + 1}:${start.character + 1}` }),
      mentionsStaleImports(d)
        ? button('Restart File', () => this.actions.restartFile(row.uri), { title: 'Rebuild the imports (Ctrl+Shift+X)' })
        : null,
    ])
    el.querySelector('button')?.classList.add('lx-problem-restart')
    this.rowByElement.set(el, row)
    return el
  }

  dispose(): void {
    this.disposables.dispose()
  }
}
