// Long diagnostics lists travel in parts, so no single message is megabytes long: the core's `chunk` subscriptions
// (channels.ts) and the window's calls into the infoview frame. These split a list and join it back.
import type { DiagnosticsEvent } from './channels'
import type { LeanDiagnostic } from './lsp'

/** Anything carrying one file's list, perhaps as one part of it. */
export interface DiagnosticsList {
  diagnostics: readonly LeanDiagnostic[]
  part?: { index: number; count: number }
}

/** Splits one list into parts of at most `chunk` (one event, without `part`, when it is no longer). */
export function diagnosticsParts<E extends DiagnosticsList>(event: E, chunk: number): E[] {
  const { part: _whole, ...rest } = event
  if (event.diagnostics.length <= chunk) return [rest as E]
  const count = Math.ceil(event.diagnostics.length / chunk)
  return Array.from({ length: count }, (_, index) => ({ ...rest, diagnostics: event.diagnostics.slice(index * chunk, (index + 1) * chunk), part: { index, count } }) as unknown as E)
}

/** One per file: feed it every event, get the whole list when it is complete. */
export class DiagnosticsParts<E extends DiagnosticsList = DiagnosticsEvent> {
  private parts: (readonly LeanDiagnostic[])[] = []

  /** The whole event once its last part has arrived (at once for an event that is not in parts). */
  accept(event: E): Omit<E, 'part'> | undefined {
    const { part, ...whole } = event
    if (!part) {
      this.parts = []
      return whole
    }
    if (part.index === 0) this.parts = []
    // A part went missing (the connection dropped in the middle): drop the rest; the next list is whole again.
    if (part.index !== this.parts.length) {
      this.parts = []
      return undefined
    }
    this.parts.push(event.diagnostics)
    if (this.parts.length < part.count) return undefined
    const diagnostics = this.parts.flat()
    this.parts = []
    return { ...whole, diagnostics }
  }
}
