// Command elaboration: the import header, declarations, #eval, #check, namespaces.
import { builtinEnv, isToolchainModule } from './builtins'
import {
  type CmdResult, type DeclSym, ElabErr, type Goal, type ImportInfo, type Msg, type MsgPart, txt,
} from './elab-types'
import { TacticElab } from './elab-tactic'
import { type AutoBound, TermElab } from './elab-term'
import {
  type ConstInfo, type Env, type Expr, type LCtx, MCtx, abstractFVar, containsSorry, headArgs, instantiate,
  isProp, nf, pi,
} from './expr'
import type { Command, CommandNode } from './parser'
import { parseFile } from './parse-file'
import { type PPCtx, ctxFor, pp } from './pretty'
import { WORKER_CRASH_MARKER } from './knobs'
import { TextDoc, moduleOfUri } from './text'
import type { ParsedFile } from './parser'

export interface ModuleSource {
  uri: string
  text: string
}

export interface ElabOptions {
  uri: string
  /** Project root (the server's cwd). */
  root: string
  resolveModule: (mod: string) => ModuleSource | undefined
  visiting?: Set<string>
}

export interface FileElab {
  text: string
  doc: TextDoc
  parsed: ParsedFile
  imports: ImportInfo[]
  /** Offset where the header ends (start of the first command after the imports). */
  headerEnd: number
  headerError?: Msg
  cmds: CmdResult[]
  /** Offset of a `-- double: worker-crash` line. */
  crashAt?: number
  env: Env
  /** Constants declared in this file. */
  local: ConstInfo[]
}

export function elabFile(text: string, opts: ElabOptions): FileElab {
  const doc = new TextDoc(text)
  const parsed = parseFile(text)
  const env = builtinEnv()
  const commands = parsed.commands
  const imports: ImportInfo[] = []
  const out: FileElab = { text, doc, parsed, imports, headerEnd: 0, cmds: [], env, local: [] }
  const crash = parsed.comments.find((c) => c.text.trim() === WORKER_CRASH_MARKER)
  if (crash) out.crashAt = crash.s

  let idx = 0
  let headerError: string | undefined
  const visiting = new Set(opts.visiting ?? [])
  visiting.add(opts.uri)
  while (idx < commands.length && commands[idx]!.node.k === 'import') {
    const c = commands[idx]!
    const node = c.node as CommandNode & { k: 'import' }
    if (c.errors.length) headerError ??= c.errors[0]!.msg
    const info: ImportInfo = { module: node.module, s: node.modS, e: node.modE }
    imports.push(info)
    if (!headerError && !isToolchainModule(node.module)) {
      const src = opts.resolveModule(node.module)
      if (!src || visiting.has(src.uri)) headerError = unknownModule(node.module, opts.root, !!src)
      else {
        info.uri = src.uri
        const sub = elabFile(src.text, { ...opts, uri: src.uri, visiting })
        if (sub.headerError) headerError = `failed to import '${node.module}': ${flatText(sub.headerError.parts)}`
        for (const [k, v] of sub.env) if (!env.has(k)) env.set(k, v)
      }
    }
    idx++
  }
  out.headerEnd = idx < commands.length ? commands[idx]!.s : text.length
  if (headerError) {
    const s = commands[0]?.s ?? 0
    out.headerError = { s, e: null, severity: 1, parts: [txt(headerError)], env, m: new MCtx() }
    return out
  }

  let uniqN = 1000
  const uniq = () => `_uniq.${uniqN++}`
  const scopes: { kind: 'namespace' | 'section'; names: string[] }[] = []
  const nextTokenStart = (off: number): number => {
    const t = parsed.tokens.find((tok) => tok.s >= off)
    return t ? t.s : text.length
  }
  for (let k = idx; k < commands.length; k++) {
    const c = commands[k]!
    const next = k + 1 < commands.length ? commands[k + 1]!.s : text.length
    const r: CmdResult = { s: c.s, e: c.e, next, msgs: [], terms: [], tactics: [], simp: [] }
    const m = new MCtx()
    for (const pe of c.errors) r.msgs.push({ s: pe.pos, e: null, severity: 1, parts: [txt(pe.msg)], env, m })
    const ns = scopes.flatMap((s) => s.names)
    const te = new TermElab(env, m, r.terms, ns, uniq)
    const err = (s: number, e: number | null, parts: MsgPart[], severity: 1 | 2 | 3 = 1) => r.msgs.push({ s, e, severity, parts, env, m })
    const node = c.node
    try {
      switch (node.k) {
        case 'decl':
          elabDecl(c, node, r, te, new TacticElab(te, nextTokenStart, r.msgs, r.tactics, r.simp), opts, doc, out)
          break
        case 'eval':
        case 'check':
          if (node.term) elabEvalCheck(node, te, err)
          break
        case 'namespace':
          scopes.push({ kind: 'namespace', names: node.name!.split('.') })
          r.scope = { kind: 'namespace', name: node.name }
          break
        case 'section':
          scopes.push({ kind: 'section', names: [] })
          r.scope = { kind: 'section', name: node.name }
          break
        case 'end': {
          r.scope = { kind: 'end', name: node.name }
          const top = scopes.pop()
          if (!top) err(c.s, c.e, [txt("invalid 'end', insufficient scopes")])
          else if ((top.names.join('.') || undefined) !== node.name) err(c.s, c.e, [txt("invalid 'end', name mismatch")])
          break
        }
        case 'unsupported':
          err(node.kwS, node.kwE, [txt(`lean-double: '${node.kw}' is outside the fragment this test double supports`)])
          break
        case 'import':
          err(c.s, c.e, [txt("invalid 'import' command, it must be used in the beginning of the file")])
          break
        default:
          break
      }
    } catch (e) {
      if (e instanceof ElabErr) err(e.s, e.e, e.parts)
      else {
        // a bug in the double must not take the whole server down
        process.stderr.write(`lean-double: internal error while elaborating ${opts.uri}: ${(e as Error).stack}\n`)
        err(c.s, c.e, [txt(`lean-double internal error: ${(e as Error).message}`)])
      }
    }
    out.cmds.push(r)
  }
  addLintWarnings(out)
  return out
}

/**
 * `-- double: lint-warnings N` (a test marker, not Lean): the first command after it also reports N warnings, one
 * per line cycling through the whole file, so they arrive in one publish, as a noisy linter on a big file does.
 */
function addLintWarnings(out: FileElab): void {
  const marker = out.parsed.comments.map((c) => ({ c, m: /^-- double: lint-warnings (\d+)$/.exec(c.text.trim()) })).find((x) => x.m)
  const cmd = marker && out.cmds.find((c) => c.s > marker.c.s)
  if (!marker?.m || !cmd) return
  const lines = out.doc.lineCount
  for (let i = 0; i < Number(marker.m[1]); i++) {
    const line = i % lines
    const s = out.doc.lineStart(line)
    const e = line + 1 < lines ? out.doc.lineStart(line + 1) - 1 : out.text.length
    cmd.msgs.push({ s, e: Math.max(s, Math.min(e, s + 8)), severity: 2, parts: [txt(`lint: warning ${i} on this line`)], env: out.env, m: new MCtx() })
  }
}

/** elabFile that never throws: a bug in the double becomes a fatal header-like error, not a dead server. */
export function elabFileSafe(text: string, opts: ElabOptions): FileElab {
  try {
    return elabFile(text, opts)
  } catch (e) {
    process.stderr.write(`lean-double: internal error while elaborating ${opts.uri}: ${(e as Error).stack}\n`)
    const env = builtinEnv()
    const parsed: ParsedFile = { tokens: [], comments: [], commands: [] }
    const headerError: Msg = { s: 0, e: null, severity: 1, parts: [txt(`lean-double internal error: ${(e as Error).message}`)], env, m: new MCtx() }
    return { text, doc: new TextDoc(text), parsed, imports: [], headerEnd: 0, headerError, cmds: [], env, local: [] }
  }
}

function unknownModule(mod: string, root: string, cycle: boolean): string {
  if (cycle) return `import cycle detected at '${mod}'`
  const first = mod.split('.')[0]!
  const lib = `${root}/.lake/build/lib/lean`
  return `unknown module prefix '${first}'\n\nNo directory '${first}' or file '${first}.olean' in the search path entries:\n${lib}\n/lean-double/toolchain/lib/lean`
}

export function flatText(parts: MsgPart[]): string {
  return parts.map((p) => ('text' in p ? p.text : '…')).join('')
}

function elabDecl(
  c: Command, node: CommandNode & { k: 'decl' }, r: CmdResult, te: TermElab, tac: TacticElab, opts: ElabOptions,
  doc: TextDoc, out: FileElab,
): void {
  const env = te.env
  const m = te.m
  const nameTok = node.name
  const fullName = nameTok ? [...te.ns, nameTok.name].join('.') : undefined
  const warnAt: [number, number] = nameTok ? [nameTok.s, nameTok.e] : [node.kwS, node.kwE]
  if (nameTok) r.decl = { name: fullName!, kw: node.kw, s: c.s, e: c.e, nameS: nameTok.s, nameE: nameTok.e } satisfies DeclSym
  if (!node.body) return
  if (fullName && env.has(fullName)) throw new ElabErr(nameTok!.s, nameTok!.e, [txt(`'${fullName}' has already been declared`)])

  const auto: AutoBound = { decls: [] }
  te.autoBound = auto
  const lctx: LCtx = []
  const bound: { id: string; name: string; dom: Expr; bi: 'default' | 'implicit' }[] = []
  let type: Expr | undefined
  try {
    for (const b of node.binders) {
      const dom = b.type ? te.elabType(b.type, lctx).e : m.fresh({ k: 'sort', u: '?u' })
      for (const n of b.names) {
        const id = te.uniq()
        lctx.push({ fvarId: id, userName: n.name, type: dom })
        bound.push({ id, name: n.name, dom, bi: b.implicit ? 'implicit' : 'default' })
        r.terms.push({ s: n.s, e: n.e, expr: { k: 'fvar', id }, type: dom, lctx: [...lctx], env, m, isBinder: true, fvarId: id })
      }
    }
    if (node.type) type = te.elabType(node.type, lctx).e
  } finally {
    te.autoBound = undefined
    for (const d of auto.decls) {
      const t = instantiate(d.type, m)
      if (d.type.k === 'mvar' && (t.k === 'mvar' || (t.k === 'sort' && t.u === '?u'))) m.assign.set(d.type.id, { k: 'sort', u: 'u_1' })
    }
  }
  const fullLctx: LCtx = [...auto.decls, ...lctx]
  let valueExpr: Expr | undefined
  const body = node.body
  try {
    if (body.k === 'by') {
      if (!type) throw new ElabErr(body.kwS, body.kwE, [txt('invalid `by` tactic, expected type has not been provided')])
      const g0: Goal = { mvarId: te.uniq(), lctx: fullLctx, target: type }
      const res = tac.runSeq(body.seq, [g0])
      r.tactics.push({ s: body.kwS, e: body.e, trailEnd: tac.nextTokenStart(body.e), before: [g0], after: res.goals, nested: true, env, m, name: 'by', kwE: body.kwE })
      if (!res.failed && !body.seq.partial && res.goals.length) tac.unsolved(body.kwS, body.e, res.goals)
      const ok = !res.failed && !body.seq.partial && res.goals.length === 0 && !r.msgs.some((x) => x.severity === 1)
      if (ok && !tac.usedSorry && !te.usedSorry) {
        r.msgs.push({ s: body.kwS, e: body.kwE, severity: 3, parts: [txt('Goals accomplished!')], leanTags: [2], isSilent: true, env, m })
      }
    } else {
      const v = type ? te.elabEnsuring(body.term, fullLctx, type) : te.elabCore(body.term, fullLctx)
      valueExpr = instantiate(v.e, m)
      type ??= instantiate(v.type, m)
    }
  } catch (e) {
    if (!(e instanceof ElabErr)) throw e
    r.msgs.push({ s: e.s, e: e.e, severity: 1, parts: e.parts, env, m })
  }
  if (te.usedSorry || tac.usedSorry) {
    r.msgs.push({ s: warnAt[0], e: warnAt[1], severity: 2, parts: [txt("declaration uses 'sorry'")], env, m })
  }
  if (!fullName || !type) return
  const all = [...auto.decls.map((d) => ({ id: d.fvarId, name: d.userName, dom: d.type, bi: 'implicit' as const })), ...bound]
  let fullType = instantiate(type, m)
  let value = valueExpr
  for (const b of [...all].reverse()) {
    fullType = pi(b.name, instantiate(b.dom, m), abstractFVar(fullType, b.id, b.name), b.bi)
    if (value) value = abstractFVar(value, b.id, b.name)
  }
  const kind = node.kw === 'theorem' || node.kw === 'lemma' ? 'theorem' : 'def'
  const ci: ConstInfo = {
    name: fullName, type: fullType, kind, doc: node.doc, module: moduleOfUri(opts.uri, opts.root) ?? opts.uri,
    loc: { uri: opts.uri, range: doc.range(c.s, c.e), selRange: doc.range(nameTok!.s, nameTok!.e) },
  }
  if (kind === 'def' && value) {
    ci.params = all.map((b) => b.name)
    ci.value = value
  }
  env.set(fullName, ci)
  out.local.push(ci)
  r.terms.push({ s: nameTok!.s, e: nameTok!.e, expr: { k: 'const', name: fullName }, type: fullType, lctx: [], env, m, constName: fullName })
}

function elabEvalCheck(
  node: CommandNode & { k: 'eval' | 'check' }, te: TermElab, err: (s: number, e: number | null, p: MsgPart[], sev?: 1 | 2 | 3) => void,
): void {
  const term = node.term!
  const env = te.env
  const m = te.m
  const ctx: PPCtx = ctxFor(env, [], m)
  if (node.k === 'check') {
    if (term.k === 'ident') {
      const name = te.resolveConst(term.name)
      if (name) {
        te.elabCore(term, [])
        err(node.kwS, node.kwE, [txt(signature(ctx, env.get(name)!))], 3)
        return
      }
    }
    const r = te.elabCore(term, [])
    err(node.kwS, node.kwE, [{ expr: instantiate(r.e, m), lctx: [] }, txt(' : '), { expr: instantiate(r.type, m), lctx: [] }], 3)
    return
  }
  const r = te.elabCore(term, [])
  if (containsSorry(instantiate(r.e, m))) {
    err(node.kwS, node.kwE, [txt("aborting evaluation since the expression depends on the 'sorry' axiom, which can lead to runtime instability and crashes.\n\nTo attempt to evaluate anyway despite the risks, use the '#eval!' command.")])
    return
  }
  const ty = nf(r.type, env, m)
  const v = nf(r.e, env, m)
  if (ty.k === 'const' && ty.name === 'Nat' && v.k === 'lit') return err(node.kwS, node.kwE, [txt(v.n.toString())], 3)
  if (isProp(r.e, [], env, m)) {
    const b = decide(v)
    if (b !== undefined) return err(node.kwS, node.kwE, [txt(String(b))], 3)
    return err(node.kwS, node.kwE, [txt('failed to synthesize\n  Decidable '), { expr: r.e, lctx: [] }])
  }
  err(node.kwS, node.kwE, [txt("could not synthesize a 'ToExpr', 'Repr', or 'ToString' instance for type\n  "), { expr: r.type, lctx: [] }])
}

function decide(e: Expr): boolean | undefined {
  if (e.k === 'const') return e.name === 'True' ? true : e.name === 'False' ? false : undefined
  const { head, args } = headArgs(e)
  if (head.k !== 'const') return undefined
  if (head.name === 'Eq' && args[1]?.k === 'lit' && args[2]?.k === 'lit') return args[1].n === args[2].n
  if ((head.name === 'And' || head.name === 'Or') && args.length === 2) {
    const a = decide(args[0]!)
    const b = decide(args[1]!)
    if (a === undefined || b === undefined) return undefined
    return head.name === 'And' ? a && b : a || b
  }
  return undefined
}

/** `name (p q : Prop) (hp : p) : q → p`, the form `#check` uses for a constant. */
export function signature(ctx: PPCtx, ci: ConstInfo): string {
  let t = ci.type
  const groups: string[] = []
  while (t.k === 'pi' && t.name !== '') {
    const dom = pp(ctx, t.dom)
    const bi = t.bi
    const names = [t.name]
    t = t.body
    while (t.k === 'pi' && t.name !== '' && t.bi === bi && pp(ctx, t.dom) === dom) {
      names.push(t.name)
      t = t.body
    }
    groups.push(bi === 'implicit' ? `{${names.join(' ')} : ${dom}}` : `(${names.join(' ')} : ${dom})`)
  }
  return `${ci.name}${groups.length ? ' ' + groups.join(' ') : ''} : ${pp(ctx, t)}`
}
