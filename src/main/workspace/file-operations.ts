// What the explorer and the pickers do to files: list them all (Go to File), search them (Find in Files),
// create, rename and delete. Every path is confined to the workspace and must be writable; a rename or delete
// never touches a document with unsaved changes and never replaces an existing file.
import { promises as fs } from 'node:fs'
import { basename, dirname } from 'node:path'
import type { DirEntry, SearchResult } from '../../shared/api'
import { LecternErrorCodes } from '../../shared/api'
import type { DocumentStore } from '../lean/documents'
import { ApiError } from '../util/errors'
import { pathToUri } from '../util/uri'
import { listWorkspaceFiles } from './file-index'
import { createEntry } from './files'
import { isInside, type PathPolicy, realpathLoose } from './paths'
import { searchWorkspace } from './text-search'
import { editFileOnDisk } from './text-edits'

export class FileOperations {
  constructor(
    private readonly roots: () => readonly string[],
    private readonly policy: PathPolicy,
    private readonly documents: DocumentStore,
  ) {}

  files(): Promise<{ paths: string[]; truncated: boolean }> {
    return listWorkspaceFiles(this.roots())
  }

  search(query: string, options: { caseSensitive?: boolean; regex?: boolean } = {}): Promise<SearchResult> {
    return searchWorkspace(this.roots(), { query, ...options }, (path) => this.documents.get(pathToUri(path))?.text)
  }

  create(path: string, kind: DirEntry['kind']): Promise<DirEntry> {
    const { path: target } = this.policy.check(path, { write: true })
    return createEntry(target, kind)
  }

  async rename(path: string, newPath: string): Promise<DirEntry> {
    const from = this.checkMovable(path)
    const { path: to } = this.policy.check(newPath, { write: true })
    const source = await fs.lstat(from).catch(() => undefined)
    if (!source) throw new ApiError(LecternErrorCodes.NotFound, `${path} does not exist.`)
    if (isInside(from, to) && from !== to) throw new ApiError(LecternErrorCodes.AlreadyExists, `A folder cannot move into itself.`)
    if (await fs.lstat(to).then(() => true, () => false)) throw new ApiError(LecternErrorCodes.AlreadyExists, `${newPath} already exists.`)
    await fs.mkdir(dirname(to), { recursive: true })
    await fs.rename(from, to)
    return { name: basename(to), path: to, kind: source.isDirectory() ? 'dir' : 'file' }
  }

  /** LSP text edits to a file that is not open (or open and clean), written atomically. */
  applyTextEdits(path: string, edits: unknown): Promise<{ mtimeMs: number }> {
    return editFileOnDisk(this.policy, this.documents, path, edits)
  }

  async delete(path: string): Promise<void> {
    const target = this.checkMovable(path)
    if (!(await fs.lstat(target).then(() => true, () => false))) throw new ApiError(LecternErrorCodes.NotFound, `${path} does not exist.`)
    await fs.rm(target, { recursive: true })
  }

  /** A path the user may rename or delete: inside the workspace, writable, not a root, no unsaved text inside. */
  private checkMovable(path: string): string {
    const { path: real } = this.policy.check(path, { write: true })
    if (this.roots().some((r) => realpathLoose(r) === real)) throw new ApiError(LecternErrorCodes.ReadOnly, `${path} is a workspace folder itself.`)
    const dirty = this.documents.all().find((d) => isInside(real, d.path) && this.documents.isDirty(d))
    if (dirty) throw new ApiError(LecternErrorCodes.UnsavedChanges, `${dirty.path} has unsaved changes: save or revert it first.`)
    return real
  }
}
