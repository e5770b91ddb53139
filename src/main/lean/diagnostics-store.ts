// Latest diagnostics and file progress per uri, as the channels replay them. Lean may send diagnostics
// incrementally (`isIncremental: true` appends to the same version); we always hold and publish full lists.
import type { DiagnosticsEvent, ProgressEvent } from '../../shared/channels'
import type { FileProgressProcessingInfo, LeanDiagnostic } from '../../shared/lsp'
import type { Hub } from '../hub/hub'

interface PublishParams {
  uri: string
  version?: number
  diagnostics: LeanDiagnostic[]
  isIncremental?: boolean
}

interface FileProgressParams {
  textDocument: { uri: string; version?: number }
  processing: FileProgressProcessingInfo[]
}

export class DiagnosticsStore {
  private readonly diagnostics = new Map<string, DiagnosticsEvent>()
  private readonly progress = new Map<string, ProgressEvent>()
  /** Files whose worker crashed, with Lean's message; until the next edit or reopen restarts it. */
  private readonly crashes = new Map<string, string>()

  constructor(private readonly hub: Hub) {
    hub.setReplay('diagnostics', (f) => (f.uri ? opt(this.diagnostics.get(f.uri)) : [...this.diagnostics.values()]))
    hub.setReplay('progress', (f) => (f.uri ? opt(this.progress.get(f.uri)) : [...this.progress.values()]))
  }

  getDiagnostics(uri: string): DiagnosticsEvent | undefined {
    return this.diagnostics.get(uri)
  }

  getProgress(uri: string): ProgressEvent | undefined {
    return this.progress.get(uri)
  }

  /** Applies a `textDocument/publishDiagnostics` and returns the full list now current for the uri. */
  applyPublish(params: PublishParams): DiagnosticsEvent {
    const version = params.version ?? 0
    const prev = this.diagnostics.get(params.uri)
    const append = params.isIncremental === true && prev !== undefined && prev.version === version
    const event: DiagnosticsEvent = {
      uri: params.uri,
      version,
      diagnostics: append ? [...prev.diagnostics, ...params.diagnostics] : params.diagnostics,
    }
    this.diagnostics.set(params.uri, event)
    this.hub.publish('diagnostics', event)
    return event
  }

  applyProgress(params: FileProgressParams): void {
    const uri = params.textDocument.uri
    const event: ProgressEvent = { uri, version: params.textDocument.version ?? 0, processing: params.processing }
    const crash = this.crashes.get(uri)
    if (crash !== undefined) event.workerCrash = crash
    this.progress.set(uri, event)
    this.hub.publish('progress', event)
  }

  workerCrash(uri: string): string | undefined {
    return this.crashes.get(uri)
  }

  /** A request for this file failed because its worker crashed: say so with its progress until it restarts. */
  markWorkerCrashed(uri: string, message: string): void {
    if (this.crashes.get(uri) === message) return
    this.crashes.set(uri, message)
    this.republishProgress(uri)
  }

  /** The file's worker is being restarted (an edit, a reopen, a new server). */
  clearWorkerCrash(uri: string): void {
    if (this.crashes.delete(uri)) this.republishProgress(uri)
  }

  private republishProgress(uri: string): void {
    const prev = this.progress.get(uri)
    this.applyProgress({ textDocument: { uri, version: prev?.version ?? 0 }, processing: prev?.processing ?? [] })
  }

  /** The server for this uri went away: nothing is being processed any more. */
  clearProgress(uri: string): void {
    const prev = this.progress.get(uri)
    if (!prev || prev.processing.length === 0) return
    this.applyProgress({ textDocument: { uri, version: prev.version }, processing: [] })
  }

  /** The document was closed: forget it and tell subscribers its diagnostics are gone. */
  forget(uri: string): void {
    const prev = this.diagnostics.get(uri)
    this.crashes.delete(uri)
    this.clearProgress(uri)
    this.progress.delete(uri)
    if (prev) {
      this.hub.publish('diagnostics', { uri, version: prev.version, diagnostics: [] })
      this.diagnostics.delete(uri)
    }
  }
}

function opt<T>(v: T | undefined): T[] {
  return v === undefined ? [] : [v]
}
