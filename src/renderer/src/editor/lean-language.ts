// Registers the Lean 4 language with Monaco: id, aliases (so ```lean fences in hovers are highlighted), the Monarch
// grammar, the language configuration, and token colours in the built-in `vs` / `vs-dark` themes for both the
// grammar's classes and the server's semantic token types.
import {
  LEAN_AUTO_CLOSE_BEFORE,
  LEAN_AUTO_CLOSING_PAIRS,
  LEAN_BRACKETS,
  LEAN_WORD_PATTERN,
  leanMonarchTokens,
} from '../features/lean-grammar'
import { leanThemeRules } from '../features/theme-rules'
import { monaco } from './monaco'

export const LEAN_LANGUAGE_ID = 'lean4'

let registered = false

/** Idempotent: the first call registers, later calls do nothing. */
export function registerLeanLanguage(): void {
  if (registered) return
  registered = true
  monaco.languages.register({ id: LEAN_LANGUAGE_ID, extensions: ['.lean'], aliases: ['Lean 4', 'lean4', 'lean'] })
  monaco.languages.setMonarchTokensProvider(LEAN_LANGUAGE_ID, leanMonarchTokens())
  monaco.languages.setLanguageConfiguration(LEAN_LANGUAGE_ID, leanLanguageConfiguration())
  defineLeanThemes()
}

function leanLanguageConfiguration(): monaco.languages.LanguageConfiguration {
  const indent = { indentAction: monaco.languages.IndentAction.Indent }
  return {
    comments: { lineComment: '--', blockComment: ['/-', '-/'] },
    brackets: LEAN_BRACKETS.map(([open, close]) => [open, close] as monaco.languages.CharacterPair),
    autoClosingPairs: LEAN_AUTO_CLOSING_PAIRS.map((p) => ({ ...p })),
    autoCloseBefore: LEAN_AUTO_CLOSE_BEFORE,
    surroundingPairs: [
      ...LEAN_BRACKETS.map(([open, close]) => ({ open, close })),
      { open: '"', close: '"' },
      { open: "'", close: "'" },
    ],
    wordPattern: LEAN_WORD_PATTERN,
    // As vscode-lean4: indent after a line ending in `by`, `do`, `try`, `finally`, `where`, `:=`, `=>`, `<|`,
    // and inside a focus block (`· tac`).
    onEnterRules: [
      {
        beforeText: /^\s*(·|\.)\s(.*\s)?(by|do|try|finally|where|:=|=>|<\|)\s*$/,
        action: { indentAction: monaco.languages.IndentAction.Indent, appendText: '  ' },
      },
      { beforeText: /^(.*\s)?(by|do|try|finally|where|:=|=>|<\|)\s*$/, action: indent },
      { beforeText: /^\s*(·|\.)\s.*$/, action: indent },
    ],
  }
}

/**
 * Adds Lean's token rules to the built-in themes by redefining `vs` and `vs-dark` on top of themselves
 * (`inherit: true` keeps every built-in rule and colour). A workbench that defines its own themes should include
 * `leanThemeRules(base)` in them.
 */
function defineLeanThemes(): void {
  for (const base of ['vs', 'vs-dark', 'hc-black', 'hc-light'] as const) {
    monaco.editor.defineTheme(base, { base, inherit: true, rules: leanThemeRules(base), colors: {} })
  }
}

/** The grammar as data, for tests and tools (`monaco.editor.tokenize` needs a DOM; this does not). */
export { leanMonarchTokens } from '../features/lean-grammar'
