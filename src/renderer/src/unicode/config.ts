// The unicode input settings (`input.*` in Settings) with vscode-lean4's defaults filled in. Pure.
import type { AbbreviationConfig } from '@leanprover/unicode-input'

export interface UnicodeInputConfig {
  /** Default true. */
  enabled?: boolean
  /** The abbreviation leader, default `\`. */
  leader?: string
  /** Replace an abbreviation as soon as it is complete and unique (default true, as in vscode-lean4). */
  eagerReplacementEnabled?: boolean
  /** Extra or overriding abbreviations, e.g. {"foo": "☺"}; `$CURSOR` marks where the caret goes. */
  customTranslations?: Record<string, string>
}

export interface ResolvedUnicodeConfig extends AbbreviationConfig {
  enabled: boolean
}

export function resolveUnicodeConfig(config: UnicodeInputConfig = {}): ResolvedUnicodeConfig {
  const translations: Record<string, string> = {}
  for (const [abbr, symbol] of Object.entries(config.customTranslations ?? {})) {
    if (abbr !== '' && typeof symbol === 'string') translations[abbr] = symbol
  }
  return {
    enabled: config.enabled ?? true,
    abbreviationCharacter: config.leader || '\\',
    eagerReplacementEnabled: config.eagerReplacementEnabled ?? true,
    customTranslations: translations,
  }
}
