// Parser for the fragment: the import header, commands, terms, binders and tactic blocks.
import { KNOWN_TACTICS } from './builtins'
import { type Comment, type Token, lex } from './lexer'

export interface Name_ {
  name: string
  s: number
  e: number
}

export type Term =
  | { k: 'ident'; name: string; s: number; e: number }
  | { k: 'num'; n: bigint; s: number; e: number }
  | { k: 'sorry'; s: number; e: number }
  | { k: 'sort'; u: 0 | 1; s: number; e: number }
  | { k: 'paren'; inner: Term; s: number; e: number }
  | { k: 'app'; fn: Term; args: Term[]; s: number; e: number }
  | { k: 'binop'; op: string; lhs: Term; rhs: Term; s: number; e: number }
  | { k: 'forall'; binders: Binder[]; body: Term; s: number; e: number }
  | { k: 'anon'; args: Term[]; s: number; e: number }

export interface Binder {
  names: Name_[]
  type: Term | null
  implicit: boolean
  s: number
  e: number
}

export type SimpleTactic = 'rfl' | 'sorry' | 'assumption' | 'constructor' | 'trivial'
export type Tactic =
  | { k: 'intro'; names: Name_[]; s: number; e: number; kwE: number }
  | { k: 'exact'; term: Term; s: number; e: number; kwE: number }
  | { k: 'simple'; name: SimpleTactic; s: number; e: number; kwE: number }
  | { k: 'simp'; query: boolean; lemmas: Name_[]; s: number; e: number; kwE: number }
  | { k: 'bullet'; body: TacticSeq; s: number; e: number; kwE: number }

export interface TacticSeq {
  tactics: Tactic[]
  s: number
  e: number
  /** Set when a tactic failed to parse: the block is partial. */
  partial: boolean
  error?: ParseError
}

export type Body = { k: 'by'; kwS: number; kwE: number; seq: TacticSeq; s: number; e: number } | { k: 'term'; term: Term; s: number; e: number }

export type DeclKw = 'theorem' | 'lemma' | 'def' | 'example' | 'abbrev'

export type CommandNode =
  | { k: 'decl'; kw: DeclKw; kwS: number; kwE: number; name?: Name_; binders: Binder[]; type?: Term; body?: Body; doc?: string }
  | { k: 'eval' | 'check'; kwS: number; kwE: number; term?: Term }
  | { k: 'namespace' | 'section' | 'end'; name?: string }
  | { k: 'ignored' }
  | { k: 'unsupported'; kw: string; kwS: number; kwE: number }
  | { k: 'import'; module: string; modS: number; modE: number }
  | { k: 'garbage' }

export interface ParseError {
  pos: number
  msg: string
}

export interface Command {
  node: CommandNode
  /** Start (including a doc comment) and end of the last token. */
  s: number
  e: number
  errors: ParseError[]
}

export interface ParsedFile {
  tokens: Token[]
  comments: Comment[]
  commands: Command[]
}

const DECL_KWS = new Set(['theorem', 'lemma', 'def', 'example', 'abbrev'])
const MODIFIERS = new Set(['private', 'protected', 'noncomputable'])
const CMD_KWS = new Set([
  ...DECL_KWS, 'import', 'namespace', 'section', 'end', 'open', 'set_option', 'variable', 'structure', 'inductive',
  'class', 'instance', 'axiom', 'opaque', 'universe', 'mutual', 'macro', 'syntax', 'elab', 'attribute', ...MODIFIERS,
])

export class PErr extends Error {
  constructor(
    public pos: number,
    msg: string,
  ) {
    super(msg)
  }
}

function describe(t: Token): string {
  return t.kind === 'ident' ? 'identifier' : `token '${t.text}'`
}

const BINOPS: Record<string, { op: string; prec: number; assoc: 'l' | 'r' | 'n' }> = {
  '→': { op: '→', prec: 25, assoc: 'r' }, '->': { op: '→', prec: 25, assoc: 'r' },
  '∨': { op: '∨', prec: 30, assoc: 'r' }, '\\/': { op: '∨', prec: 30, assoc: 'r' },
  '∧': { op: '∧', prec: 35, assoc: 'r' }, '/\\': { op: '∧', prec: 35, assoc: 'r' },
  '=': { op: '=', prec: 50, assoc: 'n' }, '+': { op: '+', prec: 65, assoc: 'l' }, '*': { op: '*', prec: 70, assoc: 'l' },
}

export class TokenStream {
  constructor(
    public toks: Token[],
    public i: number,
    public hi: number,
    /** Offset reported for "unexpected end of input". */
    public endPos: number,
  ) {}
  peek(d = 0): Token | undefined {
    return this.i + d < this.hi ? this.toks[this.i + d] : undefined
  }
  next(): Token {
    const t = this.peek()
    if (!t) throw new PErr(this.endPos, 'unexpected end of input')
    this.i++
    return t
  }
  isSym(text: string, d = 0): boolean {
    const t = this.peek(d)
    return !!t && t.kind === 'sym' && t.text === text
  }
  expectSym(text: string, what = `'${text}'`): Token {
    const t = this.peek()
    if (!t) throw new PErr(this.endPos, `unexpected end of input; expected ${what}`)
    if (t.kind !== 'sym' || t.text !== text) throw new PErr(t.s, `unexpected ${describe(t)}; expected ${what}`)
    return this.next()
  }
  lastEnd(): number {
    return this.i > 0 ? this.toks[this.i - 1]!.e : 0
  }
}

function canStartArg(t: Token | undefined): boolean {
  if (!t) return false
  if (t.kind === 'ident' || t.kind === 'num') return true
  if (t.kind === 'kw') return t.text === 'sorry' || t.text === 'Prop' || t.text === 'Type'
  return t.kind === 'sym' && (t.text === '(' || t.text === '⟨')
}

export function parseTerm(ts: TokenStream, prec = 0): Term {
  let lhs = parseLeading(ts)
  if (canStartArg(ts.peek()) && lhs.k !== 'num' && lhs.k !== 'forall') {
    const args: Term[] = []
    while (canStartArg(ts.peek())) args.push(parseLeading(ts))
    lhs = { k: 'app', fn: lhs, args, s: lhs.s, e: args[args.length - 1]!.e }
  }
  for (;;) {
    const t = ts.peek()
    const op = t && t.kind === 'sym' ? BINOPS[t.text] : undefined
    if (!op || op.prec < prec) break
    ts.next()
    const rhs = parseTerm(ts, op.assoc === 'r' ? op.prec : op.prec + 1)
    lhs = { k: 'binop', op: op.op, lhs, rhs, s: lhs.s, e: rhs.e }
    if (op.assoc === 'n' && ts.peek()?.text === '=') break
  }
  return lhs
}

function parseLeading(ts: TokenStream): Term {
  const t = ts.peek()
  if (!t) throw new PErr(ts.endPos, 'unexpected end of input; expected term')
  if (t.kind === 'ident') return ts.next(), { k: 'ident', name: t.text, s: t.s, e: t.e }
  if (t.kind === 'num') return ts.next(), { k: 'num', n: BigInt(t.text), s: t.s, e: t.e }
  if (t.kind === 'kw' && t.text === 'sorry') return ts.next(), { k: 'sorry', s: t.s, e: t.e }
  if (t.kind === 'kw' && (t.text === 'Prop' || t.text === 'Type')) return ts.next(), { k: 'sort', u: t.text === 'Prop' ? 0 : 1, s: t.s, e: t.e }
  if (t.kind === 'sym' && t.text === '(') {
    ts.next()
    const inner = parseTerm(ts)
    const close = ts.expectSym(')')
    return { k: 'paren', inner, s: t.s, e: close.e }
  }
  if (t.kind === 'sym' && t.text === '⟨') {
    ts.next()
    const args: Term[] = []
    if (!ts.isSym('⟩')) {
      args.push(parseTerm(ts))
      while (ts.isSym(',')) ts.next(), args.push(parseTerm(ts))
    }
    const close = ts.expectSym('⟩')
    return { k: 'anon', args, s: t.s, e: close.e }
  }
  if ((t.kind === 'sym' && t.text === '∀') || (t.kind === 'kw' && t.text === 'forall')) {
    ts.next()
    const binders: Binder[] = []
    while (!ts.isSym(',')) {
      const b = ts.peek()
      if (b && b.kind === 'sym' && (b.text === '(' || b.text === '{')) binders.push(parseBracketBinder(ts))
      else if (b && b.kind === 'ident') {
        const names: Name_[] = []
        while (ts.peek()?.kind === 'ident') {
          const n = ts.next()
          names.push({ name: n.text, s: n.s, e: n.e })
        }
        let type: Term | null = null
        if (ts.isSym(':')) ts.next(), (type = parseTerm(ts))
        binders.push({ names, type, implicit: false, s: names[0]!.s, e: ts.lastEnd() })
      } else if (!b) throw new PErr(ts.endPos, "unexpected end of input; expected ','")
      else throw new PErr(b.s, `unexpected ${describe(b)}; expected ','`)
    }
    ts.next()
    const body = parseTerm(ts)
    return { k: 'forall', binders, body, s: t.s, e: body.e }
  }
  throw new PErr(t.s, `unexpected ${describe(t)}; expected term`)
}

export function parseBracketBinder(ts: TokenStream): Binder {
  const open = ts.next()
  const implicit = open.text === '{'
  const names: Name_[] = []
  while (ts.peek()?.kind === 'ident') {
    const n = ts.next()
    names.push({ name: n.text, s: n.s, e: n.e })
  }
  if (names.length === 0) {
    const b = ts.peek()
    throw new PErr(b ? b.s : ts.endPos, b ? `unexpected ${describe(b)}; expected identifier` : 'unexpected end of input')
  }
  let type: Term | null = null
  if (ts.isSym(':')) ts.next(), (type = parseTerm(ts))
  const close = ts.expectSym(implicit ? '}' : ')')
  return { names, type, implicit, s: open.s, e: close.e }
}

/** Parses a tactic block starting at `ts.i`; stops at the first line indented less than its first tactic. */
export function parseTacticSeq(ts: TokenStream): TacticSeq {
  const first = ts.peek()
  if (!first) throw new PErr(ts.endPos, "unexpected end of input; expected '{'")
  const col = first.col
  const seq: TacticSeq = { tactics: [], s: first.s, e: first.e, partial: false }
  for (;;) {
    // the extent of one tactic: up to a top-level `;` or a new line at column <= col
    let j = ts.i + 1
    let depth = 0
    for (; j < ts.hi; j++) {
      const t = ts.toks[j]!
      if (t.kind === 'sym' && (t.text === '(' || t.text === '[' || t.text === '⟨' || t.text === '{')) depth++
      if (t.kind === 'sym' && (t.text === ')' || t.text === ']' || t.text === '⟩' || t.text === '}')) depth--
      if (depth <= 0 && t.kind === 'sym' && t.text === ';') break
      if (t.first && t.col <= col) break
    }
    const sub = new TokenStream(ts.toks, ts.i, j, j < ts.hi ? ts.toks[j]!.s : ts.endPos)
    let tac: Tactic
    try {
      tac = parseTactic(sub, seq)
    } catch (e) {
      if (!(e instanceof PErr)) throw e
      seq.partial = true
      seq.error ??= { pos: e.pos, msg: e.message }
      ts.i = ts.hi
      return seq
    }
    seq.tactics.push(tac)
    seq.e = tac.e
    if (seq.partial) {
      ts.i = ts.hi
      return seq
    }
    if (sub.i < j) {
      // complete tactic followed by junk on the same line: the block ends here
      ts.i = sub.i
      return seq
    }
    ts.i = j
    const t = ts.peek()
    if (!t) return seq
    if (t.kind === 'sym' && t.text === ';') {
      ts.next()
      if (!ts.peek()) throw new PErr(ts.endPos, 'unexpected end of input; expected tactic')
      continue
    }
    if (t.first && t.col === col) continue
    return seq
  }
}

function parseTactic(ts: TokenStream, seq: TacticSeq): Tactic {
  const t = ts.next()
  const s = t.s
  {
    if (t.kind === 'sym' && (t.text === '·' || t.text === '.')) {
      const body = parseTacticSeq(ts)
      if (body.partial) {
        seq.partial = true
        seq.error ??= body.error
      }
      return { k: 'bullet', body, s, e: body.e, kwE: t.e }
    }
    const name = t.text
    if (!(t.kind === 'ident' || (t.kind === 'kw' && name === 'sorry')) || !KNOWN_TACTICS.has(name)) {
      // Lean's fallback tactic parser reports "unknown tactic" one character into the identifier
      if (t.kind === 'ident') throw new PErr(t.s + String.fromCodePoint(t.text.codePointAt(0)!).length, 'unknown tactic')
      throw new PErr(t.s, `unexpected ${describe(t)}; expected tactic`)
    }
    if (name === 'intro') {
      const names: Name_[] = []
      while (ts.peek()?.kind === 'ident') {
        const n = ts.next()
        names.push({ name: n.text, s: n.s, e: n.e })
      }
      return { k: 'intro', names, s, e: ts.lastEnd(), kwE: t.e }
    }
    if (name === 'exact') {
      const term = parseTerm(ts)
      return { k: 'exact', term, s, e: term.e, kwE: t.e }
    }
    if (name === 'simp' || name === 'simp?') {
      const lemmas: Name_[] = []
      if (ts.peek()?.text === 'only') ts.next()
      if (ts.isSym('[')) {
        ts.next()
        while (!ts.isSym(']')) {
          const l = ts.next()
          if (l.kind !== 'ident') throw new PErr(l.s, `unexpected ${describe(l)}; expected ']'`)
          lemmas.push({ name: l.text, s: l.s, e: l.e })
          if (ts.isSym(',')) ts.next()
        }
        ts.next()
      }
      return { k: 'simp', query: name === 'simp?', lemmas, s, e: ts.lastEnd(), kwE: t.e }
    }
    return { k: 'simple', name: name as SimpleTactic, s, e: t.e, kwE: t.e }
  }
}

export function isCommandStart(t: Token): boolean {
  return t.kind === 'kw' && (CMD_KWS.has(t.text) || t.text.startsWith('#'))
}

export { lex, DECL_KWS, MODIFIERS }
