// Go to File (Ctrl+P) over the core's file index, and New File… / New Folder… in the folder selected in the
// explorer. Paths typed are relative to the workspace root; the core refuses anything outside it.
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

export class FileActions {
  constructor(
    private readonly backend: Backend,
    private readonly picker: QuickPick,
    private readonly dialogs: Dialogs,
    private readonly root: () => string | undefined,
    private readonly selectedFolder: () => string | undefined,
    private readonly open: (path: string) => Promise<unknown>,
    private readonly created: (path: string) => void,
    /** Hands the pick over to the symbol search when the query starts with `#`, as VS Code does. */
    private readonly searchSymbols: (query: string) => void,
  ) {}

  async goToFile(): Promise<void> {
    const root = this.root()
    if (!root) return
    const { paths, truncated } = await this.backend.call('workspace.files', {})
    const files = paths.map((path): FileEntryView => {
      const relative = relativeTo(root, path)
      return { path, relative, name: relative.split('/').pop() ?? relative }
    })
    this.picker.show<FileEntryView>({
      ariaLabel: 'Go to File',
      placeholder: truncated ? `Search files by name (the first ${paths.length} files; # for declarations)` : 'Search files by name (# for declarations)',
      emptyText: 'No matching files',
      items: (query) => rankFiles(files, query),
      onInput: (value) => {
        if (!value.startsWith('#')) return false
        this.searchSymbols(value.slice(1))
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

  private async create(kind: 'file' | 'dir'): Promise<void> {
    const root = this.root()
    if (!root) return
    const folder = this.selectedFolder()
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
        this.created(path)
        if (kind === 'file') await this.open(path)
        return undefined
      },
    })
  }
}
