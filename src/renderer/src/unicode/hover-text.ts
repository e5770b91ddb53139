// "Type ∧ using \and or \wedge" for the symbols starting at a position, as vscode-lean4's abbreviation hover.
// Pure: works on the line text from the hovered column onward.
import type { AbbreviationProvider } from '@leanprover/unicode-input'

export interface UnicodeHover {
  markdown: string
  /** UTF-16 length of the longest symbol found, for the hover's range. */
  length: number
}

export function unicodeHoverAt(
  provider: AbbreviationProvider,
  leader: string,
  textFromPosition: string,
): UnicodeHover | undefined {
  // ASCII "symbols" (`\\` → `\`, `()` → `($CURSOR)`) would put a hover on ordinary text; leave them out.
  const found = provider
    .findSymbolsIn(textFromPosition)
    .filter((symbol) => /[^\x00-\x7f]/.test(symbol))
    .map((symbol) => ({ symbol, abbrevs: provider.collectAllAbbreviations(symbol) }))
    .filter((s) => s.abbrevs.length > 0)
  if (found.length === 0) return undefined
  const code = (text: string): string => {
    return text.includes('`') ? '`` ' + text + ' ``' : '`' + text + '`'
  }
  const markdown = found
    .map(({ symbol, abbrevs }) => `Type ${symbol} using ${abbrevs.map((a) => code(leader + a)).join(' or ')}`)
    .join('\n\n')
  return { markdown, length: Math.max(...found.map((s) => s.symbol.length)) }
}
