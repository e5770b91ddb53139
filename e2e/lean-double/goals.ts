// Goals at a position (Lean's `goalsAt?` / `termGoalAt?` rules) and their plain and interactive forms.
import type { FileElab } from './elab-command'
import type { Goal, TacticInfo, TermInfo } from './elab-types'
import { type Env, type Expr, type LCtx, type MCtx, instantiate } from './expr'
import { type PP, bundleHyps, ctxFor, pp, ppTree } from './pretty'

export interface GoalGroup {
  goals: Goal[]
  env: Env
  m: MCtx
}

export function ppGoal(env: Env, m: MCtx | undefined, g: Goal): string {
  const ctx = ctxFor(env, g.lctx, m)
  const lines: string[] = []
  if (g.tag) lines.push(`case ${g.tag}`)
  for (const b of bundleHyps(ctx, g.lctx)) lines.push(`${b.names.join(' ')} : ${pp(ctx, b.type)}`)
  lines.push(`⊢ ${pp(ctx, g.target)}`)
  return lines.join('\n')
}

function allTactics(fe: FileElab): TacticInfo[] {
  return fe.cmds.flatMap((c) => c.tactics)
}

/** Tactic goals at `off`: the deepest tactic nodes whose range plus trailing whitespace contains it. */
export function goalsAt(fe: FileElab, off: number): GoalGroup[] | undefined {
  const eof = fe.text.length
  const hits = allTactics(fe).filter((t) => t.s <= off && (off < t.trailEnd || (t.trailEnd >= eof && off >= t.s)))
  if (hits.length === 0) return undefined
  const deepest = hits.filter((a) => !hits.some((b) => b !== a && a.s <= b.s && b.trailEnd <= a.trailEnd && (b.s > a.s || b.trailEnd < a.trailEnd)))
  return deepest.map((t) => {
    const useAfter = off > t.s && !t.nested
    return { goals: useAfter ? t.after : t.before, env: t.env, m: t.m }
  })
}

export interface TermGoal {
  goal: Goal
  info: TermInfo
}

function smallest<T extends { s: number; e: number }>(xs: T[]): T | undefined {
  return xs.reduce<T | undefined>((best, x) => (!best || x.e - x.s < best.e - best.s ? x : best), undefined)
}

export function termInfoAt(fe: FileElab, off: number, includeStop: boolean): TermInfo | undefined {
  const infos = fe.cmds.flatMap((c) => c.terms).filter((t) => t.s <= off && (off < t.e || (includeStop && off === t.e)))
  return smallest(infos)
}

export function termGoalAt(fe: FileElab, off: number): TermGoal | undefined {
  const info = termInfoAt(fe, off, true)
  if (!info) return undefined
  const lctx = info.isBinder ? info.lctx.slice(0, -1) : info.lctx
  const target = instantiate(info.expected ?? info.type, info.m)
  return { goal: { mvarId: '_uniq.term', lctx, target }, info }
}

// ---- interactive forms (RPC) ----

export type TaggedText = { text: string } | { append: TaggedText[] } | { tag: [unknown, TaggedText] }

export interface InfoRefObj {
  kind: 'info'
  expr: Expr
  lctx: LCtx
  env: Env
  m?: MCtx
}
export type MkRef = (obj: object) => unknown

export function codeWithInfos(e: Expr, lctx: LCtx, env: Env, m: MCtx | undefined, mkRef: MkRef): TaggedText {
  const ctx = ctxFor(env, lctx, m)
  const conv = (p: PP): TaggedText => {
    if ('text' in p) return { text: p.text }
    if ('append' in p) return { append: p.append.map(conv) }
    const [tag, child] = p.tag
    const obj: InfoRefObj = { kind: 'info', expr: tag.expr, lctx, env, m }
    return { tag: [{ info: mkRef(obj), subexprPos: tag.pos }, conv(child)] }
  }
  return conv(ppTree(ctx, m ? instantiate(e, m) : e))
}

export function interactiveGoal(g: Goal, env: Env, m: MCtx | undefined, mkRef: MkRef): Record<string, unknown> {
  const ctx = ctxFor(env, g.lctx, m)
  const hyps = bundleHyps(ctx, g.lctx).map((b) => ({
    names: b.names,
    fvarIds: b.fvarIds,
    type: codeWithInfos(b.type, g.lctx, env, m, mkRef),
  }))
  const out: Record<string, unknown> = {
    hyps,
    type: codeWithInfos(g.target, g.lctx, env, m, mkRef),
    ctx: mkRef({ kind: 'ctx', lctx: g.lctx, env }),
    goalPrefix: '⊢ ',
    mvarId: g.mvarId,
  }
  if (g.tag) out.userName = g.tag
  return out
}
