// The file tree of the workspace root: folders load their children on first expand (`workspace.list`), files
// open on click or Enter. One delegated listener per event type; rows map back to nodes through a WeakMap.
import type { DirEntry } from '../../../shared/api'
import type { FileChangeKind } from '../../../shared/channels'
import type { Backend } from '../backend/backend'
import { DisposableStore, type Disposable, listen } from './disposables'
import { h, icon } from './dom'

const REFRESH_DELAY_MS = 100
const HIDDEN_NAMES = new Set(['.git', '.DS_Store'])

// One collator for every sort: `localeCompare` with options builds a new one per comparison.
let nameOrder: Intl.Collator | undefined

export function sortEntries(entries: readonly DirEntry[]): DirEntry[] {
  const names = (nameOrder ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }))
  return entries
    .filter((e) => !HIDDEN_NAMES.has(e.name))
    .sort((a, b) => (a.kind !== b.kind ? (a.kind === 'dir' ? -1 : 1) : names.compare(a.name, b.name)))
}

export function parentDir(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return i <= 0 ? path.slice(0, i + 1) : path.slice(0, i)
}

/** What a right click, F2 or Delete on a row does (the workbench's file actions). */
export interface ExplorerEntryActions {
  contextMenu(entry: DirEntry, x: number, y: number): void
  rename(entry: DirEntry): void
  delete(entry: DirEntry): void
}

interface TreeNode {
  entry: DirEntry
  depth: number
  row: HTMLElement
  children?: HTMLElement
  expanded: boolean
  loaded: boolean
}

export class Explorer implements Disposable {
  private readonly disposables = new DisposableStore()
  private readonly nodeByRow = new WeakMap<HTMLElement, TreeNode>()
  private readonly dirNodes = new Map<string, TreeNode>()
  private readonly rowByPath = new Map<string, HTMLElement>()
  private activePath: string | undefined
  private readonly pendingRefresh = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(
    private readonly container: HTMLElement,
    private readonly backend: Backend,
    private readonly openFile: (path: string) => void,
    private readonly entryActions?: ExplorerEntryActions,
  ) {
    this.disposables.add(listen(container, 'click', (ev) => this.onClick(ev)))
    this.disposables.add(listen(container, 'keydown', (ev) => this.onKey(ev)))
    this.disposables.add(listen(container, 'contextmenu', (ev) => this.onContextMenu(ev)))
    this.disposables.add({
      dispose: () => {
        for (const timer of this.pendingRefresh.values()) clearTimeout(timer)
        this.pendingRefresh.clear()
      },
    })
  }

  showMessage(text: string): void {
    this.container.replaceChildren(h('div', { class: 'lx-explorer-message', text }))
  }

  async setRoot(root: string): Promise<void> {
    await this.setRoots([root])
  }

  /** One tree per workspace folder (multi-root), each expanded; `footer` (a hint) goes below them. */
  async setRoots(roots: readonly string[], footer?: HTMLElement): Promise<void> {
    for (const timer of this.pendingRefresh.values()) clearTimeout(timer)
    this.pendingRefresh.clear()
    this.dirNodes.clear()
    this.rowByPath.clear()
    const nodes = roots.map((root) => {
      const name = root.split(/[\\/]/).filter(Boolean).pop() ?? root
      const node = this.createNode({ name, path: root, kind: 'dir' }, 0)
      node.row.classList.add('lx-tree-root')
      return node
    })
    this.container.replaceChildren(...nodes.flatMap((n) => [n.row, n.children!]), ...(footer ? [footer] : []))
    await Promise.all(nodes.map((n) => this.expand(n)))
  }

  /** The workspace folder a root row shows (for Remove Folder from Workspace). */
  roots(): string[] {
    return [...this.dirNodes.values()].filter((n) => n.depth === 0).map((n) => n.entry.path)
  }

  /**
   * The watcher saw `path` change. A path we do not show yet (a new file; some watchers report creation as a
   * change) or a deletion re-lists its folder, if that folder is loaded; bursts coalesce into one listing.
   */
  fileChanged(path: string, kind: FileChangeKind): void {
    if (kind === 'changed' && this.rowByPath.has(path)) return
    const dir = parentDir(path)
    if (!this.dirNodes.get(dir)?.loaded || this.pendingRefresh.has(dir)) return
    this.pendingRefresh.set(
      dir,
      setTimeout(() => {
        this.pendingRefresh.delete(dir)
        const node = this.dirNodes.get(dir)
        if (node?.loaded) void this.load(node)
      }, REFRESH_DELAY_MS),
    )
  }

  /** The folder a new file goes in: the focused folder row, or the folder of the focused file. */
  selectedFolder(): string | undefined {
    const row = this.container.querySelector<HTMLElement>('.lx-focused')
    const node = row ? this.nodeByRow.get(row) : undefined
    if (!node) return undefined
    return node.entry.kind === 'dir' ? node.entry.path : parentDir(node.entry.path)
  }

  /** Shows `path` after it was created: re-lists and expands the folders down to it and focuses its row. */
  async reveal(path: string): Promise<void> {
    const chain: string[] = []
    for (let dir = parentDir(path); ; dir = parentDir(dir)) {
      chain.unshift(dir)
      if (this.dirNodes.get(dir)?.depth === 0) break
      if (parentDir(dir) === dir) return // not under the root shown
    }
    for (const dir of chain) {
      const node = this.dirNodes.get(dir)
      if (!node) return
      if (node.loaded) await this.load(node)
      if (!node.expanded) await this.expand(node)
    }
    const row = this.rowByPath.get(path)
    if (!row) return
    this.container.querySelector('.lx-focused')?.classList.remove('lx-focused')
    row.classList.add('lx-focused')
    row.scrollIntoView({ block: 'nearest' })
  }

  setActive(path: string | undefined): void {
    if (this.activePath) this.rowByPath.get(this.activePath)?.classList.remove('lx-active')
    this.activePath = path
    if (path) this.rowByPath.get(path)?.classList.add('lx-active')
  }

  private createNode(entry: DirEntry, depth: number): TreeNode {
    const isDir = entry.kind === 'dir'
    const row = h(
      'div',
      {
        class: `lx-tree-row ${isDir ? 'lx-tree-dir' : 'lx-tree-file'}`,
        title: entry.path,
        attrs: { role: 'treeitem', tabindex: '-1', 'data-path': entry.path, style: `padding-left:${8 + depth * 12}px` },
      },
      [
        isDir ? icon('chevron-right', 'lx-twistie') : h('span', { class: 'lx-twistie' }),
        icon(isDir ? 'folder' : entry.name.endsWith('.lean') ? 'symbol-namespace' : 'file', 'lx-file-icon'),
        h('span', { class: 'lx-tree-label', text: entry.name }),
      ],
    )
    const node: TreeNode = { entry, depth, row, expanded: false, loaded: false }
    if (isDir) {
      node.children = h('div', { class: 'lx-tree-children', attrs: { role: 'group' } })
      node.children.hidden = true
      row.setAttribute('aria-expanded', 'false')
      this.dirNodes.set(entry.path, node)
    }
    this.nodeByRow.set(row, node)
    this.rowByPath.set(entry.path, row)
    if (entry.path === this.activePath) row.classList.add('lx-active')
    return node
  }

  private async load(node: TreeNode): Promise<void> {
    let entries: DirEntry[]
    try {
      entries = sortEntries(await this.backend.call('workspace.list', { path: node.entry.path }))
    } catch (err) {
      node.children!.replaceChildren(
        h('div', { class: 'lx-explorer-message', text: `Cannot list this folder: ${(err as Error).message}` }),
      )
      return
    }
    node.loaded = true
    const fragment = document.createDocumentFragment()
    for (const entry of entries) {
      // A re-list keeps the subfolders already shown, expanded or not, with their loaded children.
      const shown = entry.kind === 'dir' ? this.dirNodes.get(entry.path) : undefined
      const child = shown && shown.row.parentElement === node.children ? shown : this.createNode(entry, node.depth + 1)
      fragment.append(child.row)
      if (child.children) fragment.append(child.children)
    }
    node.children!.replaceChildren(fragment)
  }

  private async expand(node: TreeNode): Promise<void> {
    node.expanded = true
    node.children!.hidden = false
    node.row.setAttribute('aria-expanded', 'true')
    node.row.querySelector('.lx-twistie')?.classList.replace('codicon-chevron-right', 'codicon-chevron-down')
    if (!node.loaded) await this.load(node)
  }

  private collapse(node: TreeNode): void {
    node.expanded = false
    node.children!.hidden = true
    node.row.setAttribute('aria-expanded', 'false')
    node.row.querySelector('.lx-twistie')?.classList.replace('codicon-chevron-down', 'codicon-chevron-right')
  }

  private activateRow(row: HTMLElement): void {
    const node = this.nodeByRow.get(row)
    if (!node) return
    this.container.querySelector('.lx-focused')?.classList.remove('lx-focused')
    row.classList.add('lx-focused')
    if (node.entry.kind === 'dir') {
      if (node.expanded) this.collapse(node)
      else void this.expand(node)
    } else {
      this.openFile(node.entry.path)
    }
  }

  private onClick(ev: MouseEvent): void {
    const row = (ev.target as HTMLElement).closest<HTMLElement>('.lx-tree-row')
    if (!row) return
    row.focus()
    this.activateRow(row)
  }

  private onContextMenu(ev: MouseEvent): void {
    const row = (ev.target as HTMLElement).closest<HTMLElement>('.lx-tree-row')
    const node = row ? this.nodeByRow.get(row) : undefined
    if (!row || !node || !this.entryActions) return
    ev.preventDefault()
    this.container.querySelector('.lx-focused')?.classList.remove('lx-focused')
    row.classList.add('lx-focused')
    row.focus()
    this.entryActions.contextMenu(node.entry, ev.clientX, ev.clientY)
  }

  /** Whether `entry` is the root row (which cannot be renamed or deleted). */
  isRoot(entry: DirEntry): boolean {
    return this.dirNodes.get(entry.path)?.depth === 0
  }

  private onKey(ev: KeyboardEvent): void {
    const row = (ev.target as HTMLElement).closest<HTMLElement>('.lx-tree-row')
    if (!row) return
    const rows = Array.from(this.container.querySelectorAll<HTMLElement>('.lx-tree-row')).filter((r) => r.offsetParent !== null)
    const index = rows.indexOf(row)
    const node = this.nodeByRow.get(row)
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      rows[index + (ev.key === 'ArrowDown' ? 1 : -1)]?.focus()
    } else if (ev.key === 'Enter' || ev.key === ' ') {
      this.activateRow(row)
    } else if (ev.key === 'ArrowRight' && node?.entry.kind === 'dir' && !node.expanded) {
      void this.expand(node)
    } else if (ev.key === 'ArrowLeft' && node?.entry.kind === 'dir' && node.expanded) {
      this.collapse(node)
    } else if (ev.key === 'F2' && node && node.depth > 0 && this.entryActions) {
      this.entryActions.rename(node.entry)
    } else if (ev.key === 'Delete' && node && node.depth > 0 && this.entryActions) {
      this.entryActions.delete(node.entry)
    } else {
      return
    }
    ev.preventDefault()
  }

  dispose(): void {
    this.disposables.dispose()
  }
}
