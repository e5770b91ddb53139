// Keeps the core's copy of one document equal to its Monaco model. Every content change goes out at once as
// incremental LSP changes (never the whole text, never an empty list), in event order: calls are issued
// synchronously from the change listener and the transport keeps their order. If a change is lost (connection
// dropped mid-flight) the document is resynced: the core's text is fetched and one minimal diff is sent.
// Also owns dirty state (by Monaco's alternative version id, so undo back to the saved text is clean), saving,
// reverting and the reaction to changes on disk.
import { LecternErrorCodes, type OpenedDocument } from '../../../shared/api'
import type { FileChangeKind } from '../../../shared/channels'
import type { Backend, Disposable } from '../backend/backend'
import { Emitter } from '../workbench/disposables'
import type { monaco } from './monaco'
import { minimalChange, toLspChanges, toMonacoRange } from './position'

/** Why the buffer and the disk disagree in a way the user must decide. */
export type DiskConflict = 'changed-on-disk' | 'save-conflict' | 'deleted'

const RESYNC_RETRY_MS = 1000

export class DocumentSync implements Disposable {
  readonly uri: string
  readonly path: string
  readonly readonly: boolean
  private savedVersionId: number
  /** The file's text as we last read or wrote it; undefined when unknown (buffer restored from a backup). */
  private diskText: string | undefined
  private applyingFromCore = false
  private outOfSync = false
  private resyncRunning: Promise<void> | undefined
  private resyncAgain = false
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private lastDirty: boolean
  private conflictKind: DiskConflict | undefined
  private disposed = false
  private readonly contentListener: Disposable
  private readonly stateChanged = new Emitter<void>()
  /** Dirty flag or conflict changed. */
  readonly onDidChangeState = this.stateChanged.event

  constructor(
    private readonly backend: Backend,
    private readonly model: monaco.editor.ITextModel,
    opened: OpenedDocument,
  ) {
    this.uri = opened.uri
    this.path = opened.path
    this.readonly = opened.readonly
    this.savedVersionId = opened.dirty ? -1 : model.getAlternativeVersionId()
    this.diskText = opened.dirty ? undefined : opened.text
    this.lastDirty = this.dirty
    this.contentListener = model.onDidChangeContent((e) => this.onContentChanged(e))
  }

  get dirty(): boolean {
    return this.model.getAlternativeVersionId() !== this.savedVersionId
  }

  get conflict(): DiskConflict | undefined {
    return this.conflictKind
  }

  private onContentChanged(e: monaco.editor.IModelContentChangedEvent): void {
    if (this.applyingFromCore) return
    this.fireIfDirtyChanged()
    if (this.outOfSync || this.resyncRunning) {
      this.resyncAgain = true
      return
    }
    if (e.isEolChange || e.isFlush) {
      this.scheduleResync()
      return
    }
    if (e.changes.length === 0) return
    const changes = toLspChanges(e.changes)
    this.backend.call('doc.change', { uri: this.uri, changes }).catch((err) => {
      console.warn(`Edit to ${this.path} did not reach the core; resyncing`, err)
      this.scheduleResync()
    })
  }

  /** Check the core's text against the model and repair it with one minimal change (after a reconnect, say). */
  resync(): Promise<void> {
    if (this.resyncRunning) {
      this.resyncAgain = true
      return this.resyncRunning
    }
    this.outOfSync = true
    clearTimeout(this.retryTimer)
    this.resyncRunning = this.runResync().finally(() => {
      this.resyncRunning = undefined
    })
    return this.resyncRunning
  }

  private scheduleResync(): void {
    void this.resync()
  }

  private async runResync(): Promise<void> {
    try {
      do {
        this.resyncAgain = false
        const core = await this.backend.call('doc.open', { path: this.path })
        if (this.disposed) return
        const versionBefore = this.model.getVersionId()
        const change = minimalChange(core.text, this.model.getValue())
        if (change) await this.backend.call('doc.change', { uri: this.uri, changes: [change] })
        if (this.model.getVersionId() !== versionBefore) this.resyncAgain = true
      } while (this.resyncAgain && !this.disposed)
      this.outOfSync = false
    } catch (err) {
      if (this.disposed) return
      console.warn(`Resync of ${this.path} failed; retrying`, err)
      this.retryTimer = setTimeout(() => this.scheduleResync(), RESYNC_RETRY_MS)
    }
  }

  /** Saves the core's text (equal to the model's once pending edits land). False when the user must decide. */
  async save(overwrite = false): Promise<boolean> {
    if (this.readonly) return true
    if (this.resyncRunning || this.outOfSync) await this.resync()
    const versionAtSave = this.model.getAlternativeVersionId()
    const textAtSave = this.model.getValue()
    try {
      await this.backend.call('doc.save', { uri: this.uri, overwrite })
    } catch (err) {
      if ((err as { code?: number }).code === LecternErrorCodes.SaveConflict) {
        this.setConflict('save-conflict')
        return false
      }
      throw err
    }
    this.savedVersionId = versionAtSave
    this.diskText = textAtSave
    this.setConflict(undefined)
    this.fireIfDirtyChanged()
    return true
  }

  /** Replaces the buffer with the file on disk. */
  async revert(): Promise<void> {
    const versionBefore = this.model.getVersionId()
    const doc = await this.backend.call('doc.revert', { uri: this.uri })
    if (this.disposed) return
    // Edits typed while the revert was in flight reached the core after it; make the core match the model again.
    const editedMeanwhile = this.model.getVersionId() !== versionBefore || this.outOfSync
    this.applyCoreText(doc.text)
    this.savedVersionId = this.model.getAlternativeVersionId()
    this.diskText = doc.text
    this.setConflict(undefined)
    this.fireIfDirtyChanged()
    if (editedMeanwhile) await this.resync()
  }

  /** The watcher saw this file change. Own saves and touches without a content change are ignored. */
  async handleDiskChange(kind: FileChangeKind): Promise<void> {
    if (kind === 'deleted') {
      this.setConflict('deleted')
      return
    }
    let disk: { text: string }
    try {
      disk = await this.backend.call('workspace.read', { path: this.path })
    } catch {
      return
    }
    if (this.disposed) return
    if (disk.text === this.diskText) {
      if (this.conflictKind === 'deleted') this.setConflict(undefined)
      return
    }
    if (!this.dirty) {
      await this.revert()
      return
    }
    this.setConflict('changed-on-disk')
  }

  /** Applies text that the core already has (revert) without echoing it back, as one undoable minimal edit. */
  private applyCoreText(text: string): void {
    const change = minimalChange(this.model.getValue(), text)
    if (!change?.range) return
    this.applyingFromCore = true
    try {
      this.model.pushEditOperations([], [{ range: toMonacoRange(change.range), text: change.text }], () => null)
    } finally {
      this.applyingFromCore = false
    }
  }

  private setConflict(kind: DiskConflict | undefined): void {
    if (this.conflictKind === kind) return
    this.conflictKind = kind
    this.stateChanged.fire()
  }

  private fireIfDirtyChanged(): void {
    const dirty = this.dirty
    if (dirty === this.lastDirty) return
    this.lastDirty = dirty
    this.stateChanged.fire()
  }

  dispose(): void {
    this.disposed = true
    clearTimeout(this.retryTimer)
    this.contentListener.dispose()
    this.stateChanged.dispose()
  }
}
