// Find All References in the bottom panel (Shift+Alt+F12): every file Lean names, open or not, with its count
// and one row per reference showing its line. Files nobody opened are read through the core (workspace.read):
// Monaco's peek cannot show them, which is why this panel exists. A click opens the file at the reference.
import type { Location } from '../../../../../shared/lsp'
import { modelForUri } from '../../../editor/document-uris'
import { DisposableStore, type Disposable, listen } from '../../disposables'
import { button, h, icon } from '../../dom'
import { fileUriToPath } from '../../file-uri'
import { askLean, originOf, type LeanViewDeps } from './lean-view-deps'
import { moveRowFocus } from './row-focus'
import { groupReferences, previewOf, summaryOf, type ReferenceGroup, type ReferenceLocation } from './reference-groups'

export const REFERENCES_VIEW = 'references'

export class ReferencesPanel implements Disposable {
  private readonly disposables = new DisposableStore()
  private readonly list = h('div', { class: 'lx-references-list', attrs: { role: 'tree', tabindex: '0', 'data-testid': 'references-list' } })
  private readonly summary = h('span', { class: 'lx-problems-summary' })
  private readonly locationByRow = new WeakMap<HTMLElement, ReferenceLocation>()
  private readonly collapsed = new Set<string>()
  private groups: ReferenceGroup[] = []
  private lines = new Map<string, string[] | undefined>()
  private search = 0

  constructor(private readonly deps: LeanViewDeps) {
    const container = deps.panels.add(REFERENCES_VIEW, 'References')
    const header = h('div', { class: 'lx-panel-header' }, [
      h('span', { class: 'lx-panel-title', text: 'References' }),
      this.summary,
      h('span', { class: 'lx-spacer' }),
      button('×', () => deps.hidePanel(), { title: 'Close panel' }),
    ])
    container.replaceChildren(header, this.list)
    this.disposables.add(listen(this.list, 'click', (ev) => this.onClick(ev)))
    this.disposables.add(listen(this.list, 'keydown', (ev) => this.onKey(ev)))
    this.showMessage('Run Find All References (Shift+Alt+F12) on a name in a Lean file.')
  }

  /** Asks Lean for the references of the name at the cursor and lists them. */
  async findReferences(): Promise<void> {
    const origin = originOf(this.deps)
    if (!origin) return
    const search = ++this.search
    this.deps.panels.show(REFERENCES_VIEW)
    this.deps.showPanel()
    this.summary.textContent = ''
    this.showMessage('Searching…')
    let locations: Location[] | null
    try {
      locations = await askLean<Location[] | null>(this.deps, origin.uri, 'textDocument/references', {
        textDocument: { uri: origin.uri },
        position: origin.position,
        context: { includeDeclaration: true },
      }, 'references')
    } catch (err) {
      if (search === this.search) this.showMessage(err instanceof Error ? err.message : String(err))
      return
    }
    const groups = groupReferences(locations ?? [], this.deps.roots())
    const lines = new Map(await Promise.all(groups.map(async (g) => [g.uri, await this.linesOf(g.uri)] as const)))
    if (search !== this.search) return
    this.groups = groups
    this.lines = lines
    this.collapsed.clear()
    this.summary.textContent = summaryOf(groups)
    if (groups.length === 0) this.showMessage('No references found.')
    else this.render()
  }

  /** An open document's current text (unsaved edits included), else the file on disk. */
  private async linesOf(uri: string): Promise<string[] | undefined> {
    const model = modelForUri(uri)
    if (model) return model.getLinesContent()
    const path = fileUriToPath(uri)
    if (!path) return undefined
    try {
      return (await this.deps.requester.backend.call('workspace.read', { path })).text.split(/\r?\n/)
    } catch {
      return undefined // outside the workspace or gone: the row shows its position only
    }
  }

  private showMessage(text: string): void {
    this.list.replaceChildren(h('div', { class: 'lx-hierarchy-empty', text }))
  }

  private onClick(ev: MouseEvent): void {
    const target = ev.target as HTMLElement
    const file = target.closest<HTMLElement>('.lx-references-file')
    if (file?.dataset.uri) {
      const uri = file.dataset.uri
      if (this.collapsed.has(uri)) this.collapsed.delete(uri)
      else this.collapsed.add(uri)
      this.render()
      return
    }
    const row = target.closest<HTMLElement>('.lx-references-row')
    const location = row && this.locationByRow.get(row)
    if (location) this.deps.reveal(location.uri, location.range)
  }

  /** Up/Down between rows; Enter opens a reference or folds a file, as a click does. */
  private onKey(ev: KeyboardEvent): void {
    if (moveRowFocus(this.list, '.lx-references-file, .lx-references-row', ev) || ev.key !== 'Enter') return
    const uri = (ev.target as HTMLElement).closest<HTMLElement>('.lx-references-file')?.dataset.uri
    ;(ev.target as HTMLElement).click()
    ev.preventDefault()
    if (uri) this.list.querySelector<HTMLElement>(`.lx-references-file[data-uri="${CSS.escape(uri)}"]`)?.focus()
  }

  private render(): void {
    const rows: HTMLElement[] = []
    for (const group of this.groups) {
      const open = !this.collapsed.has(group.uri)
      const slash = group.label.lastIndexOf('/')
      rows.push(
        h('div', { class: 'lx-references-file', title: group.label, attrs: { role: 'treeitem', tabindex: '-1', 'aria-expanded': String(open), 'data-uri': group.uri } }, [
          icon(open ? 'chevron-down' : 'chevron-right'),
          h('span', { class: 'lx-references-name', text: group.label.slice(slash + 1) }),
          h('span', { class: 'lx-hierarchy-description', text: slash > 0 ? group.label.slice(0, slash) : '' }),
          h('span', { class: 'lx-references-count', text: String(group.references.length) }),
        ]),
      )
      if (open) for (const ref of group.references) rows.push(this.renderReference(ref, this.lines.get(group.uri)))
    }
    this.list.replaceChildren(...rows)
  }

  private renderReference(ref: ReferenceLocation, lines: string[] | undefined): HTMLElement {
    const { line, character } = ref.range.start
    const text = lines?.[line]
    const preview = text === undefined ? undefined : previewOf(text, ref.range)
    const row = h('div', { class: 'lx-references-row', title: `Line ${line + 1}, column ${character + 1}`, attrs: { role: 'treeitem', tabindex: '-1', 'aria-level': '2' } }, [
      h('span', { class: 'lx-references-position', text: `${line + 1}:${character + 1}` }),
      preview
        ? h('span', { class: 'lx-references-preview' }, [preview.before, h('mark', { text: preview.match }), preview.after])
        : h('span', { class: 'lx-references-preview lx-hierarchy-description', text: '(no preview)' }),
    ])
    this.locationByRow.set(row, ref)
    return row
  }

  dispose(): void {
    this.search++
    this.disposables.dispose()
  }
}
