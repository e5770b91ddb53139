// User settings as the core stores them (`settings.get` / `settings.update`), with the defaults the renderer
// applies, and a change event for everything that depends on them (theme, font, unicode input, infoview).
import type { Settings } from '../../../shared/api'
import type { Backend } from '../backend/backend'
import { Emitter } from './disposables'
import { CODE_FONT_FAMILY } from '../fonts'

export const DEFAULT_FONT_SIZE = 14
export const EDITOR_FONT_FAMILY = CODE_FONT_FAMILY

export interface Appearance {
  theme: 'dark' | 'light'
  fontSize: number
  fontFamily: string
}

export function appearanceOf(settings: Settings): Appearance {
  const size = settings.fontSize
  return {
    theme: settings.theme === 'light' ? 'light' : 'dark',
    fontSize: typeof size === 'number' && size >= 6 && size <= 72 ? size : DEFAULT_FONT_SIZE,
    fontFamily: EDITOR_FONT_FAMILY,
  }
}

export class SettingsService {
  private settings: Settings = {}
  private readonly changed = new Emitter<Settings>()
  readonly onDidChange = this.changed.event

  constructor(private readonly backend: Backend) {}

  get current(): Settings {
    return this.settings
  }

  appearance(): Appearance {
    return appearanceOf(this.settings)
  }

  async load(): Promise<void> {
    this.settings = await this.backend.call('settings.get', {})
    this.changed.fire(this.settings)
  }

  async update(patch: Partial<Settings>): Promise<void> {
    this.settings = await this.backend.call('settings.update', { patch })
    this.changed.fire(this.settings)
  }

  dispose(): void {
    this.changed.dispose()
  }
}
