// The serve-mode folder browser (a web page cannot open the system's folder dialog): the quick pick over one
// folder's subfolders, served by the core. Enter on a subfolder goes into it, on the first row picks the folder
// shown; typing a path (/…, ~/…) lists that folder as you type. Lean projects are marked.
import type { FolderListing } from '../../../../../shared/api'
import type { Backend } from '../../../backend/backend'
import { matchScore } from '../../commands'
import { h, icon } from '../../dom'
import type { QuickPick } from '../../quick-pick'

type Row =
  | { kind: 'pick'; path: string; leanProject: boolean }
  | { kind: 'up'; path: string }
  | { kind: 'dir'; name: string; path: string; leanProject: boolean }

export interface FolderBrowserOptions {
  /** "Open Folder" or "Add Folder to Workspace". */
  title: string
  /** The folder to show first; the home folder when absent or unusable. */
  start?: string
  onPick: (path: string) => void
  onError: (err: unknown) => void
}

const SEPARATOR = /[\\/]$/

export function looksLikePath(query: string): boolean {
  return query.startsWith('/') || query.startsWith('~') || /^[A-Za-z]:[\\/]/.test(query)
}

/** `~` and `~/x` mean the home folder, as in a shell. */
export function expandHome(query: string, home: string): string {
  if (query === '~') return `${home}/`
  return query.startsWith('~/') || query.startsWith('~\\') ? `${home.replace(/[\\/]+$/, '')}${query.slice(1)}` : query
}

/** For a typed path: the folder to list and the start of the subfolder name to narrow it to. */
export function splitTypedPath(path: string): { folder: string; prefix: string } {
  if (SEPARATOR.test(path)) return { folder: path, prefix: '' }
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return { folder: path.slice(0, cut + 1) || '/', prefix: path.slice(cut + 1) }
}

export async function showFolderBrowser(picker: QuickPick, backend: Backend, options: FolderBrowserOptions, back?: string): Promise<void> {
  const listing = await backend.call('workspace.browseFolder', options.start ? { path: options.start } : {}).catch((err: unknown) => {
    options.onError(err)
    return undefined
  })
  // A folder that cannot be listed (it went, or is unreadable): say so and stay where the user was.
  if (!listing) {
    if (back !== undefined) void showFolderBrowser(picker, backend, { ...options, start: back })
    return
  }
  const shown = listing
  const rowsOf = (l: FolderListing, prefix: string, withPick: boolean): Row[] => {
    const dirs = l.folders
      .map((f) => ({ f, score: prefix ? matchScore(f.name, prefix) : 0 }))
      .filter((x): x is { f: FolderListing['folders'][number]; score: number } => x.score !== undefined)
      .sort((a, b) => a.score - b.score)
      .map(({ f }): Row => ({ kind: 'dir', ...f }))
    const head: Row[] = withPick ? [{ kind: 'pick', path: l.path, leanProject: l.leanProject }] : []
    if (withPick && l.parent) head.push({ kind: 'up', path: l.parent })
    return [...head, ...dirs]
  }
  picker.show<Row>({
    ariaLabel: options.title,
    placeholder: `${shown.path} — type to filter, or a path (/…, ~/…)`,
    emptyText: (query) => (query ? 'No matching folders' : 'No subfolders'),
    debounceMs: 120,
    items: async (query) => {
      if (!looksLikePath(query)) return rowsOf(shown, query.trim(), !query.trim())
      const { folder, prefix } = splitTypedPath(expandHome(query, shown.home))
      const typed = await backend.call('workspace.browseFolder', { path: folder })
      return rowsOf(typed, prefix, !prefix)
    },
    render: (row) => {
      if (row.kind === 'pick') {
        return [
          icon('folder-opened'),
          h('span', { class: 'lx-palette-title', text: `${options.title}: ${baseName(row.path)}` }),
          h('span', { class: 'lx-palette-description', text: row.path }),
          row.leanProject ? badge() : null,
        ]
      }
      if (row.kind === 'up') return [icon('arrow-up'), h('span', { class: 'lx-palette-title', text: '..' }), h('span', { class: 'lx-palette-description', text: row.path })]
      return [icon('folder'), h('span', { class: 'lx-palette-title', text: row.name }), row.leanProject ? badge() : null]
    },
    accept: (row) => {
      if (row.kind === 'pick') options.onPick(row.path)
      else void showFolderBrowser(picker, backend, { ...options, start: row.path }, shown.path)
    },
  })
}

function badge(): HTMLElement {
  return h('span', { class: 'lx-folder-badge', text: 'Lean project', attrs: { 'data-testid': 'lean-project-badge' } })
}

function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path
}
