// Go to File (Ctrl+P) over the core's file index, and New File… / New Folder… in the folder selected in the
// explorer. Paths typed are relative to the workspace root; the core refuses anything outside it.
import type { DirEntry } from '../../../shared/api'
import type { Backend } from '../backend/backend'
import type { Dialogs } from './dialogs'
import { h } from './dom'
import { parentDir } from './explorer'
import type { QuickPick } from './quick-pick'

export interface FileEntryView {
  path: string
  /** Relative to the root, '/'-separated. */
  relative: string
  name: string
}

/**
 * Fuzzy rank: every query character in order (spaces ignored). Matches in the file name beat matches spread
 * over the folders; fewer and shorter gaps beat more. Lower is better; undefined = no match.
 */
export function fuzzyScore(target: string, query: string): number | undefined {
  const t = target.toLowerCase()
  let from = 0
  let score = 0
  let previous = -2
  for (const ch of query.toLowerCase().replace(/\s+/g, '')) {
    const i = t.indexOf(ch, from)
    if (i < 0) return undefined
    if (i !== previous + 1) score += 1 + Math.min(i - from, 10) / 10
    previous = i
    from = i + 1
  }
  return score
}

export function rankFiles(files: readonly FileEntryView[], query: string): FileEntryView[] {
  if (!query.trim()) return [...files].sort((a, b) => a.relative.localeCompare(b.relative))
  const scored: { file: FileEntryView; score: number }[] = []
  for (const file of files) {
    const inName = fuzzyScore(file.name, query)
    const inPath = fuzzyScore(file.relative, query)
    const score = inName !== undefined ? inName : inPath !== undefined ? inPath + 5 : undefined
    if (score !== undefined) scored.push({ file, score })
  }
  return scored
    .sort((a, b) => a.score - b.score || a.file.relative.length - b.file.relative.length || a.file.relative.localeCompare(b.file.relative))
    .map((x) => x.file)
}

function separatorOf(root: string): string {
  return root.includes('\\') && !root.includes('/') ? '\\' : '/'
}

export function relativeTo(root: string, path: string): string {
  const base = root.replace(/[\\/]+$/, '')
  return path.startsWith(base) ? path.slice(base.length + 1).replace(/\\/g, '/') : path
}

/** `Folder/Sub/Name.lean` typed by the user → an absolute path under `root`. */
export function absoluteUnder(root: string, typed: string): string {
  const sep = separatorOf(root)
  const parts = typed.trim().split(/[\\/]+/).filter(Boolean)
  return [root.replace(/[\\/]+$/, ''), ...parts].join(sep)
}

/** The tabs a rename or delete must take care of. */
export interface OpenTabs {
  /** Open tabs at `path` or inside it, in tab order. */
  under(path: string): { path: string; dirty: boolean; active: boolean }[]
  /** Closes a clean tab without asking. */
  close(path: string): Promise<void>
  /** Opens (or shows) a tab and makes it the active one. */
  open(path: string): Promise<unknown>
}

/** Opens `paths` in order, then brings back the one that was active. */
async function reopen(tabs: OpenTabs, paths: { path: string; active: boolean }[]): Promise<void> {
  for (const t of paths) await tabs.open(t.path).catch(() => undefined)
  const active = paths.find((t) => t.active)
  if (active) await tabs.open(active.path).catch(() => undefined)
}

export interface FileActionHosts {
  backend: Backend
  picker: QuickPick
  dialogs: Dialogs
  root: () => string | undefined
  selectedFolder: () => string | undefined
  tabs: OpenTabs
  /** The explorer shows and focuses a path that was just created or renamed. */
  reveal: (path: string) => void
  /** Hands the pick over to the symbol search when the query starts with `#`, as VS Code does. */
  searchSymbols: (query: string) => void
  notify: (message: string) => void
}

/** `path` with the prefix `from` replaced by `to` (for tabs inside a renamed folder). */
export function movedPath(path: string, from: string, to: string): string {
  return path === from ? to : `${to}${path.slice(from.length)}`
}

export class FileActions {
  private readonly backend: Backend
  private readonly picker: QuickPick
  private readonly dialogs: Dialogs

  constructor(private readonly hosts: FileActionHosts) {
    this.backend = hosts.backend
    this.picker = hosts.picker
    this.dialogs = hosts.dialogs
  }

  private root(): string | undefined {
    return this.hosts.root()
  }

  private open(path: string): Promise<unknown> {
    return this.hosts.tabs.open(path)
  }

  /** The picker opens at once (keys typed right after Ctrl+P must land in it); the file list follows. */
  goToFile(): void {
    const root = this.root()
    if (!root) return
    let truncated = false
    const loading = this.backend.call('workspace.files', {}).then((listed) => {
      truncated = listed.truncated
      return listed.paths.map((path): FileEntryView => {
        const relative = relativeTo(root, path)
        return { path, relative, name: relative.split('/').pop() ?? relative }
      })
    })
    this.picker.show<FileEntryView>({
      ariaLabel: 'Go to File',
      placeholder: 'Search files by name (# for declarations)',
      emptyText: () => (truncated ? 'No matching files among the first 20,000' : 'No matching files'),
      items: async (query) => rankFiles(await loading, query),
      onInput: (value) => {
        if (!value.startsWith('#')) return false
        this.hosts.searchSymbols(value.slice(1))
        return true
      },
      render: (f) => [
        h('span', { class: 'lx-palette-title', text: f.name }),
        h('span', { class: 'lx-palette-description', text: parentDir(`/${f.relative}`).slice(1) }),
      ],
      accept: (f) => void this.open(f.path),
    })
  }

  newFile(): Promise<void> {
    return this.create('file')
  }

  newFolder(): Promise<void> {
    return this.create('dir')
  }

  /** Rename or move (the name is a path relative to the root). Open tabs inside follow to the new place. */
  async rename(entry: DirEntry): Promise<void> {
    const root = this.root()
    if (!root) return
    await this.dialogs.prompt({
      title: entry.kind === 'dir' ? 'Rename Folder' : 'Rename File',
      message: 'New name, relative to the workspace folder (a different folder moves it):',
      value: relativeTo(root, entry.path),
      okLabel: 'Rename',
      submit: async (typed) => {
        if (!typed.trim()) return 'Type a name.'
        const newPath = absoluteUnder(root, typed)
        if (newPath === entry.path) return undefined
        const tabs = this.hosts.tabs.under(entry.path)
        const dirty = tabs.find((t) => t.dirty)
        if (dirty) return `${dirty.path} has unsaved changes: save or revert it first.`
        // Lean sees the old file closed and the new one opened, as after any move.
        for (const t of tabs) await this.hosts.tabs.close(t.path)
        try {
          await this.backend.call('workspace.rename', { path: entry.path, newPath })
        } catch (err) {
          await reopen(this.hosts.tabs, tabs)
          throw err
        }
        await reopen(this.hosts.tabs, tabs.map((t) => ({ ...t, path: movedPath(t.path, entry.path, newPath) })))
        this.hosts.reveal(newPath)
        return undefined
      },
    })
  }

  /** Delete after asking; there is no trash, so the question says so. */
  async delete(entry: DirEntry): Promise<void> {
    const tabs = this.hosts.tabs.under(entry.path)
    const dirty = tabs.find((t) => t.dirty)
    if (dirty) {
      this.hosts.notify(`${dirty.path} has unsaved changes: save or revert it before deleting.`)
      return
    }
    const what = entry.kind === 'dir' ? `the folder '${entry.name}' and everything in it` : `'${entry.name}'`
    const answer = await this.dialogs.choose(
      entry.kind === 'dir' ? 'Delete Folder' : 'Delete File',
      `Delete ${what}? This cannot be undone: Lectern does not use a trash.`,
      [
        { id: 'delete', label: 'Delete', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
      'cancel',
    )
    if (answer !== 'delete') return
    for (const t of tabs) await this.hosts.tabs.close(t.path)
    try {
      await this.backend.call('workspace.delete', { path: entry.path })
    } catch (err) {
      await reopen(this.hosts.tabs, tabs)
      throw err
    }
  }

  private async create(kind: 'file' | 'dir'): Promise<void> {
    const root = this.root()
    if (!root) return
    const folder = this.hosts.selectedFolder()
    const prefix = folder && folder !== root ? `${relativeTo(root, folder)}/` : ''
    await this.dialogs.prompt({
      title: kind === 'file' ? 'New File' : 'New Folder',
      message: kind === 'file' ? 'Name of the new file, relative to the workspace folder (folders are created as needed):' : 'Name of the new folder, relative to the workspace folder:',
      value: prefix,
      okLabel: 'Create',
      submit: async (typed) => {
        if (!typed.trim() || /[\\/]$/.test(typed.trim())) return kind === 'file' ? 'Type a file name, e.g. Basic.lean.' : 'Type a folder name.'
        const path = absoluteUnder(root, typed)
        await this.backend.call(kind === 'file' ? 'workspace.createFile' : 'workspace.createFolder', { path })
        this.hosts.reveal(path)
        if (kind === 'file') await this.open(path)
        return undefined
      },
    })
  }
}
