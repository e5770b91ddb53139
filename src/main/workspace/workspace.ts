// Open folders and the documents in them: the only way the API touches files (DESIGN §6).
import { dirname } from 'node:path'
import type { DirEntry, OpenedDocument, WorkspaceSession } from '../../shared/api'
import { LecternErrorCodes } from '../../shared/api'
import type { TextChange } from '../../shared/lsp'
import type { Hub } from '../hub/hub'
import type { DocumentStore, OpenDocument } from '../lean/documents'
import { isValidRange } from '../../shared/text'
import { type Disposable, DisposableStore, Emitter } from '../util/disposable'
import { ApiError } from '../util/errors'
import { pathToUri } from '../util/uri'
import type { Backups } from './backups'
import { listDir, mtimeOf, readText, writeAtomic } from './files'
import { FileOperations } from './file-operations'
import { isInside, type PathPolicy } from './paths'
import type { RootsChange, WorkspaceRoots } from './roots'
import type { RememberedSession, SessionStore } from './sessions'
import { FolderWatcher } from './watcher'

/** A clean document nobody holds any more is closed after this grace (a reloading renderer comes back). */
const ORPHAN_CLOSE_MS = 60_000
/** Folders someone listed (an expanded explorer folder) stay watched; the least recently listed go past this. */
const MAX_LISTED_FOLDER_WATCHES = 256

export class Workspace {
  private readonly owners = new Map<string, Set<string>>()
  private readonly folderWatches = new Map<string, Disposable>()
  private readonly listedFolderWatches = new Map<string, Disposable>()
  private readonly rootWatches = new Map<string, Disposable>()
  private readonly orphanTimers = new Map<string, ReturnType<typeof setTimeout>>()
  private readonly watcher: FolderWatcher
  private readonly disposables = new DisposableStore()
  readonly onDidSave = new Emitter<OpenDocument>()
  /** Create, rename, delete, list and search files (the explorer's and the pickers' side). */
  readonly operations: FileOperations

  constructor(
    private readonly rootList: WorkspaceRoots,
    private readonly policy: PathPolicy,
    private readonly documents: DocumentStore,
    private readonly hub: Hub,
    private readonly backups: Backups,
    private readonly sessions: SessionStore,
  ) {
    this.operations = new FileOperations(() => rootList.roots, policy, documents)
    this.watcher = new FolderWatcher((kind, path) => void this.onDiskChange(kind, path))
    for (const root of rootList.roots) this.rootWatches.set(root, this.watcher.watchFolder(root))
    this.disposables.add(documents.onDidChange.event(({ doc }) => this.backupLater(doc)))
  }

  get roots(): readonly string[] {
    return this.rootList.roots
  }

  /**
   * The roots changed: documents outside the new roots are closed — unsaved ones backed up first, so they come
   * back when their folder is opened again (hot exit) — and the watchers of removed folders end.
   */
  async onRootsChanged(change: RootsChange): Promise<void> {
    // Adding a folder closes nothing (not even toolchain sources open beside the workspace).
    const gone = change.removed.length === 0 ? [] : this.documents.all().filter((d) => !this.rootList.contains(d.path))
    const dirty = gone.filter((d) => !d.readonly && this.documents.isDirty(d))
    await Promise.all(dirty.map((d) => this.backups.write(d.path, d.text).catch((err) => console.error(`Backup of ${d.path} failed`, err))))
    for (const doc of gone) {
      // The backup just written is the latest text; a pending debounced write would only repeat it.
      if (!doc.readonly) this.backups.cancelScheduled(doc.path)
      clearTimeout(this.orphanTimers.get(doc.uri))
      this.orphanTimers.delete(doc.uri)
      this.closeNow(doc.uri)
    }
    for (const root of change.removed) {
      this.rootWatches.get(root)?.dispose()
      this.rootWatches.delete(root)
    }
    for (const [dir, watch] of this.listedFolderWatches) {
      if (this.rootList.contains(dir)) continue
      watch.dispose()
      this.listedFolderWatches.delete(dir)
    }
    for (const root of change.added) this.rootWatches.set(root, this.watcher.watchFolder(root))
  }

  /** The real path of `path` if it lies in the workspace (for endpoints that take a folder). */
  confine(path: string): string {
    return this.policy.check(path).path
  }

  async list(path: string): Promise<DirEntry[]> {
    const { path: dir } = this.policy.check(path)
    const entries = await listDir(dir)
    this.watchListedFolder(dir)
    return entries
  }

  /** What to show on start: the files open last time, and every file whose unsaved changes were backed up. */
  async session(): Promise<WorkspaceSession> {
    const root = this.roots[0]
    if (!root) return { openFiles: [], unsaved: [] }
    const remembered = await this.sessions.get(root)
    const unsaved = (await this.backups.paths()).filter((p) => this.isWritable(p)).sort()
    const { groups: rememberedGroups, ...rest } = remembered
    const groups = rememberedGroups?.map((g) => ({ ...g, openFiles: this.writable(g.openFiles) })).filter((g) => g.openFiles.length > 0)
    return { ...rest, openFiles: this.writable(rest.openFiles), ...(groups && groups.length > 1 ? { groups } : {}), unsaved }
  }

  /** `forRoot` names the workspace the tabs belong to: a late remember from before a folder switch is dropped. */
  async rememberSession(session: RememberedSession, forRoot?: string): Promise<void> {
    const root = this.roots[0]
    if (forRoot !== undefined && forRoot !== root) return
    const groups = session.groups?.map((g) => ({ ...g, openFiles: this.writable(g.openFiles) }))
    if (root) await this.sessions.remember(root, { ...session, openFiles: this.writable(session.openFiles), ...(groups ? { groups } : {}) })
  }

  /** Only the files a tab may hold (inside a root, not a dependency's source). */
  private writable(files: string[]): string[] {
    return files.filter((p) => this.isWritable(p))
  }

  private isWritable(path: string): boolean {
    try {
      return !this.policy.check(path).readonly
    } catch {
      return false
    }
  }

  async read(path: string): Promise<{ text: string; readonly: boolean; mtimeMs: number }> {
    const { path: file, readonly } = this.policy.check(path)
    return { ...(await readText(file)), readonly }
  }

  async open(path: string, owner: string): Promise<OpenedDocument> {
    const { path: file, readonly } = this.policy.check(path)
    const uri = pathToUri(file)
    let doc = this.documents.get(uri)
    let restoredFromBackup = false
    if (!doc) {
      const backup = readonly ? undefined : await this.backups.read(file)
      // A file deleted after its unsaved changes were backed up: the backup is all that is left, so it opens
      // (dirty; saving writes the file again) instead of failing with "does not exist".
      const disk = await readText(file).catch((err) => {
        if (backup === undefined || (err as ApiError).code !== LecternErrorCodes.NotFound) throw err
        return { text: '', mtimeMs: 0 }
      })
      restoredFromBackup = backup !== undefined && backup !== disk.text
      doc = this.documents.open({
        uri,
        path: file,
        text: restoredFromBackup ? (backup as string) : disk.text,
        diskText: disk.text,
        diskMtimeMs: disk.mtimeMs,
        readonly,
        languageId: file.endsWith('.lean') ? 'lean4' : 'plaintext',
      })
      this.watchFolderOf(file)
    }
    this.hold(uri, owner)
    return this.describe(doc, restoredFromBackup)
  }

  change(uri: string, changes: unknown): { version: number } {
    const doc = this.documents.require(uri)
    if (doc.readonly) throw new ApiError(LecternErrorCodes.ReadOnly, `${doc.path} is read-only.`)
    if (!Array.isArray(changes) || !changes.every(isValidChange)) {
      throw new ApiError(-32602, 'changes must be a list of {range?, text} with LSP positions.')
    }
    return { version: this.documents.change(uri, changes).version }
  }

  async save(uri: string, overwrite = false): Promise<{ mtimeMs: number }> {
    const doc = this.documents.require(uri)
    this.policy.check(doc.path, { write: true })
    const diskMtime = await mtimeOf(doc.path)
    if (!overwrite && diskMtime !== undefined && diskMtime !== doc.diskMtimeMs) {
      const disk = await readText(doc.path).catch(() => undefined)
      if (disk && disk.text !== doc.diskText) {
        throw new ApiError(LecternErrorCodes.SaveConflict, `${doc.path} changed on disk since it was opened. Overwrite it, or reload it from disk.`)
      }
    }
    const text = doc.text
    doc.diskMtimeMs = await writeAtomic(doc.path, text)
    doc.diskText = text
    await this.backups.discard(doc.path)
    this.onDidSave.fire(doc)
    return { mtimeMs: doc.diskMtimeMs }
  }

  /** Replaces the buffer with the file on disk, as one whole-text edit the Lean server sees incrementally. */
  async revert(uri: string): Promise<OpenedDocument> {
    const doc = this.documents.require(uri)
    const disk = await readText(doc.path)
    doc.diskText = disk.text
    doc.diskMtimeMs = disk.mtimeMs
    if (doc.text !== disk.text) this.documents.change(uri, [{ text: disk.text }])
    await this.backups.discard(doc.path)
    return this.describe(doc, false)
  }

  async close(uri: string, owner: string): Promise<void> {
    const holders = this.owners.get(uri)
    holders?.delete(owner)
    if (holders && holders.size > 0) return
    const doc = this.documents.get(uri)
    // The last editor closed it: a dirty buffer was saved or its changes thrown away ("Don't Save"), so a
    // backup would only bring back text the user chose to lose.
    this.closeNow(uri)
    if (doc && !doc.readonly) await this.backups.discard(doc.path).catch(() => undefined)
  }

  /** A renderer connection ended: its clean documents close after a grace period; dirty ones stay. */
  releaseOwner(owner: string): void {
    for (const [uri, holders] of this.owners) {
      if (!holders.delete(owner) || holders.size > 0) continue
      clearTimeout(this.orphanTimers.get(uri))
      const timer = setTimeout(() => {
        this.orphanTimers.delete(uri)
        const doc = this.documents.get(uri)
        if (doc && !this.documents.isDirty(doc) && (this.owners.get(uri)?.size ?? 0) === 0) this.closeNow(uri)
      }, ORPHAN_CLOSE_MS)
      timer.unref()
      this.orphanTimers.set(uri, timer)
    }
  }

  async dispose(): Promise<void> {
    const dirty = this.documents.all().filter((d) => this.documents.isDirty(d))
    await this.backups.flush(dirty.map((d) => ({ path: d.path, text: d.text })))
    await this.sessions.flush()
    for (const t of this.orphanTimers.values()) clearTimeout(t)
    for (const w of this.folderWatches.values()) w.dispose()
    for (const w of this.listedFolderWatches.values()) w.dispose()
    this.listedFolderWatches.clear()
    for (const w of this.rootWatches.values()) w.dispose()
    this.rootWatches.clear()
    this.disposables.dispose()
    this.watcher.dispose()
  }

  private describe(doc: OpenDocument, restoredFromBackup: boolean): OpenedDocument {
    const dirty = this.documents.isDirty(doc)
    return { uri: doc.uri, path: doc.path, text: doc.text, version: doc.version, dirty, readonly: doc.readonly, ...(restoredFromBackup ? { restoredFromBackup } : {}) }
  }

  private hold(uri: string, owner: string): void {
    let holders = this.owners.get(uri)
    if (!holders) this.owners.set(uri, (holders = new Set()))
    holders.add(owner)
    clearTimeout(this.orphanTimers.get(uri))
    this.orphanTimers.delete(uri)
  }

  private closeNow(uri: string): void {
    const doc = this.documents.get(uri)
    this.owners.delete(uri)
    if (!doc) return
    this.documents.close(uri)
    this.folderWatches.get(doc.path)?.dispose()
    this.folderWatches.delete(doc.path)
  }

  private watchFolderOf(file: string): void {
    if (this.roots.some((r) => dirname(file) === r)) return
    this.folderWatches.set(file, this.watcher.watchFolder(dirname(file)))
  }

  /** What the explorer shows must follow the disk, so a listed folder is watched (most recent last in the map). */
  private watchListedFolder(dir: string): void {
    const held = this.listedFolderWatches.get(dir)
    this.listedFolderWatches.delete(dir)
    this.listedFolderWatches.set(dir, held ?? this.watcher.watchFolder(dir))
    if (this.listedFolderWatches.size <= MAX_LISTED_FOLDER_WATCHES) return
    const [oldest, watch] = this.listedFolderWatches.entries().next().value!
    watch.dispose()
    this.listedFolderWatches.delete(oldest)
  }

  private backupLater(doc: OpenDocument): void {
    if (doc.readonly) return
    this.backups.schedule(doc.path, () => doc.text)
  }

  private async onDiskChange(kind: 'created' | 'changed' | 'deleted', path: string): Promise<void> {
    const root = this.roots.find((r) => isInside(r, path)) ?? dirname(path)
    const doc = this.documents.all().find((d) => d.path === path)
    if (doc && kind === 'changed') {
      // Our own save, or a touch without new content: nothing for the user to decide.
      const disk = await readText(path).catch(() => undefined)
      if (!disk || disk.text === doc.diskText) return
    }
    this.hub.publish('files', { kind, path, root })
  }
}

function isValidChange(c: unknown): c is TextChange {
  const change = c as TextChange
  return !!change && typeof change.text === 'string' && (change.range === undefined || isValidRange(change.range))
}
