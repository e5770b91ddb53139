// User settings as the core stores them (`settings.get` / `settings.update`), with the defaults the renderer
// applies, and a change event for everything that depends on them (theme, font, unicode input, infoview).
import type { Settings } from '../../../shared/api'
import type { Backend } from '../backend/backend'
import { Emitter } from './disposables'
import { OsColorWatcher, resolveColorTheme, type OsColorPreference } from './features/theme/color-theme'
import { CODE_FONT_FAMILY } from '../fonts'

export const DEFAULT_FONT_SIZE = 14
export const EDITOR_FONT_FAMILY = CODE_FONT_FAMILY

export interface Appearance {
  theme: 'dark' | 'light'
  highContrast: boolean
  fontSize: number
  fontFamily: string
}

const NO_OS_PREFERENCE: OsColorPreference = { dark: true, highContrast: false }

export function appearanceOf(settings: Settings, os: OsColorPreference = NO_OS_PREFERENCE): Appearance {
  const size = settings.fontSize
  const color = resolveColorTheme(settings.theme, os)
  return {
    theme: color.kind,
    highContrast: color.highContrast,
    fontSize: typeof size === 'number' && size >= 6 && size <= 72 ? size : DEFAULT_FONT_SIZE,
    fontFamily: EDITOR_FONT_FAMILY,
  }
}

export class SettingsService {
  private settings: Settings = {}
  private readonly changed = new Emitter<Settings>()
  readonly onDidChange = this.changed.event

  private readonly os: OsColorWatcher | undefined

  /** `media` (the window) lets the theme follow the OS; a change there fires onDidChange like a settings change. */
  constructor(
    private readonly backend: Backend,
    media?: ConstructorParameters<typeof OsColorWatcher>[0],
  ) {
    this.os = media && new OsColorWatcher(media, () => this.changed.fire(this.settings))
  }

  get current(): Settings {
    return this.settings
  }

  appearance(): Appearance {
    return appearanceOf(this.settings, this.os?.current())
  }

  /** `answer`: a `settings.get` already under way (start-up sends it with the first calls). */
  async load(answer?: Promise<Settings>): Promise<void> {
    this.settings = await (answer ?? this.backend.call('settings.get', {}))
    this.changed.fire(this.settings)
  }

  async update(patch: Partial<Settings>): Promise<void> {
    this.settings = await this.backend.call('settings.update', { patch })
    this.changed.fire(this.settings)
  }

  dispose(): void {
    this.os?.dispose()
    this.changed.dispose()
  }
}
