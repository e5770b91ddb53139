// The Problems panel model with many diagnostics: store, rows and gutter icons for 20,000 diagnostics against
// 200, in one run. Linear work gives a per-diagnostic ratio near 1; this was once a test with a 500 ms limit.
import type { LeanDiagnostic } from '../src/shared/lsp'
import { DiagnosticsStore, gutterLines } from '../src/renderer/src/workbench/diagnostics-store'
import { problemRows } from '../src/renderer/src/workbench/problems-panel'

function diagnostics(n: number): LeanDiagnostic[] {
  return Array.from({ length: n }, (_, i) => ({
    range: { start: { line: i, character: 0 }, end: { line: i, character: 4 } },
    severity: ((i % 3) + 1) as 1 | 2 | 3,
    message: `message ${i}`,
    source: 'Lean 4',
  }))
}

function msFor(n: number, rounds: number): number {
  const list = diagnostics(n)
  const t = performance.now()
  for (let r = 0; r < rounds; r++) {
    const store = new DiagnosticsStore()
    store.set('file:///big.lean', list.slice()) // a new publish: a new array, as the core sends
    problemRows(store, () => 'big.lean')
    gutterLines(list)
  }
  return (performance.now() - t) / rounds
}

export function problemsModelBench(): Record<string, number> {
  msFor(2000, 3) // warm up the JIT
  const small = msFor(200, 50)
  const large = msFor(20_000, 5)
  return { ms200: small, ms20000: large, perDiagnosticRatio: large / 20_000 / (small / 200) }
}
