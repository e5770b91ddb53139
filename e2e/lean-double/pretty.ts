// Pretty printer. Produces a tree of text pieces in which every subexpression is tagged with itself and
// its subexpression position (`/0/1` style), so that the same code yields the plain strings of messages
// and the TaggedText<SubexprInfo> of the RPC layer.
import { HIDDEN_ARGS } from './builtins'
import { type Env, type Expr, type LCtx, type MCtx, instantiate, occursBVar, headArgs } from './expr'

export type PP = { text: string } | { append: PP[] } | { tag: [PPTag, PP] }
export interface PPTag {
  expr: Expr
  pos: string
}

export interface PPCtx {
  env: Env
  m?: MCtx
  /** Display name of a free variable. */
  fvarName: (id: string) => string
}

const INFIX: Record<string, { sym: string; prec: number; assoc: 'left' | 'right' | 'none'; first: number }> = {
  'HAdd.hAdd': { sym: '+', prec: 65, assoc: 'left', first: 0 },
  'HMul.hMul': { sym: '*', prec: 70, assoc: 'left', first: 0 },
  Eq: { sym: '=', prec: 50, assoc: 'none', first: 1 },
  And: { sym: '∧', prec: 35, assoc: 'right', first: 0 },
  Or: { sym: '∨', prec: 30, assoc: 'right', first: 0 },
}

const t = (text: string): PP => ({ text })
const cat = (...xs: PP[]): PP => ({ append: xs })

function posStr(parts: number[]): string {
  return parts.length === 0 ? '/' : '/' + parts.join('/')
}

/** Positions of the function and the arguments of an application in Lean's binary `app` tree. */
function argPos(base: number[], total: number, index: number): number[] {
  return [...base, ...Array<number>(total - 1 - index).fill(0), 1]
}

function explicitMask(ctx: PPCtx, head: Expr, n: number): boolean[] {
  const mask = Array<boolean>(n).fill(true)
  if (head.k !== 'const') return mask
  let ty = ctx.env.get(head.name)?.type
  for (let i = 0; i < n && ty && ty.k === 'pi'; i++) {
    mask[i] = ty.bi === 'default'
    ty = ty.body
  }
  return mask
}

function paren(p: PP, need: boolean): PP {
  return need ? cat(t('('), p, t(')')) : p
}

function go(ctx: PPCtx, e0: Expr, pos: number[], prec: number): PP {
  const e = ctx.m ? instantiate(e0, ctx.m) : e0
  const tag = (inner: PP): PP => ({ tag: [{ expr: e, pos: posStr(pos) }, inner] })
  switch (e.k) {
    case 'sort':
      return tag(t(e.u === 0 ? 'Prop' : e.u === 1 ? 'Type' : e.u === 2 ? 'Type 1' : `Sort ${e.u}`))
    case 'const':
      return tag(t(e.name))
    case 'fvar':
      return tag(t(ctx.fvarName(e.id)))
    case 'bvar':
      return tag(t(e.name))
    case 'mvar':
      return tag(t(`?m.${e.id}`))
    case 'lit':
      return tag(t(e.n.toString()))
    case 'sorry':
      return tag(t('sorry'))
    case 'app': {
      const { head, args } = headArgs(e)
      const hidden = head.k === 'const' ? (HIDDEN_ARGS[head.name] ?? 0) : 0
      const total = hidden + args.length
      const inf = head.k === 'const' ? INFIX[head.name] : undefined
      if (inf && args.length - inf.first === 2) {
        const li = inf.first
        const lp = inf.assoc === 'left' ? inf.prec : inf.prec + 1
        const rp = inf.assoc === 'right' ? inf.prec : inf.prec + 1
        const l = go(ctx, args[li]!, argPos(pos, total, hidden + li), lp)
        const r = go(ctx, args[li + 1]!, argPos(pos, total, hidden + li + 1), rp)
        return paren(tag(cat(l, t(` ${inf.sym} `), r)), prec > inf.prec)
      }
      const mask = explicitMask(ctx, head, args.length)
      const parts: PP[] = [go(ctx, head, [...pos, ...Array<number>(total).fill(0)], 1024)]
      args.forEach((a, i) => {
        if (!mask[i]) return
        parts.push(t(' '), go(ctx, a, argPos(pos, total, hidden + i), 1025))
      })
      if (parts.length === 1) return parts[0]!
      return paren(tag(cat(...parts)), prec > 1024)
    }
    case 'pi': {
      if (e.name === '' || (!occursBVar(e.body, e.name) && e.bi === 'default')) {
        const d = go(ctx, e.dom, [...pos, 0], 26)
        const b = go(ctx, e.body, [...pos, 1], 25)
        return paren(tag(cat(d, t(' → '), b)), prec > 25)
      }
      // ∀ with binder groups: `∀ {α : Sort u} (a b : α), body`
      const groups: PP[] = []
      let cur: Expr = e
      let curPos = pos
      const tags: { e: Expr; pos: number[] }[] = []
      while (cur.k === 'pi' && cur.name !== '' && (occursBVar(cur.body, cur.name) || cur.bi === 'implicit')) {
        const names = [cur.name]
        const dom = cur.dom
        const bi = cur.bi
        tags.push({ e: cur, pos: curPos })
        const domPP = go(ctx, dom, [...curPos, 0], 0)
        let next: Expr = cur.body
        let nextPos = [...curPos, 1]
        while (next.k === 'pi' && next.bi === bi && next.name !== '' && occursBVar(next.body, next.name) && sameExpr(next.dom, dom)) {
          names.push(next.name)
          tags.push({ e: next, pos: nextPos })
          next = next.body
          nextPos = [...nextPos, 1]
        }
        const [o, c] = bi === 'implicit' ? ['{', '}'] : ['(', ')']
        groups.push(cat(t(`${o}${names.join(' ')} : `), domPP, t(c)))
        cur = next
        curPos = nextPos
      }
      const body = go(ctx, cur, curPos, 0)
      const out = cat(t('∀ '), ...groups.flatMap((g, i) => (i ? [t(' '), g] : [g])), t(', '), body)
      return paren({ tag: [{ expr: e, pos: posStr(pos) }, out] }, prec > 0)
    }
  }
}

export function sameExpr(a: Expr, b: Expr): boolean {
  return JSON.stringify(a, bigintReplacer) === JSON.stringify(b, bigintReplacer)
}

export function bigintReplacer(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() + 'n' : v
}

export function ppTree(ctx: PPCtx, e: Expr): PP {
  return go(ctx, e, [], 0)
}

export function flatten(p: PP): string {
  if ('text' in p) return p.text
  if ('append' in p) return p.append.map(flatten).join('')
  return flatten(p.tag[1])
}

export function pp(ctx: PPCtx, e: Expr): string {
  return flatten(ppTree(ctx, e))
}

/** Display names for a local context: shadowed (and anonymous) names get Lean's `✝` suffix. */
export function lctxNames(lctx: LCtx): Map<string, string> {
  const out = new Map<string, string>()
  lctx.forEach((d, i) => {
    const shadowed = lctx.slice(i + 1).some((l) => l.userName === d.userName)
    out.set(d.fvarId, d.userName.endsWith('✝') || !shadowed ? d.userName : d.userName + '✝')
  })
  return out
}

export function ctxFor(env: Env, lctx: LCtx, m?: MCtx): PPCtx {
  const names = lctxNames(lctx)
  return { env, m, fvarName: (id) => names.get(id) ?? id }
}

export interface HypBundle {
  names: string[]
  fvarIds: string[]
  type: Expr
}

/** Consecutive hypotheses with the same type share one line, as in Lean's goal display. */
export function bundleHyps(ctx: PPCtx, lctx: LCtx): HypBundle[] {
  const out: HypBundle[] = []
  for (const d of lctx) {
    const last = out[out.length - 1]
    if (last && pp(ctx, last.type) === pp(ctx, d.type)) {
      last.names.push(ctx.fvarName(d.fvarId))
      last.fvarIds.push(d.fvarId)
    } else out.push({ names: [ctx.fvarName(d.fvarId)], fvarIds: [d.fvarId], type: d.type })
  }
  return out
}
