// Expressions of the fragment, the kernel-ish operations on them (substitution, evaluation, definitional
// equality by normalisation, type inference) and the metavariable context used for implicit arguments.
import type { Range } from './text'

/** 0 = Prop, 1 = Type, 2 = Type 1, 'u' = a universe parameter `Sort u`, '?u' = an unknown universe. */
export type Level = 0 | 1 | 2 | 'u' | 'u_1' | '?u'

export type Expr =
  | { k: 'sort'; u: Level }
  | { k: 'const'; name: string }
  | { k: 'fvar'; id: string }
  | { k: 'bvar'; name: string }
  | { k: 'mvar'; id: number }
  | { k: 'lit'; n: bigint }
  | { k: 'app'; fn: Expr; args: Expr[] }
  | { k: 'pi'; name: string; bi: 'default' | 'implicit'; dom: Expr; body: Expr }
  | { k: 'sorry'; synthetic: boolean; type: Expr }

export const Prop: Expr = { k: 'sort', u: 0 }
export const TypeE: Expr = { k: 'sort', u: 1 }
export const NatE: Expr = { k: 'const', name: 'Nat' }
export const TrueE: Expr = { k: 'const', name: 'True' }
export const FalseE: Expr = { k: 'const', name: 'False' }

export const cnst = (name: string): Expr => ({ k: 'const', name })
export const bv = (name: string): Expr => ({ k: 'bvar', name })
export const lit = (n: bigint | number): Expr => ({ k: 'lit', n: BigInt(n) })
export const app = (fn: Expr, ...args: Expr[]): Expr => (args.length ? { k: 'app', fn, args } : fn)
export const arrow = (dom: Expr, body: Expr): Expr => ({ k: 'pi', name: '', bi: 'default', dom, body })
export const pi = (name: string, dom: Expr, body: Expr, bi: 'default' | 'implicit' = 'default'): Expr => ({ k: 'pi', name, bi, dom, body })
export const mkEq = (ty: Expr, a: Expr, b: Expr): Expr => app(cnst('Eq'), ty, a, b)
export const mkAnd = (a: Expr, b: Expr): Expr => app(cnst('And'), a, b)
export const mkOr = (a: Expr, b: Expr): Expr => app(cnst('Or'), a, b)
export const mkAdd = (a: Expr, b: Expr): Expr => app(cnst('HAdd.hAdd'), a, b)
export const mkMul = (a: Expr, b: Expr): Expr => app(cnst('HMul.hMul'), a, b)

/** Head constant and arguments of an application. */
export function headArgs(e: Expr): { head: Expr; args: Expr[] } {
  return e.k === 'app' ? { head: e.fn, args: e.args } : { head: e, args: [] }
}
export function isConstApp(e: Expr, name: string, arity: number): boolean {
  const { head, args } = headArgs(e)
  return head.k === 'const' && head.name === name && args.length === arity
}

export type ConstKind = 'theorem' | 'def' | 'ctor' | 'inductive' | 'axiom' | 'recursor'

export interface ConstInfo {
  name: string
  type: Expr
  kind: ConstKind
  /** Definitions: parameter names (bound in `value`) and body, for unfolding. */
  params?: string[]
  value?: Expr
  doc?: string
  /** `Init.Prelude` for builtins, the module name for user declarations. */
  module: string
  /** Where a user declaration lives: the whole declaration and its name. */
  loc?: { uri: string; range: Range; selRange: Range }
}

export type Env = Map<string, ConstInfo>

export interface LocalDecl {
  fvarId: string
  userName: string
  type: Expr
}
export type LCtx = LocalDecl[]

export class MCtx {
  assign = new Map<number, Expr>()
  types = new Map<number, Expr>()
  private next = 1
  fresh(type: Expr): Expr {
    const id = this.next++
    this.types.set(id, type)
    return { k: 'mvar', id }
  }
  save(): Map<number, Expr> {
    return new Map(this.assign)
  }
  restore(m: Map<number, Expr>): void {
    this.assign = m
  }
}

export function instantiate(e: Expr, m: MCtx): Expr {
  switch (e.k) {
    case 'mvar': {
      const a = m.assign.get(e.id)
      return a ? instantiate(a, m) : e
    }
    case 'app':
      return { k: 'app', fn: instantiate(e.fn, m), args: e.args.map((a) => instantiate(a, m)) }
    case 'pi':
      return { ...e, dom: instantiate(e.dom, m), body: instantiate(e.body, m) }
    case 'sorry':
      return { ...e, type: instantiate(e.type, m) }
    default:
      return e
  }
}

/** Replaces the bound variable `name` by `v` (stops under a binder of the same name). */
export function subst(e: Expr, name: string, v: Expr): Expr {
  switch (e.k) {
    case 'bvar':
      return e.name === name ? v : e
    case 'app':
      return { k: 'app', fn: subst(e.fn, name, v), args: e.args.map((a) => subst(a, name, v)) }
    case 'pi':
      return { ...e, dom: subst(e.dom, name, v), body: e.name === name ? e.body : subst(e.body, name, v) }
    case 'sorry':
      return { ...e, type: subst(e.type, name, v) }
    default:
      return e
  }
}

/** Turns the free variable `id` back into the bound variable `name` (for ∀ binders). */
export function abstractFVar(e: Expr, id: string, name: string): Expr {
  switch (e.k) {
    case 'fvar':
      return e.id === id ? bv(name) : e
    case 'app':
      return { k: 'app', fn: abstractFVar(e.fn, id, name), args: e.args.map((a) => abstractFVar(a, id, name)) }
    case 'pi':
      return { ...e, dom: abstractFVar(e.dom, id, name), body: abstractFVar(e.body, id, name) }
    case 'sorry':
      return { ...e, type: abstractFVar(e.type, id, name) }
    default:
      return e
  }
}

export function occursBVar(e: Expr, name: string): boolean {
  switch (e.k) {
    case 'bvar':
      return e.name === name
    case 'app':
      return occursBVar(e.fn, name) || e.args.some((a) => occursBVar(a, name))
    case 'pi':
      return occursBVar(e.dom, name) || (e.name !== name && occursBVar(e.body, name))
    default:
      return false
  }
}

export function containsSorry(e: Expr): boolean {
  switch (e.k) {
    case 'sorry':
      return true
    case 'app':
      return containsSorry(e.fn) || e.args.some(containsSorry)
    case 'pi':
      return containsSorry(e.dom) || containsSorry(e.body)
    default:
      return false
  }
}

const NAT_OPS: Record<string, (a: bigint, b: bigint) => bigint> = {
  'HAdd.hAdd': (a, b) => a + b,
  'Nat.add': (a, b) => a + b,
  'HMul.hMul': (a, b) => a * b,
  'Nat.mul': (a, b) => a * b,
  'Nat.sub': (a, b) => (a > b ? a - b : 0n),
}

/** Normal form: closed Nat arithmetic evaluated, user definitions unfolded, mvars instantiated. */
export function nf(e: Expr, env: Env, m: MCtx, depth = 0): Expr {
  if (depth > 200) return e
  switch (e.k) {
    case 'mvar': {
      const a = m.assign.get(e.id)
      return a ? nf(a, env, m, depth + 1) : e
    }
    case 'const': {
      if (e.name === 'Nat.zero') return lit(0)
      const ci = env.get(e.name)
      if (ci?.value && (ci.params?.length ?? 0) === 0 && ci.kind === 'def') return nf(ci.value, env, m, depth + 1)
      return e
    }
    case 'app': {
      const fn = nf(e.fn, env, m, depth + 1)
      const args = e.args.map((a) => nf(a, env, m, depth + 1))
      if (fn.k === 'app') return nf({ k: 'app', fn: fn.fn, args: [...fn.args, ...args] }, env, m, depth + 1)
      if (fn.k === 'const') {
        const op = NAT_OPS[fn.name]
        if (op && args.length === 2) {
          const [a, b] = args as [Expr, Expr]
          if (a.k === 'lit' && b.k === 'lit') return lit(op(a.n, b.n))
          if (fn.name === 'Nat.add') return mkAdd(a, b)
          if (fn.name === 'Nat.mul') return mkMul(a, b)
        }
        if (fn.name === 'Nat.succ' && args.length === 1 && args[0]!.k === 'lit') return lit(args[0]!.n + 1n)
        if (fn.name === 'Nat.pred' && args.length === 1 && args[0]!.k === 'lit') {
          const n = args[0]!.n
          return lit(n > 0n ? n - 1n : 0n)
        }
        const ci = env.get(fn.name)
        if (ci?.kind === 'def' && ci.value && ci.params && ci.params.length === args.length && args.length > 0) {
          let body = ci.value
          ci.params.forEach((p, i) => (body = subst(body, p, args[i]!)))
          return nf(body, env, m, depth + 1)
        }
      }
      return { k: 'app', fn, args }
    }
    case 'pi':
      return { ...e, dom: nf(e.dom, env, m, depth + 1), body: nf(e.body, env, m, depth + 1) }
    default:
      return e
  }
}

function structEq(a: Expr, b: Expr, m: MCtx, names: Map<string, string>): boolean {
  if (a.k === 'mvar' && m.assign.has(a.id)) return structEq(m.assign.get(a.id)!, b, m, names)
  if (b.k === 'mvar' && m.assign.has(b.id)) return structEq(a, m.assign.get(b.id)!, m, names)
  if (a.k === 'mvar' || b.k === 'mvar') {
    if (a.k === 'mvar' && b.k === 'mvar' && a.id === b.id) return true
    if (a.k === 'mvar') m.assign.set(a.id, b)
    else if (b.k === 'mvar') m.assign.set(b.id, a)
    return true
  }
  switch (a.k) {
    case 'sort':
      return b.k === 'sort' && (a.u === b.u || typeof a.u === 'string' || typeof b.u === 'string')
    case 'const':
      return b.k === 'const' && a.name === b.name
    case 'fvar':
      return b.k === 'fvar' && a.id === b.id
    case 'bvar':
      return b.k === 'bvar' && (names.get(a.name) ?? a.name) === b.name
    case 'lit':
      return b.k === 'lit' && a.n === b.n
    case 'sorry':
      return b.k === 'sorry'
    case 'app':
      return (
        b.k === 'app' &&
        a.args.length === b.args.length &&
        structEq(a.fn, b.fn, m, names) &&
        a.args.every((x, i) => structEq(x, b.args[i]!, m, names))
      )
    case 'pi': {
      if (b.k !== 'pi' || !structEq(a.dom, b.dom, m, names)) return false
      const inner = new Map(names)
      inner.set(a.name, b.name)
      return structEq(a.body, b.body, m, inner)
    }
  }
}

/** Definitional equality as far as the fragment needs it; assigns metavariables on success only. */
export function isDefEq(a: Expr, b: Expr, env: Env, m: MCtx): boolean {
  const saved = m.save()
  if (structEq(a, b, m, new Map())) return true
  m.restore(saved)
  if (structEq(nf(a, env, m), nf(b, env, m), m, new Map())) return true
  m.restore(saved)
  return false
}

export function sortOf(u: Level): Expr {
  return { k: 'sort', u: u === 0 ? 1 : u === 1 ? 2 : u === 2 ? 2 : u }
}

export class TypeError_ extends Error {}

export function inferType(e: Expr, lctx: LCtx, env: Env, m: MCtx): Expr {
  switch (e.k) {
    case 'sort':
      return sortOf(e.u)
    case 'const': {
      const ci = env.get(e.name)
      if (!ci) throw new TypeError_(`unknown constant '${e.name}'`)
      return ci.type
    }
    case 'fvar': {
      const d = [...lctx].reverse().find((x) => x.fvarId === e.id)
      if (!d) throw new TypeError_(`unknown free variable '${e.id}'`)
      return d.type
    }
    case 'bvar':
      throw new TypeError_(`loose bound variable '${e.name}'`)
    case 'mvar':
      return m.types.get(e.id) ?? { k: 'sort', u: '?u' }
    case 'lit':
      return NatE
    case 'sorry':
      return e.type
    case 'app': {
      let t = inferType(e.fn, lctx, env, m)
      for (const a of e.args) {
        t = whnfPi(t, env, m)
        if (t.k !== 'pi') throw new TypeError_('function expected')
        t = subst(t.body, t.name, a)
      }
      return instantiate(t, m)
    }
    case 'pi': {
      const bt = inferType(e.body.k === 'bvar' ? e.dom : replaceBVarsBySorry(e.body), lctx, env, m)
      return bt.k === 'sort' && bt.u === 0 ? Prop : bt.k === 'sort' ? bt : TypeE
    }
  }
}

function replaceBVarsBySorry(e: Expr): Expr {
  switch (e.k) {
    case 'bvar':
      return { k: 'sorry', synthetic: true, type: TypeE }
    case 'app':
      return { k: 'app', fn: replaceBVarsBySorry(e.fn), args: e.args.map(replaceBVarsBySorry) }
    case 'pi':
      return { ...e, dom: replaceBVarsBySorry(e.dom), body: replaceBVarsBySorry(e.body) }
    default:
      return e
  }
}

/** Unfolds definitions at the head until a Π-type shows (or nothing changes). */
export function whnfPi(t: Expr, env: Env, m: MCtx): Expr {
  const i = instantiate(t, m)
  if (i.k === 'pi') return i
  const n = nf(i, env, m)
  return n
}

/** Whether `e` is a proposition (its type is `Prop`). */
export function isProp(e: Expr, lctx: LCtx, env: Env, m: MCtx): boolean {
  try {
    const t = instantiate(inferType(e, lctx, env, m), m)
    return t.k === 'sort' && t.u === 0
  } catch {
    return false
  }
}
