// Editor features: hover, completion, go-to, highlights, references, rename, symbols, folding.
import { TACTIC_DOCS } from './builtins'
import { signature } from './elab-command'
import type { FileElab } from './elab-command'
import type { TermInfo } from './elab-types'
import type { ConstInfo, Env } from './expr'
import { termInfoAt } from './goals'
import { ctxFor, pp } from './pretty'
import { goToLocation } from './rpc'
import type { Pos, Range } from './text'
import type { DocWorker } from './worker'

export async function atPosition(doc: DocWorker, pos: Pos): Promise<{ fe: FileElab; off: number }> {
  const run = await doc.waitFor((r) => r.covers(r.fe.doc.offsetAt(pos)))
  return { fe: run.fe, off: run.fe.doc.offsetAt(pos) }
}

function codeBlock(s: string): string {
  return '```lean\n' + s + '\n```'
}

function constHover(fe: FileElab, ci: ConstInfo, uri: string): string {
  let out = codeBlock(signature(ctxFor(fe.env, []), ci))
  if (ci.doc) out += '\n***\n' + ci.doc
  if (!ci.loc || ci.loc.uri !== uri) out += `\n***\n*import ${ci.module}*`
  return out
}

export function hoverAt(fe: FileElab, off: number, uri: string): unknown {
  for (const t of fe.cmds.flatMap((c) => c.tactics)) {
    if (t.name && t.kwE !== undefined && t.s <= off && off < t.kwE && TACTIC_DOCS[t.name]) {
      return { range: fe.doc.range(t.s, t.kwE), contents: { kind: 'markdown', value: TACTIC_DOCS[t.name] } }
    }
  }
  const ti = termInfoAt(fe, off, false)
  if (!ti) return null
  let value: string
  if (ti.constName && ti.env.get(ti.constName)) value = constHover(fe, ti.env.get(ti.constName)!, uri)
  else {
    const ctx = ctxFor(ti.env, ti.lctx, ti.m)
    value = codeBlock(`${pp(ctx, ti.expr)} : ${pp(ctx, ti.type)}`)
  }
  return { range: fe.doc.range(ti.s, ti.e), contents: { kind: 'markdown', value } }
}

const ID_CHAR = /[\p{L}\p{N}_'!?.\u2080-\u209C]/u

function completionKind(ci: ConstInfo): number {
  if (ci.kind === 'ctor') return 4
  if (ci.kind === 'inductive') return 22
  if (/\.(left|right)$/.test(ci.name) && ci.kind === 'theorem') return 5
  return ci.type.k === 'pi' ? 3 : 21
}

export function completionAt(fe: FileElab, off: number, uri: string, pos: Pos, insertReplace: boolean): unknown {
  const text = fe.text
  let start = off
  while (start > 0 && ID_CHAR.test(text[start - 1]!)) start--
  let end = off
  while (end < text.length && ID_CHAR.test(text[end]!) && text[end] !== '.') end++
  const word = text.slice(start, off)
  if (!word) return { items: [], isIncomplete: true }
  const dot = word.lastIndexOf('.')
  const prefix = dot >= 0 ? word.slice(0, dot + 1) : ''
  const partial = word.slice(dot + 1)
  const partialStart = start + prefix.length
  const names = [...fe.env.keys()].filter((n) => n.startsWith(prefix + partial) && n.length > prefix.length)
  if (!prefix) {
    const locals = fe.cmds.flatMap((c) => c.terms).filter((t) => t.isBinder && t.s < off)
    for (const l of locals) {
      const d = l.lctx.find((x) => x.fvarId === l.fvarId)
      if (d && d.userName.startsWith(partial) && !names.includes(d.userName)) names.push(d.userName)
    }
  }
  const items = names.sort().map((full) => {
    const ci = fe.env.get(full)
    const label = full.slice(prefix.length)
    const item: Record<string, unknown> = {
      label,
      kind: ci ? completionKind(ci) : 6,
      data: [`«external:${uri}»`, pos.line, pos.character, 1, `c${full}`],
    }
    if (insertReplace) {
      item.textEdit = { newText: label, insert: fe.doc.range(partialStart, off), replace: fe.doc.range(partialStart, Math.max(off, end)) }
    }
    return item
  })
  return { items, isIncomplete: true }
}

export function resolveCompletion(item: Record<string, unknown>, env: Env | undefined): unknown {
  const data = item.data
  if (!env || !Array.isArray(data) || typeof data[4] !== 'string' || !data[4].startsWith('c')) return item
  const ci = env.get(data[4].slice(1))
  if (!ci) return item
  const out: Record<string, unknown> = { ...item, detail: pp(ctxFor(env, []), ci.type) }
  if (ci.doc) out.documentation = { kind: 'markdown', value: ci.doc }
  return out
}

export function definitionAt(fe: FileElab, off: number, uri: string, kind: 'definition' | 'declaration' | 'type'): unknown[] {
  const ti = termInfoAt(fe, off, true)
  if (!ti) return []
  const origin = fe.doc.range(ti.s, ti.e)
  if (ti.fvarId && kind !== 'type') {
    const binder = fe.cmds.flatMap((c) => c.terms).find((t) => t.isBinder && t.fvarId === ti.fvarId)
    if (!binder) return []
    const r = fe.doc.range(binder.s, binder.e)
    return [{ originSelectionRange: origin, targetUri: uri, targetRange: r, targetSelectionRange: r }]
  }
  const links = goToLocation(ti, kind) as Record<string, unknown>[]
  return links.map((l) => ({ originSelectionRange: origin, ...l }))
}

function sameSymbol(a: TermInfo, b: TermInfo): boolean {
  return (!!a.constName && a.constName === b.constName) || (!!a.fvarId && a.fvarId === b.fvarId)
}

/** All ranges in `fe` that refer to the symbol under `off` (including its declaration name). */
export function occurrences(fe: FileElab, off: number): Range[] | undefined {
  const ti = termInfoAt(fe, off, true)
  const decl = fe.cmds.find((c) => c.decl && c.decl.nameS <= off && off <= c.decl.nameE)?.decl
  const name = decl?.name ?? ti?.constName
  if (!ti && !decl) return undefined
  const spans = new Map<string, [number, number]>()
  for (const t of fe.cmds.flatMap((c) => c.terms)) {
    if ((ti && !decl && sameSymbol(ti, t)) || (name && t.constName === name)) spans.set(`${t.s}:${t.e}`, [t.s, t.e])
  }
  for (const c of fe.cmds) if (name && c.decl?.name === name) spans.set(`${c.decl.nameS}:${c.decl.nameE}`, [c.decl.nameS, c.decl.nameE])
  return [...spans.values()].sort((a, b) => a[0] - b[0]).map(([s, e]) => fe.doc.range(s, e))
}

/** The global constant at `off` (a declaration's name or a use of one), as written there; locals give undefined. */
export function constantWrittenAt(fe: FileElab, off: number): string | undefined {
  const decl = fe.cmds.find((c) => c.decl && c.decl.nameS <= off && off <= c.decl.nameE)?.decl
  if (decl) return fe.text.slice(decl.nameS, decl.nameE)
  const ti = termInfoAt(fe, off, true)
  return ti?.constName ? fe.text.slice(ti.s, ti.e) : undefined
}

export function highlightsAt(fe: FileElab, off: number): unknown[] {
  return (occurrences(fe, off) ?? []).map((range) => ({ range, kind: 1 }))
}

/**
 * Like Lean's handleDocumentSymbol: `namespace`/`section` … `end` become namespace symbols (kind 3, "<section>"
 * when anonymous) holding what is inside; declarations are methods (kind 6) named as written, without children.
 * An unclosed scope runs to the end of the file.
 */
export function documentSymbols(fe: FileElab): unknown[] {
  const text = fe.doc.text
  interface Level { outer: unknown[]; name: string; s: number; selS: number; selE: number }
  const stack: Level[] = []
  let syms: unknown[] = []
  const close = (level: Level, stop: number) => {
    const children = syms
    syms = level.outer
    syms.push({
      name: level.name,
      kind: 3,
      range: fe.doc.range(level.s, stop),
      selectionRange: fe.doc.range(level.selS, level.selE),
      children,
    })
  }
  for (const c of fe.cmds) {
    if (c.scope?.kind === 'namespace' || c.scope?.kind === 'section') {
      const name = c.scope.name
      const at = name ? text.indexOf(name, c.s) : -1
      const [selS, selE] = at >= 0 && at < c.e ? [at, at + name!.length] : [c.s, c.e]
      stack.push({ outer: syms, name: name ?? '<section>', s: c.s, selS, selE })
      syms = []
    } else if (c.scope?.kind === 'end') {
      const level = stack.pop()
      if (level) close(level, c.e)
    } else if (c.decl) {
      syms.push({
        name: text.slice(c.decl.nameS, c.decl.nameE),
        kind: 6,
        range: fe.doc.range(c.decl.s, c.decl.e),
        selectionRange: fe.doc.range(c.decl.nameS, c.decl.nameE),
      })
    }
  }
  while (stack.length > 0) close(stack.pop()!, text.length)
  return syms
}

export function foldingRanges(fe: FileElab): unknown[] {
  const out: unknown[] = []
  const lineOf = (o: number) => fe.doc.positionAt(o).line
  if (fe.imports.length > 1) out.push({ startLine: lineOf(fe.imports[0]!.s), endLine: lineOf(fe.imports[fe.imports.length - 1]!.e), kind: 'imports' })
  for (const c of fe.parsed.comments) {
    if (lineOf(c.e) > lineOf(c.s)) out.push({ startLine: lineOf(c.s), endLine: lineOf(c.e), kind: 'comment' })
  }
  for (const c of fe.cmds) {
    if (lineOf(c.e) > lineOf(c.s)) out.push({ startLine: lineOf(c.s), endLine: lineOf(c.e), kind: 'region' })
  }
  return out
}

export function workspaceSymbols(docs: Iterable<DocWorker>, query: string): unknown[] {
  const q = query.toLowerCase()
  const out: unknown[] = []
  for (const d of docs) {
    const fe = d.run?.fe
    if (!fe) continue
    for (const c of fe.cmds) {
      if (c.decl && c.decl.name.toLowerCase().includes(q)) {
        out.push({ name: c.decl.name, kind: 6, location: { uri: d.uri, range: fe.doc.range(c.decl.nameS, c.decl.nameE) } })
      }
    }
  }
  return out
}
