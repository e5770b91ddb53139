// Latest diagnostics and file progress per uri, as the channels replay them. Lean may send diagnostics
// incrementally (`isIncremental: true` appends to the same version); we always hold and publish full lists.
import type { DiagnosticsEvent, ProgressEvent } from '../../shared/channels'
import type { FileProgressProcessingInfo, LeanDiagnostic } from '../../shared/lsp'
import type { Hub } from '../hub/hub'
import { LatestThrottle } from './latest-throttle'

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

/**
 * Diagnostics too: Lean publishes the file's whole list so far each time a command adds messages (or appends with
 * `isIncremental`, which we fold into the whole list). A noisy file makes that thousands of growing lists; each
 * reaches subscribers at once if the last went out long enough ago, else the latest does when it has. The wait
 * grows with the list that went out last (the window spends time on a list in proportion to its length): 50 ms up
 * to 500, after one of 5,000. So a long list after a short one (a linter's warnings after an edit cleared them) is
 * not held back for the short one's sake.
 */
export function diagnosticsIntervalMs(count: number): number {
  return Math.min(500, Math.max(PROGRESS_INTERVAL_MS, Math.round(count / 10)))
}

export class DiagnosticsStore {
  private readonly diagnostics = new Map<string, DiagnosticsEvent>()
  private readonly progress = new Map<string, ProgressEvent>()
  private readonly diagnosticsOut = new LatestThrottle((uri) => this.publishDiagnostics(uri))
  /** Per uri, the length of the list that went out last. */
  private readonly sentCounts = new Map<string, number>()
  private readonly progressOut = new LatestThrottle((uri) => this.publishProgress(uri))
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
    this.diagnosticsOut.changed(params.uri, diagnosticsIntervalMs(this.sentCounts.get(params.uri) ?? 0))
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
    this.progressOut.changed(uri, PROGRESS_INTERVAL_MS)
  }

  private publishDiagnostics(uri: string): void {
    const event = this.diagnostics.get(uri)
    if (!event) return
    this.sentCounts.set(uri, event.diagnostics.length)
    this.hub.publish('diagnostics', event)
  }

  private publishProgress(uri: string): void {
    const event = this.progress.get(uri)
    if (event) this.hub.publish('progress', event)
  }

  /** Publishes what the intervals held back, and holds nothing back from now on. */
  dispose(): void {
    this.diagnosticsOut.dispose()
    this.progressOut.dispose()
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
    if (this.progressOut.pending(uri)) this.progressOut.flush(uri)
    this.progressOut.forget(uri)
    this.progress.delete(uri)
    this.diagnosticsOut.forget(uri)
    this.sentCounts.delete(uri)
    if (prev) {
      this.diagnostics.delete(uri)
      this.hub.publish('diagnostics', { uri, version: prev.version, diagnostics: [] })
    }
  }
}

function opt<T>(v: T | undefined): T[] {
  return v === undefined ? [] : [v]
}
