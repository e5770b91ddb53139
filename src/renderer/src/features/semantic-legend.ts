// Monaco asks a semantic-tokens provider for its legend once, synchronously, at registration; the server's legend
// only arrives with its initialize result. So the provider declares Lean's legend (lean-protocol.md §3.4) and
// re-encodes the data of any server whose legend differs. Pure, unit-tested.
import type { SemanticTokensLegend } from './lsp-types'

export const LEAN_SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: [
    'keyword', 'variable', 'property', 'function', 'namespace', 'type', 'class', 'enum', 'interface', 'struct',
    'typeParameter', 'parameter', 'enumMember', 'event', 'method', 'macro', 'modifier', 'comment', 'string', 'number',
    'regexp', 'operator', 'decorator', 'leanSorryLike',
  ],
  tokenModifiers: [
    'declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification',
    'documentation', 'defaultLibrary',
  ],
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

export function sameLegend(a: SemanticTokensLegend, b: SemanticTokensLegend): boolean {
  return sameList(a.tokenTypes, b.tokenTypes) && sameList(a.tokenModifiers, b.tokenModifiers)
}

/**
 * Re-encodes LSP semantic token data (5-tuples: Δline, Δstart, length, type, modifier bits) from the server's
 * legend to ours. Tokens of a type we do not know are dropped (the following token's deltas are adjusted);
 * unknown modifier bits are cleared.
 */
export function remapSemanticTokens(
  data: readonly number[],
  from: SemanticTokensLegend,
  to: SemanticTokensLegend = LEAN_SEMANTIC_LEGEND,
): Uint32Array {
  if (sameLegend(from, to)) return Uint32Array.from(data)
  const typeMap = from.tokenTypes.map((t) => to.tokenTypes.indexOf(t))
  const modifierMap = from.tokenModifiers.map((m) => to.tokenModifiers.indexOf(m))
  const out: number[] = []
  let line = 0
  let char = 0
  let lastLine = 0
  let lastChar = 0
  for (let i = 0; i + 4 < data.length; i += 5) {
    const dLine = data[i]
    line += dLine
    char = dLine === 0 ? char + data[i + 1] : data[i + 1]
    const type = typeMap[data[i + 3]] ?? -1
    if (type < 0) continue
    let modifiers = 0
    for (let bit = 0, bits = data[i + 4]; bits !== 0; bit++, bits >>>= 1) {
      if (bits & 1 && (modifierMap[bit] ?? -1) >= 0) modifiers |= 1 << modifierMap[bit]
    }
    out.push(line - lastLine, line === lastLine ? char - lastChar : char, data[i + 2], type, modifiers >>> 0)
    lastLine = line
    lastChar = char
  }
  return Uint32Array.from(out)
}

/** Reads `capabilities.semanticTokensProvider.legend` out of a raw InitializeResult. */
export function legendOfInitializeResult(result: unknown): SemanticTokensLegend | undefined {
  const legend = (result as { capabilities?: { semanticTokensProvider?: { legend?: SemanticTokensLegend } } } | null)
    ?.capabilities?.semanticTokensProvider?.legend
  if (!legend || !Array.isArray(legend.tokenTypes) || !Array.isArray(legend.tokenModifiers)) return undefined
  return legend
}
