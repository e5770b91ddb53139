// The Lean grammar pieces that can be checked without a DOM: regexes (compiled as Monarch does, with the `u`
// flag), keyword lists, a small Monarch-style run of the state machine (nested comments), and the auto-closing
// pairs against the unicode abbreviation table. Real Monaco tokenization is checked in e2e/language.spec.ts.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AbbreviationProvider } from '@leanprover/unicode-input'
import {
  CHAR_LITERAL,
  IDENTIFIER,
  LEAN_AUTO_CLOSING_PAIRS,
  LEAN_COMMANDS,
  LEAN_KEYWORDS,
  LEAN_TACTICS,
  LEAN_WORD_PATTERN,
  NUMBER_PATTERNS,
  leanMonarchTokens,
} from '../src/renderer/src/features/lean-grammar'

const whole = (source: string) => new RegExp(`^(?:${source})$`, 'u')

type Rule = [RegExp, unknown, string?]
const grammar = leanMonarchTokens()
const states = grammar.tokenizer as unknown as Record<string, Rule[]>

/** Tokenizes lines the way Monarch does: rules tried in order at each position; `@x` pushes, `@pop` pops. */
function tokenize(lines: string[]): { text: string; token: string }[][] {
  let stack = ['root']
  return lines.map((line) => {
    const out: { text: string; token: string }[] = []
    let pos = 0
    while (pos < line.length) {
      const state = stack[stack.length - 1]
      let matched = false
      for (const [regex, action, next] of states[state]) {
        const m = new RegExp(`^(?:${regex.source})`, 'u').exec(line.slice(pos))
        if (!m || m[0].length === 0) continue
        let token = action as string
        if (typeof action === 'object' && action && 'cases' in action) {
          const cases = (action as { cases: Record<string, string> }).cases
          const key = Object.keys(cases).find((k) => k !== '@default' && (grammar[k.slice(1)] as string[]).includes(m[0]))
          token = cases[key ?? '@default']
        }
        out.push({ text: m[0], token })
        if (next === '@pop') stack = stack.slice(0, -1)
        else if (next === '@push') stack = [...stack, state]
        else if (next) stack = [...stack, next.slice(1)]
        pos += m[0].length
        matched = true
        break
      }
      assert.ok(matched, `no rule matches at ${pos} in ${JSON.stringify(line)} (state ${state})`)
    }
    return out
  })
}

const tokenOf = (tokens: { text: string; token: string }[][], text: string) =>
  tokens.flat().find((t) => t.text === text)?.token

describe('Lean grammar', () => {
  it('every rule compiles with the unicode flag (as Monarch compiles them)', () => {
    for (const [name, rules] of Object.entries(states)) {
      for (const [regex] of rules) assert.doesNotThrow(() => new RegExp(regex.source, 'u'), `${name}: ${regex}`)
    }
  })

  it('identifiers: dotted, unicode letters, subscripts, primes, guillemets, ! and ?', () => {
    const id = whole(IDENTIFIER)
    for (const ok of ['Nat.add_comm', 'h₁', "h'", 'α', 'ℕ', '𝔽', 'x𝔽₂', 'Foo.«bar baz».qux', 'get!', 'simp?', 'ᾰ']) {
      assert.ok(id.test(ok), ok)
    }
    for (const bad of ['λ', '1x', '→', 'Π', 'Σ', '.x', '₁']) assert.ok(!id.test(bad), bad)
  })

  it('numbers and char literals', () => {
    assert.ok(whole(NUMBER_PATTERNS.hex.source).test('0xFF_ff'))
    assert.ok(whole(NUMBER_PATTERNS.binary.source).test('0b1010'))
    assert.ok(whole(NUMBER_PATTERNS.float.source).test('3.14e-2'))
    assert.ok(whole(NUMBER_PATTERNS.decimal.source).test('1_000'))
    for (const c of ["'a'", "'\\n'", "'\\x41'", "'\\u{1F600}'", "'∀'"]) assert.ok(whole(CHAR_LITERAL).test(c), c)
  })

  it('has the keywords, commands and tactics users expect', () => {
    for (const k of ['theorem', 'def', 'by', 'fun', 'match', 'termination_by', 'where']) assert.ok(LEAN_KEYWORDS.includes(k), k)
    for (const c of ['#eval', '#check', '#print', '#reduce', '#exit', '#guard_msgs']) assert.ok(LEAN_COMMANDS.includes(c), c)
    for (const t of ['intro', 'exact', 'simp', 'simp?', 'omega', 'rw', 'cases', 'induction', 'aesop', 'sorry']) {
      assert.ok(LEAN_TACTICS.includes(t), t)
    }
  })

  it('classifies a small file', () => {
    const tokens = tokenize([
      '@[simp] theorem foo (n : ℕ) : n + 0 = n := by',
      '  simp [Nat.add_zero]; exact sorry',
      '#eval s!"a\\n{1}" ++ toString 0x1F',
      "def c := 'x' -- done",
    ])
    assert.equal(tokenOf(tokens, '@['), 'annotation')
    assert.equal(tokenOf(tokens, 'theorem'), 'keyword')
    assert.equal(tokenOf(tokens, 'by'), 'keyword')
    assert.equal(tokenOf(tokens.slice(1), 'simp'), 'keyword.tactic')
    assert.equal(tokenOf(tokens, 'sorry'), 'keyword.sorry')
    assert.equal(tokenOf(tokens, 'Nat.add_zero'), 'identifier')
    assert.equal(tokenOf(tokens, 'ℕ'), 'identifier')
    assert.equal(tokenOf(tokens, '#eval'), 'keyword.command')
    assert.equal(tokenOf(tokens, '\\n'), 'string.escape')
    assert.equal(tokenOf(tokens, '0x1F'), 'number.hex')
    assert.equal(tokenOf(tokens, "'x'"), 'string.char')
    assert.equal(tokenOf(tokens, '-- done'), 'comment')
  })

  it('block comments nest across lines; doc comments are their own class', () => {
    const tokens = tokenize(['/- outer /- inner -/ still -/ def x := 1', '/-- doc /- nested -/ more', '-/ theorem'])
    const line0 = tokens[0]
    assert.ok(line0.filter((t) => t.text.includes('still')).every((t) => t.token === 'comment'))
    assert.equal(line0.find((t) => t.text === 'def')?.token, 'keyword')
    assert.ok(tokens[1].every((t) => t.token === 'comment.doc' || t.text.trim() === ''))
    assert.equal(tokens[2].find((t) => t.text === 'theorem')?.token, 'keyword')
  })

  it('the word pattern keeps unicode identifiers and primes whole, splits at dots', () => {
    const words = (s: string) => s.match(new RegExp(LEAN_WORD_PATTERN.source, 'gu'))
    assert.deepEqual(words("Nat.add h₁' α→β"), ['Nat', 'add', "h₁'", 'α→β'])
  })
})

describe('auto-closing pairs and unicode abbreviations', () => {
  const provider = new AbbreviationProvider({ abbreviationCharacter: '\\', customTranslations: {}, eagerReplacementEnabled: true })
  const abbreviations = Object.keys(provider.getSymbolsByAbbreviation())

  it('every auto-inserted sub-word that starts an abbreviation is a strict prefix of another one', () => {
    for (const { open, close } of LEAN_AUTO_CLOSING_PAIRS) {
      // Quotes (`\"a` → ä) are not auto-closed while an abbreviation is typed (unicode/input.ts turns that off).
      if (open === '"') continue
      if (!abbreviations.some((a) => a.startsWith(open))) continue
      const typed = open + close
      assert.ok(
        abbreviations.some((a) => a !== typed && a.startsWith(typed)),
        `\\${open} auto-closes to \\${typed}, which must be a strict prefix of an abbreviation`,
      )
    }
  })

  it('does not auto-close < (\\<= and \\<- must stay typeable)', () => {
    assert.ok(!LEAN_AUTO_CLOSING_PAIRS.some((p) => p.open === '<'))
  })
})
