// Which colour theme is in force: the user's choice, or the operating system's (dark/light, and high contrast)
// when the choice is "system" — followed live, as VS Code's `window.autoDetectColorScheme` does.
import type { Settings } from '../../../../../shared/api'

export type ThemeSetting = NonNullable<Settings['theme']>
export const THEME_SETTINGS: readonly ThemeSetting[] = ['system', 'dark', 'light', 'high-contrast-dark', 'high-contrast-light']

export interface ColorTheme {
  /** The base palette. */
  kind: 'dark' | 'light'
  highContrast: boolean
}

export interface OsColorPreference {
  dark: boolean
  /** `prefers-contrast: more` or `forced-colors: active`. */
  highContrast: boolean
}

export function resolveColorTheme(setting: Settings['theme'], os: OsColorPreference): ColorTheme {
  switch (setting) {
    case 'dark':
      return { kind: 'dark', highContrast: false }
    case 'light':
      return { kind: 'light', highContrast: false }
    case 'high-contrast-dark':
      return { kind: 'dark', highContrast: true }
    case 'high-contrast-light':
      return { kind: 'light', highContrast: true }
    default:
      return { kind: os.dark ? 'dark' : 'light', highContrast: os.highContrast }
  }
}

/** Monaco's built-in theme for a colour theme (Lean's token rules are added to each). */
export function monacoThemeOf(theme: ColorTheme): 'vs' | 'vs-dark' | 'hc-black' | 'hc-light' {
  if (theme.highContrast) return theme.kind === 'dark' ? 'hc-black' : 'hc-light'
  return theme.kind === 'dark' ? 'vs-dark' : 'vs'
}

interface MediaQueries {
  matchMedia(query: string): { matches: boolean; addEventListener(type: 'change', l: () => void): void; removeEventListener(type: 'change', l: () => void): void }
}

const QUERIES = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(forced-colors: active)'] as const

/** The OS preference now, and a change event while it lives. */
export class OsColorWatcher {
  private readonly lists: ReturnType<MediaQueries['matchMedia']>[]
  private readonly onChange: () => void

  constructor(
    private readonly media: MediaQueries,
    listener: (pref: OsColorPreference) => void,
  ) {
    this.lists = QUERIES.map((q) => media.matchMedia(q))
    this.onChange = () => listener(this.current())
    for (const list of this.lists) list.addEventListener('change', this.onChange)
  }

  current(): OsColorPreference {
    const [dark, contrast, forced] = this.lists.map((l) => l.matches)
    return { dark, highContrast: contrast || forced }
  }

  dispose(): void {
    for (const list of this.lists) list.removeEventListener('change', this.onChange)
  }
}
