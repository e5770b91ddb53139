// Keeps the unicode input (\alpha → α, in the focused editor) and its "Type ∧ using \and" hover attached with the
// current `input.*` settings; a change of those settings re-attaches both.
import type { Settings } from '../../../shared/api'
import type { monaco } from '../editor/monaco'
import { attachUnicodeInput, registerUnicodeHover, type UnicodeInputConfig } from '../unicode'
import type { Disposable } from './disposables'
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
  private hover: Disposable | undefined
  private input: Disposable | undefined
  private inputEditor: monaco.editor.ICodeEditor | undefined
  private config: UnicodeInputConfig | undefined
  private lastKey: string | undefined
  private readonly listeners: Disposable[]

  constructor(
    /**
     * The focused editor. Only it gets the input: two views of one model would otherwise both track and replace
     * the same abbreviation (vscode-lean4 likewise rewrites in the active editor only).
     */
    private readonly editors: { readonly editor: monaco.editor.ICodeEditor; onDidChangeActive(listener: () => void): Disposable },
    settings: SettingsService,
  ) {
    this.apply(settings.current)
    this.listeners = [
      settings.onDidChange((s) => this.apply(s)),
      editors.onDidChangeActive(() => editors.editor !== this.inputEditor && this.attachInput()),
    ]
  }

  private apply(settings: Settings): void {
    const config = unicodeConfigOf(settings)
    const key = JSON.stringify(config)
    if (key === this.lastKey) return
    this.lastKey = key
    this.config = config
    this.hover?.dispose()
    this.hover = undefined
    try {
      this.hover = registerUnicodeHover(config)
    } catch (err) {
      console.error('Unicode input failed to start', err)
    }
    this.attachInput()
  }

  private attachInput(): void {
    this.input?.dispose()
    this.input = undefined
    this.inputEditor = this.editors.editor
    if (!this.config) return
    try {
      this.input = attachUnicodeInput(this.inputEditor, this.config)
    } catch (err) {
      console.error('Unicode input failed to start', err)
    }
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose()
    this.hover?.dispose()
    this.input?.dispose()
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
