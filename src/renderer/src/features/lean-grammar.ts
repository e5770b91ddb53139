// The Lean 4 Monarch grammar and the bracket/auto-closing tables, as plain data. No Monaco import at run
// time, so node:test can check the pieces (keyword lists, identifier and number regexes, the auto-closing pairs
// against the unicode abbreviation table). `editor/lean-language.ts` hands these to Monaco.
//
// Token classes (Monaco appends the `.lean4` postfix; theme rules match by prefix):
//   keyword, keyword.command (#eval …), keyword.tactic, keyword.sorry, type, identifier, constant (`name),
//   comment, comment.doc, string, string.escape, string.char, number, number.hex, number.float,
//   annotation (@[…]), operator, delimiter.bracket.
import type { monaco } from '../editor/monaco'

type MonarchLanguage = monaco.languages.IMonarchLanguage

export const LEAN_KEYWORDS: readonly string[] = [
  // declarations and commands
  'theorem', 'lemma', 'def', 'example', 'abbrev', 'instance', 'structure', 'class', 'inductive', 'coinductive',
  'where', 'deriving', 'extends', 'namespace', 'section', 'end', 'open', 'variable', 'universe', 'import', 'export',
  'mutual', 'private', 'protected', 'noncomputable', 'partial', 'unsafe', 'nonrec', 'opaque', 'axiom', 'macro',
  'macro_rules', 'syntax', 'elab', 'elab_rules', 'declare_syntax_cat', 'notation', 'infix', 'infixl', 'infixr',
  'prefix', 'postfix', 'set_option', 'attribute', 'local', 'scoped', 'initialize', 'builtin_initialize', 'omit',
  'include', 'public', 'meta', 'module',
  // terms
  'fun', 'λ', 'let', 'have', 'show', 'from', 'by', 'at', 'with', 'match', 'if', 'then', 'else', 'do', 'for', 'in',
  'return', 'try', 'catch', 'finally', 'calc', 'termination_by', 'decreasing_by', 'suffices', 'unless', 'mut',
  'break', 'continue', 'nomatch', 'nofun', '∀', '∃', 'Π', 'Σ',
]

export const LEAN_COMMANDS: readonly string[] = [
  '#eval', '#check', '#print', '#reduce', '#exit', '#guard_msgs', '#synth', '#help', '#lint', '#guard',
  '#check_failure', '#where', '#version', '#time', '#simp', '#norm_num', '#conv', '#find', '#align',
]

export const LEAN_TACTICS: readonly string[] = [
  'intro', 'intros', 'rintro', 'exact', 'exact?', 'apply', 'apply?', 'refine', "refine'", 'rfl', 'simp', 'simp?',
  'simp_all', 'simp_all?', 'simpa', 'simpa?', 'dsimp', 'omega', 'decide', 'native_decide', 'rw', 'rw?', 'rewrite',
  'rwa', 'erw', 'nth_rewrite', 'nth_rw', 'cases', 'rcases', 'obtain', 'induction', 'constructor', 'use', 'exists',
  'existsi', 'assumption', 'contradiction', 'exfalso', 'unfold', 'trivial', 'norm_num', 'linarith', 'nlinarith',
  'positivity', 'ring', 'ring_nf', 'field_simp', 'aesop', 'conv', 'congr', 'ext', 'funext', 'first', 'repeat',
  'all_goals', 'any_goals', 'focus', 'case', 'next', 'by_cases', 'by_contra', 'push_neg', 'specialize',
  'generalize', 'subst', 'injection', 'left', 'right', 'split', 'split_ifs', 'tauto', 'gcongr', 'revert', 'clear',
  'rename_i', 'set', 'change', 'symm', 'trans', 'exact_mod_cast', 'norm_cast', 'push_cast', 'infer_instance',
  'fin_cases', 'interval_cases', 'rel', 'bound', 'grind', 'skip', 'done', 'stop', 'sorry', 'admit',
]

/** Terms that leave a proof unfinished: they get their own, loud colour. */
export const LEAN_SORRIES: readonly string[] = ['sorry', 'admit']

export const LEAN_TYPES: readonly string[] = ['Type', 'Sort', 'Prop']

// Lean's identifier characters (Lean's `isLetterLike` and `isSubScriptAlnum`): Greek except λ Π Σ, Coptic,
// polytonic Greek, the letter-like block (ℕ ℤ ℝ …), mathematical alphanumerics (𝔽 𝒜 …, outside the BMP, so
// the grammar is compiled with the `u` flag), and subscripts (₀-₉ ₐ-ₜ ᵢ-ᵪ ⱼ) after the first character.
const LETTER_LIKE =
  'α-κμ-ωΑ-ΟΡΤ-Ωϊ-ϻἀ-῾℀-⅏\\u{1D49C}-\\u{1D59F}'
const SUBSCRIPTS = '₀-₉ₐ-ₜᵢ-ᵪⱼ'
export const IDENT_START = `[A-Za-z_${LETTER_LIKE}]`
export const IDENT_REST = `[A-Za-z0-9_'!?${LETTER_LIKE}${SUBSCRIPTS}]`
const ATOM = `(?:«[^»]*»|${IDENT_START}${IDENT_REST}*)`
/** A possibly dotted name: `Nat.add_comm`, `h₁`, `𝔽`, `Foo.«bar baz»`. */
export const IDENTIFIER = `${ATOM}(?:\\.${ATOM})*`

export const NUMBER_PATTERNS = {
  hex: /0[xX][0-9a-fA-F_]+/,
  binary: /0[bB][01_]+/,
  octal: /0[oO][0-7_]+/,
  float: /\d[\d_]*(?:\.\d+(?:[eE][+-]?\d+)?|[eE][+-]?\d+)/,
  decimal: /\d[\d_]*/,
}

/** String and character escapes Lean accepts: \\ \" \' \n \t \r \x41 \u{1F600} \u0041 and a line continuation. */
const ESCAPE = `\\\\(?:[\\\\"'ntr]|x[0-9a-fA-F]{2}|u\\{[0-9a-fA-F]+\\}|u[0-9a-fA-F]{4}|$)`
export const CHAR_LITERAL = `'(?:[^'\\\\]|${ESCAPE})'`

const UNICODE_OPERATORS = '→←↔↦⟶∧∨¬≤≥≠×∘⊢∈∉⊆⊂⊇⊃∪∩∣⁻¹≃≅≈≡∑∏•∫√∞⊤⊥⊓⊔∅⋆∗▸⬝≪≫⊕⊗'

export function leanMonarchTokens(): MonarchLanguage {
  return {
    defaultToken: '',
    unicode: true,
    keywords: [...LEAN_KEYWORDS],
    commands: [...LEAN_COMMANDS],
    tactics: [...LEAN_TACTICS],
    sorries: [...LEAN_SORRIES],
    types: [...LEAN_TYPES],
    brackets: [
      { open: '(', close: ')', token: 'delimiter.parenthesis' },
      { open: '[', close: ']', token: 'delimiter.square' },
      { open: '{', close: '}', token: 'delimiter.curly' },
      { open: '⟨', close: '⟩', token: 'delimiter.angle' },
      { open: '⟦', close: '⟧', token: 'delimiter.square' },
      { open: '⦃', close: '⦄', token: 'delimiter.curly' },
    ],
    tokenizer: {
      root: [
        [/\/--/, 'comment.doc', '@docComment'],
        [/\/-!/, 'comment.doc', '@docComment'],
        [/\/-/, 'comment', '@comment'],
        [/--.*$/, 'comment'],
        [/@\[/, 'annotation', '@attribute'],
        [/#[A-Za-z_][\w]*/, 'keyword.command'],
        [/[λ∀∃ΠΣ]/, 'keyword'],
        [
          new RegExp(IDENTIFIER, 'u'),
          {
            cases: {
              '@sorries': 'keyword.sorry',
              '@tactics': 'keyword.tactic',
              '@keywords': 'keyword',
              '@types': 'type',
              '@default': 'identifier',
            },
          },
        ],
        [new RegExp('`{1,2}' + IDENTIFIER, 'u'), 'constant'],
        [/r#"/, 'string', '@rawStringHash'],
        [/r"/, 'string', '@rawString'],
        [/"/, 'string', '@string'],
        [new RegExp(CHAR_LITERAL, 'u'), 'string.char'],
        [NUMBER_PATTERNS.hex, 'number.hex'],
        [NUMBER_PATTERNS.binary, 'number.hex'],
        [NUMBER_PATTERNS.octal, 'number.hex'],
        [NUMBER_PATTERNS.float, 'number.float'],
        [NUMBER_PATTERNS.decimal, 'number'],
        [/[()[\]{}⟨⟩⟦⟧⦃⦄]/, '@brackets'],
        [new RegExp(`[${UNICODE_OPERATORS}]`, 'u'), 'operator'],
        [/[=<>!~?:&|+\-*/\\^%$.,;·']/, 'operator'],
        [/\s+/, ''],
      ],
      // Lean block comments nest: every `/-` opens a level, every `-/` closes one.
      comment: [
        [/[^/-]+/, 'comment'],
        [/\/-/, 'comment', '@push'],
        [/-\//, 'comment', '@pop'],
        [/[/-]/, 'comment'],
      ],
      docComment: [
        [/[^/-]+/, 'comment.doc'],
        [/\/-/, 'comment.doc', '@push'],
        [/-\//, 'comment.doc', '@pop'],
        [/[/-]/, 'comment.doc'],
      ],
      attribute: [
        [/\]/, 'annotation', '@pop'],
        [/[^\]]+/, 'annotation'],
      ],
      string: [
        [/[^\\"]+/, 'string'],
        [new RegExp(ESCAPE, 'u'), 'string.escape'],
        [/\\./, 'string.escape.invalid'],
        [/"/, 'string', '@pop'],
      ],
      rawString: [
        [/[^"]+/, 'string'],
        [/"/, 'string', '@pop'],
      ],
      rawStringHash: [
        [/[^"]+/, 'string'],
        [/"#/, 'string', '@pop'],
        [/"/, 'string'],
      ],
    },
  }
}

/** Bracket pairs for matching and colourisation (vscode-lean4's list, trimmed to the ones Lean code uses). */
export const LEAN_BRACKETS: readonly [string, string][] = [
  ['(', ')'], ['[', ']'], ['{', '}'], ['⟨', '⟩'], ['⟦', '⟧'], ['⦃', '⦄'], ['⟮', '⟯'], ['⁅', '⁆'],
  ['‹', '›'], ['«', '»'], ['⟪', '⟫'], ['⌊', '⌋'], ['⌈', '⌉'], ['⸨', '⸩'], ['⦋', '⦌'],
]

/**
 * Auto-closing pairs. The unicode abbreviation table is written for an editor that auto-closes `(`, `[` and `{`
 * (`\[` becomes `\[]`, an abbreviation; `\[[` becomes `\[[]]` → `⟦⟧`). `<` is deliberately NOT auto-closed:
 * `\<=`, `\<-`, `\<->` must stay typeable, and `<` is an operator in Lean. vscode-lean4 does the same.
 * Every auto-inserted sub-word must be a strict prefix of another abbreviation (a unit test checks this).
 */
export const LEAN_AUTO_CLOSING_PAIRS: readonly { open: string; close: string; notIn?: string[] }[] = [
  { open: '(', close: ')' },
  { open: '[', close: ']' },
  { open: '{', close: '}' },
  { open: '⟨', close: '⟩' },
  { open: '⟦', close: '⟧' },
  { open: '⦃', close: '⦄' },
  { open: '⟮', close: '⟯' },
  { open: '⁅', close: '⁆' },
  { open: '‹', close: '›' },
  { open: '«', close: '»' },
  { open: '⟪', close: '⟫' },
  { open: '/-', close: '-/', notIn: ['string', 'comment'] },
  { open: '"', close: '"', notIn: ['string', 'comment'] },
]

/** Characters before which Monaco may auto-close (Monaco's default list plus Lean's closing brackets). */
export const LEAN_AUTO_CLOSE_BEFORE = ';:.,=}])>⟩⟧⦄⟯⁆›»⟫ \n\t'

/** vscode-lean4's word pattern: `.` separates words (Nat.add is two), `'` `!` `?` and unicode letters do not. */
export const LEAN_WORD_PATTERN = /([^`~@$%^&*()\-=+[{\]}⟨⟩⦃⦄⟦⟧⟮⟯‹›<>\\|;:",./\s]+)/
