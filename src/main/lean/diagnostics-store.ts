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

/**
 * Progress is a state, not a log: each event replaces the last. Lean can report it per command, thousands of
 * times a second while it re-elaborates a big file after each keystroke; subscribers get the first change at
 * once and then the latest at most every PROGRESS_INTERVAL_MS, so the flood never reaches the window.
 */
const PROGRESS_INTERVAL_MS = 50

export class DiagnosticsStore {
  private readonly diagnostics = new Map<string, DiagnosticsEvent>()
  private readonly progress = new Map<string, ProgressEvent>()
  /** When each uri's progress was last published, and the trailing publish due for it, if any. */
  private readonly progressSentAt = new Map<string, number>()
  private readonly progressDue = new Map<string, ReturnType<typeof setTimeout>>()
  private disposed = false
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
    // An error published after a fatal stop explains it: not a crash after all.
    const progress = this.progress.get(params.uri)
    if (progress?.workerCrash !== undefined && this.workerCrashOf(params.uri, progress.processing) === undefined) this.republishProgress(params.uri)
    return event
  }

  applyProgress(params: FileProgressParams): void {
    const uri = params.textDocument.uri
    const event: ProgressEvent = { uri, version: params.textDocument.version ?? 0, processing: params.processing }
    const crash = this.workerCrashOf(uri, params.processing)
    if (crash !== undefined) event.workerCrash = crash
    this.progress.set(uri, event)
    if (this.progressDue.has(uri)) return // the due publish sends this latest state
    const wait = PROGRESS_INTERVAL_MS - (Date.now() - (this.progressSentAt.get(uri) ?? 0))
    if (wait <= 0 || this.disposed) return this.publishProgress(uri)
    this.progressDue.set(uri, setTimeout(() => this.publishProgress(uri), wait))
  }

  private publishProgress(uri: string): void {
    const due = this.progressDue.get(uri)
    if (due) clearTimeout(due)
    this.progressDue.delete(uri)
    const event = this.progress.get(uri)
    if (!event) return
    this.progressSentAt.set(uri, Date.now())
    this.hub.publish('progress', event)
  }

  /** Publishes the progress held back by the interval, and holds nothing back from now on. */
  dispose(): void {
    this.disposed = true
    for (const uri of [...this.progressDue.keys()]) this.publishProgress(uri)
  }

  workerCrash(uri: string): string | undefined {
    return this.progress.get(uri)?.workerCrash
  }

  /**
   * Lean's message from a request that failed with the crash; otherwise, when nothing was in flight to fail,
   * what the progress shows: processing stopped fatally from the start of the file with no error to say why.
   * (Every other fatal stop — a header error, imports to rebuild, a failed `lake setup-file` — publishes an error.)
   */
  private workerCrashOf(uri: string, processing: FileProgressProcessingInfo[]): string | undefined {
    const explicit = this.crashes.get(uri)
    if (explicit !== undefined) return explicit
    const fatal = processing.some((p) => p.kind === 2 && p.range.start.line === 0 && p.range.start.character === 0)
    if (!fatal || this.diagnostics.get(uri)?.diagnostics.some((d) => d.severity === 1)) return undefined
    return "Lean's worker for this file stopped with no error message; it likely crashed (a stack overflow or a bug)."
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
    this.publishProgress(uri)
    this.progress.delete(uri)
    this.progressSentAt.delete(uri)
    if (prev) {
      this.hub.publish('diagnostics', { uri, version: prev.version, diagnostics: [] })
      this.diagnostics.delete(uri)
    }
  }
}

function opt<T>(v: T | undefined): T[] {
  return v === undefined ? [] : [v]
}
