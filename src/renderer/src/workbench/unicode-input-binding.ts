// Keeps the unicode input (\alpha → α) and its "Type ∧ using \and" hover attached with the current `input.*`
// settings; a change of those settings re-attaches both.
import type { Settings } from '../../../shared/api'
import type { monaco } from '../editor/monaco'
import { attachUnicodeInput, registerUnicodeHover, type UnicodeInputConfig } from '../unicode'
import { DisposableStore, type Disposable } from './disposables'
import type { SettingsService } from './settings'
import type { EditorGroup } from '../editor/editor-group'
import type { Notifications } from './notifications'

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
    /** Attaches to every editor (each editor group's), present and future. */
    private readonly editors: { forEachEditor(hook: (editor: monaco.editor.ICodeEditor) => Disposable): Disposable },
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
      this.attached.add(this.editors.forEachEditor((editor) => attachUnicodeInput(editor, config)))
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

/** Types an abbreviation's symbol at every cursor of the focused editor (the caret where it has `$CURSOR`), or copies it. */
export function insertSymbol(group: EditorGroup, symbol: string, notifications: Notifications): void {
  const [before, after = ''] = symbol.split('$CURSOR')
  const doc = group.activeDocument()
  if (!doc || doc.readonly) {
    void navigator.clipboard.writeText(before + after).then(
      () => notifications.show(`Copied ${before + after} (no editor to insert it into).`),
      (err) => notifications.error('Copying the symbol failed', err),
    )
    return
  }
  const editor = group.editor
  editor.focus()
  editor.trigger('abbreviations', 'type', { text: before + after })
  for (let i = 0; i < after.length; i++) editor.trigger('abbreviations', 'cursorLeft', null)
}
