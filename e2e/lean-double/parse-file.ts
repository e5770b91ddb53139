// Splits a file into commands (each runs to the next command keyword, as Lean's command parser does
// after an error) and parses each one.
import type { Token } from './lexer'
import {
  type Body, type Binder, type Command, type CommandNode, type DeclKw, type ParseError, type ParsedFile, DECL_KWS,
  MODIFIERS, PErr, TokenStream, isCommandStart, lex, parseBracketBinder, parseTacticSeq, parseTerm,
} from './parser'

function describe(t: Token): string {
  return t.kind === 'ident' ? 'identifier' : `token '${t.text}'`
}

function isAttrStart(toks: Token[], i: number): boolean {
  return toks[i]?.kind === 'sym' && toks[i]!.text === '@' && toks[i + 1]?.text === '['
}

/** Skips `@[...]` attributes and modifiers; returns the index of the keyword after them. */
function skipPrefix(toks: Token[], i: number, hi: number): number {
  for (;;) {
    if (i < hi && isAttrStart(toks, i)) {
      while (i < hi && toks[i]!.text !== ']') i++
      i++
    } else if (i < hi && toks[i]!.kind === 'kw' && MODIFIERS.has(toks[i]!.text)) i++
    else return i
  }
}

export function parseFile(text: string): ParsedFile {
  const { tokens, comments } = lex(text)
  const bounds: number[] = []
  let i = 0
  while (i < tokens.length) {
    if (bounds.length === 0 || isCommandStart(tokens[i]!) || isAttrStart(tokens, i)) {
      bounds.push(i)
      const j = skipPrefix(tokens, i, tokens.length)
      i = Math.max(j, i) + 1
      continue
    }
    i++
  }
  const commands: Command[] = []
  bounds.forEach((lo, k) => {
    const hi = k + 1 < bounds.length ? bounds[k + 1]! : tokens.length
    const endPos = hi < tokens.length ? tokens[hi]!.s : text.length
    const ts = new TokenStream(tokens, lo, hi, endPos)
    const errors: ParseError[] = []
    let node: CommandNode
    try {
      node = parseCommand(ts, errors)
    } catch (e) {
      if (!(e instanceof PErr)) throw e
      errors.push({ pos: e.pos, msg: e.message })
      node = { k: 'garbage' }
    }
    if (ts.i < hi && errors.length === 0) {
      const t = tokens[ts.i]!
      errors.push({ pos: t.s, msg: `unexpected ${describe(t)}; expected command` })
    }
    let s = tokens[lo]!.s
    const prevEnd = lo > 0 ? tokens[lo - 1]!.e : 0
    const doc = comments.find((c) => c.doc && c.e <= s && c.s >= prevEnd)
    if (doc && node.k === 'decl') {
      s = doc.s
      node.doc = doc.text.slice(3, -2).trim()
    }
    commands.push({ node, s, e: tokens[hi - 1]!.e, errors })
  })
  return { tokens, comments, commands }
}

function parseCommand(ts: TokenStream, errors: ParseError[]): CommandNode {
  const first = ts.peek()!
  if (!isCommandStart(first) && !isAttrStart(ts.toks, ts.i)) {
    errors.push({ pos: first.s, msg: `unexpected ${describe(first)}; expected command` })
    ts.i = ts.hi
    return { k: 'garbage' }
  }
  ts.i = skipPrefix(ts.toks, ts.i, ts.hi)
  const kw = ts.next()
  const word = kw.text
  const rest = () => {
    ts.i = ts.hi
  }
  if (word === 'import') {
    const m = ts.peek()
    if (!m || m.kind !== 'ident') {
      errors.push({ pos: m ? m.s : ts.endPos, msg: `unexpected ${m ? describe(m) : 'end of input'}; expected identifier` })
      rest()
      return { k: 'import', module: '', modS: kw.e, modE: kw.e }
    }
    ts.next()
    return { k: 'import', module: m.text, modS: m.s, modE: m.e }
  }
  if (DECL_KWS.has(word)) return parseDecl(ts, word as DeclKw, kw, errors)
  if (word === '#eval' || word === '#check') {
    const k = word === '#eval' ? 'eval' : 'check'
    try {
      return { k, kwS: kw.s, kwE: kw.e, term: parseTerm(ts) }
    } catch (e) {
      if (!(e instanceof PErr)) throw e
      errors.push({ pos: e.pos, msg: e.message })
      rest()
      return { k, kwS: kw.s, kwE: kw.e }
    }
  }
  if (word === 'namespace' || word === 'section' || word === 'end') {
    const n = ts.peek()
    let name: string | undefined
    if (n && n.kind === 'ident') name = ts.next().text
    else if (word === 'namespace') throw new PErr(n ? n.s : ts.endPos, 'expected identifier')
    return { k: word, name }
  }
  if (word === 'open' || word === 'set_option' || word === 'universe') {
    rest()
    return { k: 'ignored' }
  }
  rest()
  return { k: 'unsupported', kw: word, kwS: kw.s, kwE: kw.e }
}

function parseDecl(ts: TokenStream, kw: DeclKw, kwTok: Token, errors: ParseError[]): CommandNode {
  const node: CommandNode & { k: 'decl' } = { k: 'decl', kw, kwS: kwTok.s, kwE: kwTok.e, binders: [] }
  try {
    if (kw !== 'example') {
      const n = ts.peek()
      if (!n || n.kind !== 'ident') {
        throw new PErr(n ? n.s : ts.endPos, n ? `unexpected ${describe(n)}; expected identifier` : 'unexpected end of input; expected identifier')
      }
      ts.next()
      node.name = { name: n.text, s: n.s, e: n.e }
    }
    const binders: Binder[] = []
    while (ts.isSym('(') || ts.isSym('{') || ts.isSym('[')) {
      if (ts.isSym('[')) throw new PErr(ts.peek()!.s, 'lean-double: instance binders `[...]` are outside the supported fragment')
      binders.push(parseBracketBinder(ts))
    }
    node.binders = binders
    if (ts.isSym(':')) {
      ts.next()
      node.type = parseTerm(ts)
    }
    const t = ts.peek()
    if (!t || !(t.kind === 'sym' && t.text === ':=')) {
      throw new PErr(t ? t.s : ts.endPos, `unexpected ${t ? describe(t) : 'end of input'}; expected ':=', 'where' or '|'`)
    }
    ts.next()
    const by = ts.peek()
    let body: Body
    if (by && by.kind === 'kw' && by.text === 'by') {
      ts.next()
      if (!ts.peek()) throw new PErr(ts.endPos, "unexpected end of input; expected '{'")
      const seq = parseTacticSeq(ts)
      if (seq.error) errors.push(seq.error)
      body = { k: 'by', kwS: by.s, kwE: by.e, seq, s: by.s, e: seq.e }
    } else {
      if (!by) throw new PErr(ts.endPos, 'unexpected end of input; expected term')
      const term = parseTerm(ts)
      body = { k: 'term', term, s: term.s, e: term.e }
    }
    node.body = body
  } catch (e) {
    if (!(e instanceof PErr)) throw e
    errors.push({ pos: e.pos, msg: e.message })
    ts.i = ts.hi
  }
  return node
}
