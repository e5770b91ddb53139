// Latest diagnostics per open document, as the core published them. Markers, gutter icons, the Problems panel
// and the status bar counts all read this one store. Pure: no DOM, no Monaco.
import type { LeanDiagnostic } from '../../../shared/lsp'
import { type Disposable, Emitter } from './disposables'

export interface SeverityCounts {
  errors: number
  warnings: number
  infos: number
}

/** Diagnostics worth showing: Lean marks some as silent (only for the infoview at the cursor). */
export function visibleDiagnostics(diagnostics: readonly LeanDiagnostic[]): LeanDiagnostic[] {
  return diagnostics.filter((d) => !d.isSilent)
}

/** Severity with LSP's default: a diagnostic without one is an error. */
export function severityOf(d: LeanDiagnostic): 1 | 2 | 3 | 4 {
  return d.severity ?? 1
}

export function countSeverities(diagnostics: Iterable<LeanDiagnostic>): SeverityCounts {
  const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0 }
  for (const d of diagnostics) {
    if (d.isSilent) continue
    const s = severityOf(d)
    if (s === 1) counts.errors++
    else if (s === 2) counts.warnings++
    else counts.infos++
  }
  return counts
}

// A store hands out the same array until that file's diagnostics change, so a list is counted once, not once per
// frame that shows a total.
const countsCache = new WeakMap<readonly LeanDiagnostic[], SeverityCounts>()
function countsOf(list: readonly LeanDiagnostic[]): SeverityCounts {
  let counts = countsCache.get(list)
  if (!counts) countsCache.set(list, (counts = countSeverities(list)))
  return counts
}

/** Sums of the lists' counts (each list counted once while it is current). */
export function totalCounts(lists: Iterable<readonly LeanDiagnostic[]>): SeverityCounts {
  const total: SeverityCounts = { errors: 0, warnings: 0, infos: 0 }
  for (const list of lists) {
    const c = countsOf(list)
    total.errors += c.errors
    total.warnings += c.warnings
    total.infos += c.infos
  }
  return total
}

export interface GutterLine {
  /** 0-based line where a squiggle starts. */
  line: number
  /** The most severe of the line's diagnostics. */
  severity: 1 | 2 | 3 | 4
  messages: string[]
}

/** Gutter icons: one per line where a squiggle starts, with the line's most severe icon and all its messages. */
export function gutterLines(diagnostics: readonly LeanDiagnostic[]): GutterLine[] {
  const byLine = new Map<number, GutterLine>()
  for (const d of diagnostics) {
    if (d.isSilent) continue
    const line = d.range.start.line
    const g = byLine.get(line)
    if (!g) byLine.set(line, { line, severity: severityOf(d), messages: [d.message] })
    else {
      g.messages.push(d.message)
      if (severityOf(d) < g.severity) g.severity = severityOf(d)
    }
  }
  return [...byLine.values()]
}

export function firstLine(message: string): string {
  const nl = message.indexOf('\n')
  return nl < 0 ? message : message.slice(0, nl)
}

export const STALE_IMPORTS_TEXT = 'Imports are out of date'

export function mentionsStaleImports(d: LeanDiagnostic): boolean {
  return d.message.includes(STALE_IMPORTS_TEXT)
}

export interface PublishedDiagnostics {
  uri: string
  version?: number
  diagnostics: readonly LeanDiagnostic[]
}

export class DiagnosticsStore {
  private readonly byUri = new Map<string, LeanDiagnostic[]>()
  private readonly versions = new Map<string, number>()
  private readonly changed = new Emitter<string>()
  /** Fires with the uri whose diagnostics changed. */
  readonly onDidChange = this.changed.event

  /** `version`: the document version the server published them for, when it said. */
  set(uri: string, diagnostics: LeanDiagnostic[], version?: number): void {
    if (diagnostics.length === 0 && !this.byUri.has(uri)) return
    if (version === undefined) this.versions.delete(uri)
    else this.versions.set(uri, version)
    if (diagnostics.length === 0) this.byUri.delete(uri)
    else this.byUri.set(uri, diagnostics)
    this.changed.fire(uri)
  }

  delete(uri: string): void {
    this.versions.delete(uri)
    if (this.byUri.delete(uri)) this.changed.fire(uri)
  }

  /**
   * Every file's current list, then each change (an empty list when a file's are cleared or it closes). The
   * infoview reads diagnostics here rather than subscribing again: one publish of thousands then crosses the
   * socket and is parsed once, not once per subscriber.
   */
  watch(listener: (published: PublishedDiagnostics) => void): Disposable {
    const publish = (uri: string) => {
      const version = this.versions.get(uri)
      listener({ uri, ...(version === undefined ? {} : { version }), diagnostics: this.get(uri) })
    }
    for (const uri of this.byUri.keys()) publish(uri)
    return this.onDidChange(publish)
  }

  get(uri: string): readonly LeanDiagnostic[] {
    return this.byUri.get(uri) ?? []
  }

  uris(): string[] {
    return [...this.byUri.keys()]
  }

  totals(): SeverityCounts {
    return totalCounts(this.byUri.values())
  }

  dispose(): void {
    this.changed.dispose()
    this.byUri.clear()
    this.versions.clear()
  }
}
