// Keeps the unicode input (\alpha → α) and its "Type ∧ using \and" hover attached with the current `input.*`
// settings; a change of those settings re-attaches both.
import type { Settings } from '../../../shared/api'
import type { monaco } from '../editor/monaco'
import { attachUnicodeInput, registerUnicodeHover, type UnicodeInputConfig } from '../unicode'
import { DisposableStore, type Disposable } from './disposables'
import type { SettingsService } from './settings'

export function unicodeConfigOf(settings: Settings): UnicodeInputConfig {
  return {
    enabled: settings['input.enabled'],
    leader: settings['input.leader'],
    eagerReplacementEnabled: settings['input.eagerReplacementEnabled'],
    customTranslations: settings['input.customTranslations'],
  }
}

export class UnicodeInputBinding implements Disposable {
  private attached = new DisposableStore()
  private lastKey: string | undefined
  private readonly settingsListener: Disposable

  constructor(
    private readonly editor: monaco.editor.ICodeEditor,
    settings: SettingsService,
  ) {
    this.apply(settings.current)
    this.settingsListener = settings.onDidChange((s) => this.apply(s))
  }

  private apply(settings: Settings): void {
    const config = unicodeConfigOf(settings)
    const key = JSON.stringify(config)
    if (key === this.lastKey) return
    this.lastKey = key
    this.attached.dispose()
    this.attached = new DisposableStore()
    try {
      this.attached.add(attachUnicodeInput(this.editor, config))
      this.attached.add(registerUnicodeHover(config))
    } catch (err) {
      console.error('Unicode input failed to start', err)
    }
  }

  dispose(): void {
    this.settingsListener.dispose()
    this.attached.dispose()
  }
}
