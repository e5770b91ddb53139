// Tactic execution over goals. The first failing tactic of a block reports its error and admits the
// remaining goals (Lean's behaviour); bullets `·` recover, so a later bullet still runs.
import { SIMP_LEMMAS } from './builtins'
import { ElabErr, type Goal, type Msg, type MsgPart, type SimpSuggestion, type TacticInfo, txt } from './elab-types'
import type { TermElab } from './elab-term'
import { type Expr, FalseE, TrueE, headArgs, instantiate, isDefEq, lit, nf, occursBVar, subst, whnfPi } from './expr'
import { sameExpr } from './pretty'
import type { Tactic, TacticSeq } from './parser'

export interface SeqResult {
  goals: Goal[]
  failed: boolean
}

export class TacticElab {
  usedSorry = false

  constructor(
    private te: TermElab,
    public nextTokenStart: (offset: number) => number,
    private msgs: Msg[],
    private infos: TacticInfo[],
    private simp: SimpSuggestion[],
  ) {}

  private goalParts(goals: Goal[]): MsgPart[] {
    const parts: MsgPart[] = []
    goals.forEach((g, i) => {
      if (i) parts.push(txt('\n\n'))
      parts.push({ goal: { ...g, target: instantiate(g.target, this.te.m) } })
    })
    return parts
  }

  error(s: number, e: number | null, parts: MsgPart[], leanTags?: number[]): void {
    this.msgs.push({ s, e, severity: 1, parts, leanTags, env: this.te.env, m: this.te.m })
  }

  unsolved(s: number, e: number, goals: Goal[]): void {
    this.error(s, e, [txt('unsolved goals\n'), ...this.goalParts(goals)], [1])
  }

  runSeq(seq: TacticSeq, goals: Goal[]): SeqResult {
    for (const tac of seq.tactics) {
      const before = goals
      let after: Goal[]
      try {
        after = this.run(tac, goals)
      } catch (err) {
        if (!(err instanceof ElabErr)) throw err
        this.error(err.s, err.e, err.parts)
        this.record(tac, before, before)
        return { goals: [], failed: true }
      }
      this.record(tac, before, after)
      goals = after
    }
    return { goals, failed: false }
  }

  private record(tac: Tactic, before: Goal[], after: Goal[]): void {
    const name = tac.k === 'simple' ? tac.name : tac.k === 'simp' ? (tac.query ? 'simp?' : 'simp') : tac.k === 'bullet' ? undefined : tac.k
    this.infos.push({
      s: tac.s, e: tac.e, trailEnd: this.nextTokenStart(tac.e), before, after, nested: tac.k === 'bullet',
      env: this.te.env, m: this.te.m, name, kwE: tac.kwE,
    })
  }

  private newGoal(g: Goal, target: Expr, extra: Partial<Goal> = {}): Goal {
    return { ...g, mvarId: this.te.uniq(), target, ...extra }
  }

  private fail(tac: Tactic, parts: MsgPart[]): never {
    throw new ElabErr(tac.s, tac.e, parts)
  }

  private run(tac: Tactic, goals: Goal[]): Goal[] {
    if (goals.length === 0) this.fail(tac, [txt('no goals to be proved')])
    const [g, ...rest] = goals as [Goal, ...Goal[]]
    const env = this.te.env
    const m = this.te.m
    switch (tac.k) {
      case 'intro': {
        const names = tac.names.length ? tac.names : [undefined]
        let cur = g
        for (const n of names) {
          const t = whnfPi(cur.target, env, m)
          if (t.k !== 'pi') this.fail(tac, [txt("tactic 'introN' failed, insufficient number of binders")])
          const id = this.te.uniq()
          const userName = n && n.name !== '_' ? n.name : `${t.name || 'a'}✝`
          const lctx = [...cur.lctx, { fvarId: id, userName, type: t.dom }]
          const target = subst(t.body, t.name, { k: 'fvar', id })
          if (n) this.te.infos.push({ s: n.s, e: n.e, expr: { k: 'fvar', id }, type: t.dom, lctx, env, m, isBinder: true, fvarId: id })
          cur = this.newGoal(cur, target, { lctx })
        }
        return [cur, ...rest]
      }
      case 'exact':
        this.te.elabEnsuring(tac.term, g.lctx, g.target)
        if (this.te.usedSorry) this.usedSorry = true
        return rest
      case 'simple':
        return this.simple(tac, g, rest)
      case 'simp':
        return this.runSimp(tac, g, rest)
      case 'bullet': {
        const r = this.runSeq(tac.body, [g])
        if (!r.failed && r.goals.length) this.unsolved(tac.s, tac.e, r.goals)
        return rest
      }
    }
  }

  private simple(tac: Tactic & { k: 'simple' }, g: Goal, rest: Goal[]): Goal[] {
    const env = this.te.env
    const m = this.te.m
    const target = nf(g.target, env, m)
    const { head, args } = headArgs(target)
    const isConst = (n: string) => head.k === 'const' && head.name === n
    const goalText = (): MsgPart[] => [{ goal: { ...g, target: instantiate(g.target, m) } }]
    const rflOk = () => isConst('Eq') && args.length === 3 && isDefEq(args[1]!, args[2]!, env, m)
    const assumption = () => [...g.lctx].reverse().find((d) => isDefEq(d.type, g.target, env, m))
    switch (tac.name) {
      case 'sorry':
        this.usedSorry = true
        return rest
      case 'rfl':
        if (rflOk()) return rest
        if (isConst('Eq') && args.length === 3) {
          const [, l, r] = args.map((a) => instantiate(a, m))
          const eq = headArgs(instantiate(g.target, m)).args
          this.fail(tac, [
            txt('Tactic `rfl` failed: The left-hand side\n  '), { expr: eq[1] ?? l!, lctx: g.lctx },
            txt('\nis not definitionally equal to the right-hand side\n  '), { expr: eq[2] ?? r!, lctx: g.lctx }, txt('\n\n'), ...goalText(),
          ])
        }
        return this.fail(tac, [txt('The rfl tactic failed. Possible reasons:\n- The goal is not a reflexive relation (neither `=` nor a relation with a @[refl] lemma).\n- The arguments of the relation are not equal.\n'), ...goalText()])
      case 'assumption':
        if (assumption()) return rest
        return this.fail(tac, [txt("tactic 'assumption' failed\n"), ...goalText()])
      case 'constructor':
        if (isConst('True')) return rest
        if (isConst('And') && args.length === 2) {
          return [this.newGoal(g, args[0]!, { tag: 'left' }), this.newGoal(g, args[1]!, { tag: 'right' }), ...rest]
        }
        if (rflOk()) return rest
        return this.fail(tac, [txt("tactic 'constructor' failed, target is not an inductive datatype\n"), ...goalText()])
      case 'trivial':
        if (isConst('True') || rflOk() || assumption()) return rest
        return this.fail(tac, [txt("tactic 'trivial' failed\n"), ...goalText()])
    }
  }

  private runSimp(tac: Tactic & { k: 'simp' }, g: Goal, rest: Goal[]): Goal[] {
    for (const l of tac.lemmas) {
      if (!SIMP_LEMMAS.has(l.name) && !this.te.resolveConst(l.name)) throw new ElabErr(l.s, l.e, [txt(`unknown identifier '${l.name}'`)])
    }
    const used = new Set<string>()
    const before = instantiate(g.target, this.te.m)
    const after = simpExpr(before, used)
    if (tac.query) {
      const call = `simp only${used.size ? ` [${[...used].join(', ')}]` : ''}`
      this.msgs.push({ s: tac.s, e: tac.kwE, severity: 3, parts: [txt(`Try this: ${call}`)], env: this.te.env, m: this.te.m })
      this.simp.push({ s: tac.s, e: tac.e, replacement: call })
    }
    if (sameExpr(after, before)) this.fail(tac, [txt('simp made no progress')])
    if (after.k === 'const' && after.name === 'True') return rest
    return [this.newGoal(g, after), ...rest]
  }
}

const isC = (e: Expr, n: string) => e.k === 'const' && e.name === n

/** A tiny simp set: Nat literal arithmetic, `a = a`, and the `True`/`∧`/`→` lemmas. */
export function simpExpr(e: Expr, used: Set<string>): Expr {
  if (e.k === 'pi' && (e.name === '' || !occursBVar(e.body, e.name))) {
    const dom = simpExpr(e.dom, used)
    const body = simpExpr(e.body, used)
    if (isC(body, 'True')) return used.add('implies_true'), TrueE
    if (isC(dom, 'True')) return used.add('true_implies'), body
    if (isC(dom, 'False')) return used.add('false_implies'), TrueE
    if (sameExpr(dom, body)) return used.add('imp_self'), TrueE
    return { ...e, dom, body }
  }
  if (e.k !== 'app') return e
  const args = e.args.map((a) => simpExpr(a, used))
  const h = e.fn
  const name = h.k === 'const' ? h.name : ''
  const [a, b, c] = args
  if ((name === 'HAdd.hAdd' || name === 'HMul.hMul') && a && b) {
    const add = name === 'HAdd.hAdd'
    if (a.k === 'lit' && b.k === 'lit') return used.add(add ? 'Nat.reduceAdd' : 'Nat.reduceMul'), lit(add ? a.n + b.n : a.n * b.n)
    if (add && b.k === 'lit' && b.n === 0n) return used.add('Nat.add_zero'), a
    if (add && a.k === 'lit' && a.n === 0n) return used.add('Nat.zero_add'), b
  }
  if (name === 'Eq' && b && c) {
    if (sameExpr(b, c)) return used.add('eq_self_iff_true'), TrueE
    if (b.k === 'lit' && c.k === 'lit') return used.add('Nat.reduceEqDiff'), FalseE
  }
  if (name === 'And' && a && b) {
    if (isC(a, 'True')) return used.add('true_and'), b
    if (isC(b, 'True')) return used.add('and_true'), a
    if (sameExpr(a, b)) return used.add('and_self'), a
  }
  return { k: 'app', fn: h, args }
}
