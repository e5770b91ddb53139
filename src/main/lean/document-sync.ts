// Keeps one project's Lean server in step with the DocumentStore: didOpen exactly once per uri per
// process, incremental didChange with the store's strictly increasing versions, didClose, didSave, and a
// full reopen of every document (current text, new version) whenever a new process starts.
// Edits made while no process runs are simply in the store's text and go out with that reopen.
import type { DependencyBuildMode, TextChange } from '../../shared/lsp'
import type { Hub } from '../hub/hub'
import { DisposableStore } from '../util/disposable'
import type { DiagnosticsStore } from './diagnostics-store'
import type { DocumentStore, OpenDocument } from './documents'
import type { LeanProcess } from './lean-process'
import type { ProjectServer } from './project-server'

export class DocumentSync {
  /** Documents of this project that the renderer has open. */
  private readonly attached = new Set<string>()
  /** Of those, the ones the current process has received didOpen for. */
  private readonly openInProcess = new Set<string>()
  private readonly disposables = new DisposableStore()

  constructor(
    private readonly server: ProjectServer,
    private readonly documents: DocumentStore,
    private readonly diagnostics: DiagnosticsStore,
    private readonly hub: Hub,
    private readonly buildMode: () => DependencyBuildMode,
  ) {
    this.disposables.add(server.onDidStart.event((proc) => this.reopenAll(proc)))
    this.disposables.add(
      server.onDidStop.event(() => {
        this.openInProcess.clear()
        for (const uri of this.attached) {
          this.diagnostics.clearWorkerCrash(uri)
          this.diagnostics.clearProgress(uri)
        }
      }),
    )
  }

  get uris(): string[] {
    return [...this.attached]
  }

  attach(doc: OpenDocument): void {
    this.attached.add(doc.uri)
    const proc = this.server.process
    if (proc) this.open(proc, doc, this.buildMode())
  }

  didChange(doc: OpenDocument, changes: TextChange[]): void {
    const proc = this.server.process
    if (!proc || !this.openInProcess.has(doc.uri) || changes.length === 0) return
    // Lean restarts a crashed worker on the next didChange (lean-protocol.md §8.1).
    this.diagnostics.clearWorkerCrash(doc.uri)
    this.notify(proc, 'textDocument/didChange', {
      textDocument: { uri: doc.uri, version: doc.version },
      contentChanges: changes.map((c) => (c.range ? { range: c.range, text: c.text } : { text: c.text })),
    })
  }

  didSave(doc: OpenDocument): void {
    const proc = this.server.process
    if (!proc || !this.openInProcess.has(doc.uri)) return
    this.notify(proc, 'textDocument/didSave', { textDocument: { uri: doc.uri }, text: doc.text })
  }

  detach(uri: string): void {
    this.attached.delete(uri)
    const proc = this.server.process
    if (proc && this.openInProcess.has(uri)) this.notify(proc, 'textDocument/didClose', { textDocument: { uri } })
    this.openInProcess.delete(uri)
  }

  /** Restart File: close and reopen with `dependencyBuildMode` (default "once") so stale imports rebuild. */
  async restartFile(uri: string, mode: DependencyBuildMode = 'once', afterClose?: () => void): Promise<void> {
    const doc = this.documents.require(uri)
    const proc = await this.server.whenRunning()
    if (this.openInProcess.has(uri)) {
      this.notify(proc, 'textDocument/didClose', { textDocument: { uri } })
      this.openInProcess.delete(uri)
    }
    afterClose?.()
    this.documents.nextVersion(uri)
    this.open(proc, doc, mode)
  }

  isOpenInProcess(uri: string): boolean {
    return this.openInProcess.has(uri)
  }

  dispose(): void {
    this.disposables.dispose()
  }

  private reopenAll(proc: LeanProcess): void {
    this.openInProcess.clear()
    for (const uri of this.attached) {
      const doc = this.documents.get(uri)
      if (!doc) continue
      this.documents.nextVersion(uri)
      this.open(proc, doc, this.buildMode())
    }
  }

  private open(proc: LeanProcess, doc: OpenDocument, mode: DependencyBuildMode): void {
    // Never a second didOpen for a uri the process already has: Lean would start a second worker.
    if (this.openInProcess.has(doc.uri)) return
    this.openInProcess.add(doc.uri)
    this.diagnostics.clearWorkerCrash(doc.uri)
    this.notify(proc, 'textDocument/didOpen', {
      textDocument: { uri: doc.uri, languageId: 'lean4', version: doc.version, text: doc.text },
      dependencyBuildMode: mode,
    })
  }

  private notify(proc: LeanProcess, method: string, params: unknown): void {
    void proc.sendNotification(method, params)
    if (this.hub.wantsLsp(method, 'client')) this.hub.publish('lsp', { direction: 'client', method, params })
  }
}
