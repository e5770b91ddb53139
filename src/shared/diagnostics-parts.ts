// Joins a diagnostics subscription's events back into whole lists when it asked for `chunk` (channels.ts).
import type { DiagnosticsEvent } from './channels'
import type { LeanDiagnostic } from './lsp'

/** Splits one list into the events a `chunk` subscription receives (the core's side). */
export function diagnosticsParts(event: DiagnosticsEvent, chunk: number): DiagnosticsEvent[] {
  const { part: _whole, ...rest } = event
  if (event.diagnostics.length <= chunk) return [rest]
  const count = Math.ceil(event.diagnostics.length / chunk)
  return Array.from({ length: count }, (_, index) => ({ ...rest, diagnostics: event.diagnostics.slice(index * chunk, (index + 1) * chunk), part: { index, count } }))
}

/** One per subscription (one uri): feed it every event, get the whole list when it is complete. */
export class DiagnosticsParts {
  private parts: LeanDiagnostic[][] = []

  /** The whole event once its last part has arrived (at once for an event that is not in parts). */
  accept(event: DiagnosticsEvent): DiagnosticsEvent | undefined {
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
