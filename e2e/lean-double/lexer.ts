// Tokens of the fragment. Offsets are string (UTF-16) indices into the document.

export type TokenKind = 'ident' | 'num' | 'str' | 'sym' | 'kw'

export interface Token {
  kind: TokenKind
  text: string
  s: number
  e: number
  line: number
  /** Column in UTF-16 code units. */
  col: number
  /** First token on its line. */
  first: boolean
}

export interface Comment {
  s: number
  e: number
  /** `/-- … -/` doc comment. */
  doc: boolean
  text: string
}

export const KEYWORDS = new Set([
  'theorem', 'lemma', 'example', 'def', 'abbrev', 'by', 'fun', 'import', 'namespace', 'section', 'end', 'open',
  'set_option', 'variable', 'structure', 'inductive', 'class', 'instance', 'axiom', 'opaque', 'where', 'match',
  'with', 'do', 'have', 'show', 'from', 'let', 'at', 'only', 'universe', 'mutual', 'noncomputable', 'private',
  'protected', 'sorry', 'Prop', 'Type', 'Sort', 'forall', 'deriving', 'macro', 'syntax', 'elab', 'attribute',
])

const MULTI_SYMBOLS = [':=', '->', '<;>', '/\\', '\\/', '<-', '=>', '≠', '..']

function isIdStart(c: string): boolean {
  if (/[A-Za-z_]/.test(c)) return true
  if (c === 'λ' || c === 'Π' || c === 'Σ') return false
  return /\p{L}/u.test(c) || /[\u2100-\u214F]/.test(c)
}

function isIdRest(c: string): boolean {
  return isIdStart(c) || /[0-9'!?]/.test(c) || /[\u2080-\u209C\u1D62-\u1D6A\u2C7C]/.test(c)
}

export interface LexResult {
  tokens: Token[]
  comments: Comment[]
}

export function lex(text: string): LexResult {
  const tokens: Token[] = []
  const comments: Comment[] = []
  let i = 0
  let line = 0
  let lineStart = 0
  let lastTokenLine = -1
  const n = text.length

  const push = (kind: TokenKind, s: number, e: number) => {
    tokens.push({ kind, text: text.slice(s, e), s, e, line, col: s - lineStart, first: lastTokenLine !== line })
    lastTokenLine = line
  }
  const newlinesIn = (s: number, e: number) => {
    for (let k = s; k < e; k++) {
      if (text.charCodeAt(k) === 10) {
        line++
        lineStart = k + 1
      }
    }
  }

  while (i < n) {
    const c = text[i]!
    if (c === '\n') {
      line++
      lineStart = i + 1
      i++
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++
      continue
    }
    if (c === '-' && text[i + 1] === '-') {
      let j = i
      while (j < n && text[j] !== '\n') j++
      comments.push({ s: i, e: j, doc: false, text: text.slice(i, j) })
      i = j
      continue
    }
    if (c === '/' && text[i + 1] === '-') {
      const doc = text[i + 2] === '-' && text[i + 3] !== '/'
      let depth = 1
      let j = i + 2
      while (j < n && depth > 0) {
        if (text[j] === '/' && text[j + 1] === '-') {
          depth++
          j += 2
        } else if (text[j] === '-' && text[j + 1] === '/') {
          depth--
          j += 2
        } else j++
      }
      comments.push({ s: i, e: j, doc, text: text.slice(i, j) })
      newlinesIn(i, j)
      i = j
      continue
    }
    const s = i
    if (/[0-9]/.test(c)) {
      while (i < n && /[0-9]/.test(text[i]!)) i++
      push('num', s, i)
      continue
    }
    if (c === '"') {
      i++
      while (i < n && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1
      if (text[i] === '"') i++
      push('str', s, i)
      continue
    }
    if (c === '#' && i + 1 < n && /[a-z]/.test(text[i + 1]!)) {
      i++
      while (i < n && /[A-Za-z_!]/.test(text[i]!)) i++
      push('kw', s, i)
      continue
    }
    const cp = String.fromCodePoint(text.codePointAt(i)!)
    if (isIdStart(cp)) {
      i += cp.length
      for (;;) {
        while (i < n) {
          const d = String.fromCodePoint(text.codePointAt(i)!)
          if (!isIdRest(d)) break
          i += d.length
        }
        // dotted continuation: `Nat.add`, `h.1`
        if (text[i] === '.' && i + 1 < n) {
          const d = String.fromCodePoint(text.codePointAt(i + 1)!)
          if (isIdStart(d) || /[0-9]/.test(d)) {
            i += 1
            continue
          }
        }
        break
      }
      const word = text.slice(s, i)
      push(KEYWORDS.has(word) ? 'kw' : 'ident', s, i)
      continue
    }
    const multi = MULTI_SYMBOLS.find((m) => text.startsWith(m, i))
    if (multi) {
      i += multi.length
      push('sym', s, i)
      continue
    }
    i += cp.length
    push('sym', s, i)
  }
  return { tokens, comments }
}
