// Semantic tokens (relative encoding with the legend of §3.4), code actions and selection ranges.
import type { FileElab } from './elab-command'
import type { Range } from './text'

export const TOKEN_TYPES = [
  'keyword', 'variable', 'property', 'function', 'namespace', 'type', 'class', 'enum', 'interface', 'struct',
  'typeParameter', 'parameter', 'enumMember', 'event', 'method', 'macro', 'modifier', 'comment', 'string', 'number',
  'regexp', 'operator', 'decorator', 'leanSorryLike',
]
export const TOKEN_MODIFIERS = [
  'declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation',
  'defaultLibrary',
]
const KEYWORD = 0
const VARIABLE = 1
const SORRY = TOKEN_TYPES.indexOf('leanSorryLike')

/** Semantic tokens for the offsets [from, to). */
export function semanticTokens(fe: FileElab, from: number, to: number): { data: number[] } {
  const toks: { s: number; e: number; type: number; mods: number }[] = []
  const seen = new Set<number>()
  const add = (s: number, e: number, type: number, mods = 0) => {
    if (s < from || s >= to || seen.has(s)) return
    seen.add(s)
    toks.push({ s, e, type, mods })
  }
  for (const t of fe.parsed.tokens) {
    if (t.kind === 'kw') add(t.s, t.e, t.text === 'sorry' ? SORRY : KEYWORD)
  }
  for (const c of fe.cmds) {
    for (const t of c.tactics) if (t.name && t.name !== 'by' && t.kwE !== undefined) add(t.s, t.kwE, t.name === 'sorry' ? SORRY : KEYWORD)
    for (const t of c.terms) if (t.fvarId && fe.text.slice(t.s, t.e).match(/^[^\s()]+$/)) add(t.s, t.e, VARIABLE, t.isBinder ? 1 : 0)
  }
  toks.sort((a, b) => a.s - b.s)
  const data: number[] = []
  let line = 0
  let char = 0
  for (const t of toks) {
    const p = fe.doc.positionAt(t.s)
    const q = fe.doc.positionAt(t.e)
    const len = q.line === p.line ? q.character - p.character : fe.doc.lineStart(p.line + 1) - 1 - t.s
    data.push(p.line - line, p.line === line ? p.character - char : p.character, len, t.type, t.mods)
    line = p.line
    char = p.character
  }
  return { data }
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: { line: number; character: number }, y: { line: number; character: number }) =>
    x.line < y.line || (x.line === y.line && x.character <= y.character)
  return before(a.start, b.end) && before(b.start, a.end)
}

export function codeActions(fe: FileElab, uri: string, version: number, range: Range): unknown[] {
  const out: unknown[] = []
  for (const c of fe.cmds) {
    for (const sug of c.simp) {
      const r = fe.doc.range(sug.s, sug.e)
      if (!overlaps(r, range)) continue
      out.push({
        title: `Try this: ${sug.replacement}`,
        kind: 'quickfix',
        isPreferred: true,
        edit: { documentChanges: [{ textDocument: { uri, version }, edits: [{ range: r, newText: sug.replacement }] }] },
      })
    }
  }
  return out
}

export function selectionRanges(fe: FileElab, positions: { line: number; character: number }[]): unknown[] {
  return positions.map((p) => {
    const off = fe.doc.offsetAt(p)
    const cmd = fe.cmds.find((c) => c.s <= off && off <= c.e)
    const parent = cmd ? { range: fe.doc.range(cmd.s, cmd.e) } : undefined
    const tok = fe.parsed.tokens.find((t) => t.s <= off && off <= t.e)
    if (tok) return { range: fe.doc.range(tok.s, tok.e), ...(parent ? { parent } : {}) }
    return parent ?? { range: { start: p, end: p } }
  })
}
