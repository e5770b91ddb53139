// Hover on a unicode symbol in a Lean file: "Type ∧ using \and or \wedge" (vscode-lean4's abbreviation hover).
import { AbbreviationProvider } from '@leanprover/unicode-input'
import { LEAN_LANGUAGE_ID } from '../editor/lean-language'
import { monaco } from '../editor/monaco'
import { resolveUnicodeConfig, type UnicodeInputConfig } from './config'
import { unicodeHoverAt } from './hover-text'

export function registerUnicodeHover(config: UnicodeInputConfig = {}): monaco.IDisposable {
  const resolved = resolveUnicodeConfig(config)
  if (!resolved.enabled) return { dispose: () => undefined }
  const provider = new AbbreviationProvider(resolved)
  return monaco.languages.registerHoverProvider(LEAN_LANGUAGE_ID, {
    provideHover(model, position) {
      const rest = model.getLineContent(position.lineNumber).slice(position.column - 1)
      const hover = unicodeHoverAt(provider, resolved.abbreviationCharacter, rest)
      if (!hover) return undefined
      return {
        contents: [{ value: hover.markdown }],
        range: new monaco.Range(position.lineNumber, position.column, position.lineNumber, position.column + hover.length),
      }
    },
  })
}
