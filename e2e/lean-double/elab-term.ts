// Term elaboration: names, numerals, application with implicit arguments, the fragment's operators,
// ∀, anonymous constructors for ∧, and `sorry`. Errors are thrown as ElabErr with Lean's texts.
import { ElabErr, type MsgPart, type TermInfo, txt } from './elab-types'
import {
  type Env, type Expr, type LCtx, MCtx, NatE, Prop, TrueE, abstractFVar, app, arrow, cnst, headArgs, inferType,
  instantiate, isDefEq, lit, mkAdd, mkAnd, mkEq, mkMul, mkOr, nf, pi, sortOf, subst, whnfPi,
} from './expr'
import type { Term } from './parser'

export interface Elaborated {
  e: Expr
  type: Expr
}

/** Auto-bound implicits (Lean's `autoImplicit`), active while elaborating a declaration signature. */
export interface AutoBound {
  decls: LCtx
}

export class TermElab {
  usedSorry = false
  autoBound: AutoBound | undefined

  constructor(
    public env: Env,
    public m: MCtx,
    public infos: TermInfo[],
    /** Current namespaces, innermost last. */
    public ns: string[],
    public uniq: () => string,
  ) {}

  private record(s: number, e: number, r: Elaborated, lctx: LCtx, extra: Partial<TermInfo> = {}): void {
    this.infos.push({ s, e, expr: r.e, type: r.type, lctx, env: this.env, m: this.m, ...extra })
  }

  exprPart(e: Expr, lctx: LCtx): MsgPart {
    return { expr: instantiate(e, this.m), lctx }
  }

  sortOfType(t: Expr, lctx: LCtx): Expr {
    try {
      return instantiate(inferType(instantiate(t, this.m), lctx, this.env, this.m), this.m)
    } catch {
      return { k: 'sort', u: '?u' }
    }
  }

  mismatch(s: number, e: number, val: Expr, type: Expr, expected: Expr, lctx: LCtx): ElabErr {
    const p = (x: Expr) => this.exprPart(x, lctx)
    return new ElabErr(s, e, [
      txt('type mismatch\n  '), p(val), txt('\nhas type\n  '), p(type), txt(' : '), p(this.sortOfType(type, lctx)),
      txt('\nbut is expected to have type\n  '), p(expected), txt(' : '), p(this.sortOfType(expected, lctx)),
    ])
  }

  /** Elaborates and checks against `expected` ("type mismatch" otherwise). */
  elabEnsuring(t: Term, lctx: LCtx, expected: Expr): Elaborated {
    const r = this.elabCore(t, lctx, expected)
    if (!isDefEq(r.type, expected, this.env, this.m)) throw this.mismatch(t.s, t.e, r.e, r.type, expected, lctx)
    return r
  }

  /** Elaborates a type: the result's type must be a sort. */
  elabType(t: Term, lctx: LCtx): Elaborated {
    const r = this.elabCore(t, lctx)
    const ty = instantiate(r.type, this.m)
    if (ty.k === 'mvar') {
      this.m.assign.set(ty.id, { k: 'sort', u: '?u' })
      return r
    }
    if (ty.k !== 'sort') {
      throw new ElabErr(t.s, t.e, [txt('type expected, got\n  ('), this.exprPart(r.e, lctx), txt(' : '), this.exprPart(ty, lctx), txt(')')])
    }
    return r
  }

  elabCore(t: Term, lctx: LCtx, expected?: Expr): Elaborated {
    const r = this.elabInner(t, lctx, expected)
    if (t.k !== 'ident' && t.k !== 'paren') this.record(t.s, t.e, r, lctx, { expected })
    return r
  }

  private elabInner(t: Term, lctx: LCtx, expected?: Expr): Elaborated {
    switch (t.k) {
      case 'ident':
        return this.elabIdent(t.name, t.s, t.e, lctx, expected)
      case 'num': {
        const exp = expected ? nf(expected, this.env, this.m) : undefined
        if (exp && exp.k === 'mvar') this.m.assign.set(exp.id, NatE)
        else if (exp && !(exp.k === 'const' && exp.name === 'Nat')) {
          const p = this.exprPart(exp, lctx)
          throw new ElabErr(t.s, t.e, [
            txt(`failed to synthesize\n  OfNat `), p, txt(` ${t.n}\nnumerals are polymorphic in Lean, but the numeral \`${t.n}\` cannot be used in a context where the expected type is\n  `),
            p, txt('\ndue to the absence of the instance above'),
          ])
        }
        return { e: lit(t.n), type: NatE }
      }
      case 'sort':
        return { e: { k: 'sort', u: t.u }, type: sortOf(t.u) }
      case 'sorry': {
        this.usedSorry = true
        const type = expected ?? this.m.fresh({ k: 'sort', u: '?u' })
        return { e: { k: 'sorry', synthetic: false, type }, type }
      }
      case 'paren':
        return this.elabCore(t.inner, lctx, expected)
      case 'app':
        return this.elabApp(t, lctx)
      case 'binop':
        return this.elabBinop(t, lctx)
      case 'forall': {
        const inner = [...lctx]
        const bound: { id: string; name: string; dom: Expr; bi: 'default' | 'implicit' }[] = []
        for (const b of t.binders) {
          const dom = b.type ? this.elabType(b.type, inner).e : this.m.fresh({ k: 'sort', u: '?u' })
          for (const n of b.names) {
            const id = this.uniq()
            inner.push({ fvarId: id, userName: n.name, type: dom })
            bound.push({ id, name: n.name, dom, bi: b.implicit ? 'implicit' : 'default' })
            this.record(n.s, n.e, { e: { k: 'fvar', id }, type: dom }, [...inner], { isBinder: true, fvarId: id })
          }
        }
        const body = this.elabType(t.body, inner)
        let e = body.e
        for (const b of [...bound].reverse()) e = pi(b.name, instantiate(b.dom, this.m), abstractFVar(e, b.id, b.name), b.bi)
        const bt = instantiate(body.type, this.m)
        return { e, type: bt.k === 'sort' && bt.u === 0 ? Prop : bt }
      }
      case 'anon': {
        const exp = expected ? nf(expected, this.env, this.m) : undefined
        const { head, args } = exp ? headArgs(exp) : { head: undefined, args: [] }
        if (head?.k === 'const' && head.name === 'And' && t.args.length === 2) {
          const a = this.elabEnsuring(t.args[0]!, lctx, args[0]!)
          const b = this.elabEnsuring(t.args[1]!, lctx, args[1]!)
          return { e: app(cnst('And.intro'), args[0]!, args[1]!, a.e, b.e), type: exp! }
        }
        if (head?.k === 'const' && head.name === 'True' && t.args.length === 0) return { e: cnst('True.intro'), type: TrueE }
        const parts: MsgPart[] = [txt('invalid constructor ⟨...⟩, expected type must be an inductive type ')]
        if (exp) parts.push(txt('\n  '), this.exprPart(exp, lctx))
        throw new ElabErr(t.s, t.e, parts)
      }
    }
  }

  resolveConst(name: string): string | undefined {
    for (let i = this.ns.length; i >= 0; i--) {
      const full = [...this.ns.slice(0, i), name].join('.')
      if (this.env.has(full)) return full
    }
    return undefined
  }

  elabIdent(name: string, s: number, e: number, lctx: LCtx, expected?: Expr): Elaborated {
    const local = [...lctx].reverse().find((d) => d.userName === name) ?? this.autoBound?.decls.find((d) => d.userName === name)
    if (local) {
      const r = { e: { k: 'fvar', id: local.fvarId } as Expr, type: local.type }
      this.record(s, e, r, lctx, { fvarId: local.fvarId, expected })
      return r
    }
    const dot = name.lastIndexOf('.')
    if (dot > 0) {
      const base = [...lctx].reverse().find((d) => d.userName === name.slice(0, dot))
      const field = name.slice(dot + 1)
      if (base) {
        const ty = nf(base.type, this.env, this.m)
        const { head, args } = headArgs(ty)
        if (head.k === 'const' && head.name === 'And' && ['1', '2', 'left', 'right'].includes(field)) {
          const left = field === '1' || field === 'left'
          const r = { e: app(cnst(left ? 'And.left' : 'And.right'), args[0]!, args[1]!, { k: 'fvar', id: base.fvarId }), type: args[left ? 0 : 1]! }
          this.record(s, e, r, lctx, { expected })
          return r
        }
        throw new ElabErr(s, e, [txt(`invalid field '${field}', the environment does not contain '${head.k === 'const' ? head.name : 'Prop'}.${field}'\n  `), this.exprPart({ k: 'fvar', id: base.fvarId }, lctx), txt('\nhas type\n  '), this.exprPart(base.type, lctx)])
      }
    }
    const full = this.resolveConst(name)
    if (full) {
      const ci = this.env.get(full)!
      this.record(s, e, { e: cnst(full), type: ci.type }, lctx, { constName: full, expected })
      // instantiate leading implicit arguments with metavariables
      let ty = ci.type
      const args: Expr[] = []
      while (ty.k === 'pi' && ty.bi === 'implicit') {
        const mv = this.m.fresh(ty.dom)
        args.push(mv)
        ty = subst(ty.body, ty.name, mv)
      }
      return { e: app(cnst(full), ...args), type: ty }
    }
    if (this.autoBound && !name.includes('.')) {
      const id = this.uniq()
      const d = { fvarId: id, userName: name, type: this.m.fresh({ k: 'sort', u: '?u' }) }
      this.autoBound.decls.push(d)
      const r = { e: { k: 'fvar', id } as Expr, type: d.type }
      this.record(s, e, r, lctx, { fvarId: id, expected })
      return r
    }
    throw new ElabErr(s, e, [txt(`unknown identifier '${name}'`)])
  }

  private elabApp(t: Term & { k: 'app' }, lctx: LCtx): Elaborated {
    const fn = this.elabCore(t.fn, lctx)
    let e = fn.e
    let ty = fn.type
    for (const a of t.args) {
      ty = whnfPi(ty, this.env, this.m)
      while (ty.k === 'pi' && ty.bi === 'implicit') {
        const mv = this.m.fresh(ty.dom)
        e = appendArg(e, mv)
        ty = whnfPi(subst(ty.body, ty.name, mv), this.env, this.m)
      }
      if (ty.k !== 'pi') {
        throw new ElabErr(t.s, t.e, [txt('function expected\n  '), this.exprPart(e, lctx), txt('\nterm has type\n  '), this.exprPart(ty, lctx)])
      }
      const arg = this.elabCore(a, lctx, ty.dom)
      if (!isDefEq(arg.type, ty.dom, this.env, this.m)) {
        const p = (x: Expr) => this.exprPart(x, lctx)
        throw new ElabErr(a.s, a.e, [
          txt('application type mismatch\n  '), p(appendArg(e, arg.e)), txt('\nargument\n  '), p(arg.e), txt('\nhas type\n  '),
          p(arg.type), txt(' : '), p(this.sortOfType(arg.type, lctx)), txt('\nbut is expected to have type\n  '), p(ty.dom),
          txt(' : '), p(this.sortOfType(ty.dom, lctx)),
        ])
      }
      e = appendArg(e, arg.e)
      ty = subst(ty.body, ty.name, arg.e)
    }
    return { e: instantiate(e, this.m), type: instantiate(ty, this.m) }
  }

  private elabBinop(t: Term & { k: 'binop' }, lctx: LCtx): Elaborated {
    switch (t.op) {
      case '→': {
        const d = this.elabType(t.lhs, lctx)
        const b = this.elabType(t.rhs, lctx)
        const bt = instantiate(b.type, this.m)
        return { e: arrow(d.e, b.e), type: bt.k === 'sort' && bt.u === 0 ? Prop : bt }
      }
      case '∧':
      case '∨': {
        const l = this.elabEnsuring(t.lhs, lctx, Prop)
        const r = this.elabEnsuring(t.rhs, lctx, Prop)
        return { e: t.op === '∧' ? mkAnd(l.e, r.e) : mkOr(l.e, r.e), type: Prop }
      }
      case '=': {
        const l = this.elabCore(t.lhs, lctx)
        const r = this.elabCore(t.rhs, lctx, l.type)
        if (!isDefEq(r.type, l.type, this.env, this.m)) throw this.mismatch(t.rhs.s, t.rhs.e, r.e, r.type, l.type, lctx)
        return { e: mkEq(instantiate(l.type, this.m), l.e, r.e), type: Prop }
      }
      default: {
        const l = this.elabEnsuring(t.lhs, lctx, NatE)
        const r = this.elabEnsuring(t.rhs, lctx, NatE)
        return { e: t.op === '+' ? mkAdd(l.e, r.e) : mkMul(l.e, r.e), type: NatE }
      }
    }
  }
}

function appendArg(f: Expr, a: Expr): Expr {
  return f.k === 'app' ? { k: 'app', fn: f.fn, args: [...f.args, a] } : app(f, a)
}

