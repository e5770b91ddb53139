// The Problems panel: every visible diagnostic of the open files (severity icon, message's first line, file,
// line:col); a click opens the file and jumps to the diagnostic's full range. "Imports are out of date" rows offer
// Restart File. The list is virtual: rows have one height and only those in view (plus a margin) are in the DOM, so
// 5,000 problems cost what 40 do. New rows go in from a task of their own and scrolling re-renders at most once a
// frame; neither reads the layout (the view's height and scroll offset are kept from their events), so neither adds a
// layout pass to the frame in which Monaco draws the same diagnostics' markers.
import type { LeanDiagnostic, Range } from '../../../shared/lsp'
import { firstLine, mentionsStaleImports, type SeverityCounts, severityOf, totalCounts, type DiagnosticsStore } from './diagnostics-store'
import { DisposableStore, type Disposable, listen } from './disposables'
import { button, h, icon } from './dom'

/** Row height in px (matches `.lx-problem` in parts.css) and rows kept in the DOM beyond the view, each side. */
const ROW_HEIGHT = 22
const OVERSCAN = 8
/** `source` of problems parsed from `lake build` output (tagged in the list, since they may be older than the file). */
export const BUILD_PROBLEM_SOURCE = 'lake build'
const SEVERITY_ICON = { 1: 'error', 2: 'warning', 3: 'info', 4: 'lightbulb' } as const

export interface ProblemRow {
  uri: string
  /** The file's name as listed (computed once per file). */
  name: string
  diagnostic: LeanDiagnostic
}

/** Rows in display order: by file name, then position, errors first on the same spot. `extra` stores (e.g. the
 * problems of the last `lake build`) are listed with the open files' own diagnostics. */
export function problemRows(store: DiagnosticsStore, nameOf: (uri: string) => string, extra: readonly DiagnosticsStore[] = []): ProblemRow[] {
  const byUri = new Map<string, LeanDiagnostic[]>()
  for (const s of [store, ...extra]) {
    for (const uri of s.uris()) {
      const sorted = sortedVisible(s.get(uri))
      const before = byUri.get(uri)
      byUri.set(uri, before ? [...before, ...sorted].sort(byPosition) : sorted)
    }
  }
  const rows: ProblemRow[] = []
  const names = new Map([...byUri.keys()].map((uri) => [uri, nameOf(uri)]))
  const uris = [...byUri.keys()].sort((a, b) => (names.get(a) as string).localeCompare(names.get(b) as string) || a.localeCompare(b))
  for (const uri of uris) {
    const name = names.get(uri) as string
    for (const diagnostic of byUri.get(uri) ?? []) rows.push({ uri, name, diagnostic })
  }
  return rows
}

function sameProblem(a: LeanDiagnostic, b: LeanDiagnostic): boolean {
  return a.message === b.message && byPosition(a, b) === 0
}

function byPosition(a: LeanDiagnostic, b: LeanDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || severityOf(a) - severityOf(b)
}

// A store hands out the same array until that file's diagnostics change, so only a changed file is sorted again.
const sortedCache = new WeakMap<readonly LeanDiagnostic[], LeanDiagnostic[]>()
function sortedVisible(list: readonly LeanDiagnostic[]): LeanDiagnostic[] {
  let sorted = sortedCache.get(list)
  if (!sorted) sortedCache.set(list, (sorted = list.filter((d) => !d.isSilent).sort(byPosition)))
  return sorted
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
  /** As tall as all rows, so the scroll bar is the list's; the rows in view sit in it at their offsets. */
  private readonly sizer = h('div', { class: 'lx-problems-sizer' })
  private readonly summary = h('span', { class: 'lx-problems-summary' })
  private readonly rowByElement = new WeakMap<HTMLElement, ProblemRow>()
  private rows: ProblemRow[] = []
  /** The row the keyboard is on (Up/Down/Home/End/PageUp/PageDown; Enter opens it), or -1. */
  private selected = -1
  /** The row range now in the DOM, so scrolling within it does nothing. */
  private shown = { from: 0, to: 0 }
  private frame: number | undefined
  private rowsTask: ReturnType<typeof setTimeout> | undefined
  /** The list's height and scroll offset, as their last events told (0 until the first resize). */
  private viewHeight = 0
  private scrollTop = 0
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
    this.list.append(this.sizer)
    container.replaceChildren(header, this.list)
    for (const s of [store, ...extra]) this.disposables.add(s.onDidChange(() => this.schedule()))
    this.disposables.add(listen(this.list, 'click', (ev) => this.onClick(ev)))
    this.disposables.add(
      listen(this.list, 'scroll', () => {
        this.scrollTop = this.list.scrollTop
        this.scheduleWindow()
      }),
    )
    this.disposables.add(listen(this.list, 'keydown', (ev) => this.onKey(ev)))
    // Read here, where the layout is fresh (a resize observer runs after layout).
    const resized = new ResizeObserver(() => {
      this.viewHeight = this.list.clientHeight
      this.scrollTop = this.list.scrollTop
      this.scheduleWindow()
    })
    resized.observe(this.list)
    this.disposables.add({ dispose: () => resized.disconnect() })
    this.disposables.add({ dispose: () => this.frame !== undefined && cancelAnimationFrame(this.frame) })
    this.disposables.add({ dispose: () => clearTimeout(this.rowsTask) })
    this.schedule()
  }

  setVisible(visible: boolean): void {
    this.visible = visible
    if (visible && this.stale) this.schedule()
  }

  /** Rebuild and show the rows soon, in a task of their own (file names may have changed as tabs opened). */
  schedule(): void {
    this.stale = true
    if (!this.visible || this.rowsTask !== undefined) return
    // One task for a burst of changes: the rows (thousands sorted and counted) are built and the ones in view put
    // in the DOM there, not in the frame in which Monaco draws the same diagnostics' markers.
    this.rowsTask = setTimeout(() => {
      this.rowsTask = undefined
      if (!this.visible || !this.stale) return
      this.stale = false
      const stores = [this.store, ...this.extra]
      const totals = totalCounts(stores.flatMap((s) => s.uris().map((uri) => s.get(uri))))
      this.render(problemRows(this.store, this.actions.nameOf, this.extra), totals)
    }, 0)
  }

  /** The view moved or changed size: show the rows now in it. */
  private scheduleWindow(): void {
    if (this.visible) this.requestFrame()
  }

  private requestFrame(): void {
    if (this.frame !== undefined) return
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined
      this.renderWindow(false)
    })
  }

  private onClick(ev: MouseEvent): void {
    const el = (ev.target as HTMLElement).closest<HTMLElement>('.lx-problem')
    const row = el && this.rowByElement.get(el)
    if (!row) return
    this.select(this.rows.indexOf(row))
    if ((ev.target as HTMLElement).closest('.lx-problem-restart')) return
    this.actions.reveal(row.uri, row.diagnostic.fullRange ?? row.diagnostic.range)
  }

  private onKey(ev: KeyboardEvent): void {
    if ((ev.target as HTMLElement).closest('button')) return
    const page = Math.max(1, Math.floor(this.viewHeight / ROW_HEIGHT) - 1)
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page }
    let to: number | undefined
    if (ev.key in moves) to = this.selected < 0 ? 0 : this.selected + moves[ev.key]
    else if (ev.key === 'Home') to = 0
    else if (ev.key === 'End') to = this.rows.length - 1
    else if (ev.key === 'Enter' && this.rows[this.selected]) {
      const row = this.rows[this.selected]
      this.actions.reveal(row.uri, row.diagnostic.fullRange ?? row.diagnostic.range)
    } else return
    ev.preventDefault()
    ev.stopPropagation()
    if (to !== undefined && this.rows.length) this.select(Math.max(0, Math.min(this.rows.length - 1, to)), true)
  }

  private select(index: number, scroll = false): void {
    this.selected = index
    if (scroll) {
      const top = index * ROW_HEIGHT
      if (top < this.scrollTop) this.list.scrollTop = top
      else if (top + ROW_HEIGHT > this.scrollTop + this.viewHeight) this.list.scrollTop = top + ROW_HEIGHT - this.viewHeight
      this.scrollTop = this.list.scrollTop
    }
    this.renderWindow(true)
  }

  private render(rows: ProblemRow[], totals: SeverityCounts): void {
    const selectedRow = this.rows[this.selected]
    this.rows = rows
    // The selection stays on its diagnostic while it is listed (a newer publish has new objects: same place, same text).
    this.selected = selectedRow ? this.rows.findIndex((r) => r.uri === selectedRow.uri && sameProblem(r.diagnostic, selectedRow.diagnostic)) : -1
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
    this.summary.textContent = this.rows.length
      ? `${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}, ${plural(totals.infos, 'message')}`
      : ''
    this.sizer.style.height = this.rows.length ? `${this.rows.length * ROW_HEIGHT}px` : ""
    this.renderWindow(true)
  }

  /** Puts the rows in view (plus OVERSCAN each side) in the DOM; `force` after the rows themselves changed. */
  private renderWindow(force: boolean): void {
    if (this.rows.length === 0) {
      this.shown = { from: 0, to: 0 }
      this.sizer.replaceChildren(h('div', { class: 'lx-problems-empty', text: 'No problems have been detected in the open files.' }))
      return
    }
    // Before the panel is laid out its height is unknown; a screenful is a fair guess then.
    const height = this.viewHeight || 40 * ROW_HEIGHT
    const first = Math.floor(this.scrollTop / ROW_HEIGHT)
    const last = Math.min(this.rows.length, first + Math.ceil(height / ROW_HEIGHT))
    if (!force && first >= this.shown.from && last <= this.shown.to) return
    const from = Math.max(0, first - OVERSCAN)
    const to = Math.min(this.rows.length, last + OVERSCAN)
    this.shown = { from, to }
    const fragment = document.createDocumentFragment()
    for (let i = from; i < to; i++) {
      const el = this.renderRow(this.rows[i])
      el.style.top = `${i * ROW_HEIGHT}px`
      if (i === this.selected) {
        el.classList.add('lx-selected')
        el.setAttribute('aria-selected', 'true')
      }
      el.setAttribute('aria-posinset', String(i + 1))
      el.setAttribute('aria-setsize', String(this.rows.length))
      fragment.append(el)
    }
    this.sizer.replaceChildren(fragment)
  }

  private renderRow(row: ProblemRow): HTMLElement {
    const d = row.diagnostic
    const start = (d.fullRange ?? d.range).start
    const severity = severityOf(d)
    const el = h('div', { class: `lx-problem lx-severity-${severity}`, title: d.message, attrs: { role: 'listitem' } }, [
      icon(SEVERITY_ICON[severity], `lx-problem-icon lx-severity-${severity}`),
      h('span', { class: 'lx-problem-message', text: firstLine(d.message) }),
      h('span', { class: 'lx-problem-file', text: row.name }),
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
