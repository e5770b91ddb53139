// Unicode input on a Monaco editor, as vscode-lean4 does it in VS Code: `\alpha` becomes α when the abbreviation
// is finished (space, Tab, any character that continues no abbreviation, or the cursor leaving it), or at once
// when it is complete and unique (eager replacement). The abbreviation being typed is underlined; Tab converts it
// (bound only while one is tracked: context key `lean4.input.isActive`). Replacements are ordinary model edits
// in an undo step of their own, so undo gives back `\alpha` and document sync sends them to the core.
import { LEAN_LANGUAGE_ID } from '../editor/lean-language'
import { monaco } from '../editor/monaco'
import { resolveUnicodeConfig, type UnicodeInputConfig } from './config'
import { AbbreviationSession, type AbbreviationHost, type OffsetEdit, type OffsetRange } from './session'

type Editor = monaco.editor.ICodeEditor
type Model = monaco.editor.ITextModel

export const INPUT_ACTIVE_CONTEXT_KEY = 'lean4.input.isActive'
const EDIT_SOURCE = 'lean4.input'
const UNDERLINE_CLASS = 'lean4-abbreviation'

function ensureUnderlineStyle(): void {
  if (document.getElementById('lean4-abbreviation-style')) return
  const style = document.createElement('style')
  style.id = 'lean4-abbreviation-style'
  style.textContent = `.monaco-editor .${UNDERLINE_CLASS} { text-decoration: underline; }`
  document.head.appendChild(style)
}

/** An AbbreviationHost over one model; selections are the editor's while it shows that model. */
class ModelHost implements AbbreviationHost {
  constructor(
    private readonly editor: Editor,
    private readonly model: Model,
  ) {}

  private get shown(): boolean {
    return this.editor.getModel() === this.model
  }

  private range(r: OffsetRange): monaco.Range {
    return monaco.Range.fromPositions(this.model.getPositionAt(r.offset), this.model.getPositionAt(r.offset + r.length))
  }

  textAt(offset: number, length: number): string {
    return this.model.getValueInRange(this.range({ offset, length }))
  }

  applyEdits(edits: OffsetEdit[]): boolean {
    if (this.model.isDisposed()) return false
    const ops = edits.map((e) => ({ range: this.range(e), text: e.text, forceMoveMarkers: true }))
    if (!this.shown) {
      this.model.pushStackElement()
      this.model.pushEditOperations(null, ops, () => null)
      this.model.pushStackElement()
      return true
    }
    this.editor.pushUndoStop()
    const ok = this.editor.executeEdits(EDIT_SOURCE, ops)
    this.editor.pushUndoStop()
    return ok
  }

  selections(): OffsetRange[] {
    if (!this.shown) return []
    return (this.editor.getSelections() ?? []).map((s) => {
      const start = this.model.getOffsetAt(s.getStartPosition())
      return { offset: start, length: this.model.getOffsetAt(s.getEndPosition()) - start }
    })
  }

  setSelections(selections: OffsetRange[]): void {
    if (!this.shown || selections.length === 0) return
    this.editor.setSelections(selections.map((s) => monaco.Selection.fromRange(this.range(s), 0)))
  }
}

/**
 * Attaches unicode input to `editor` for Lean models. Dispose to detach; to apply new settings, dispose and attach
 * again. The editor must be a standalone editor (`monaco.editor.create`) for the Tab binding.
 */
export function attachUnicodeInput(editor: Editor, config: UnicodeInputConfig = {}): monaco.IDisposable {
  const resolved = resolveUnicodeConfig(config)
  if (!resolved.enabled) return { dispose: () => undefined }
  ensureUnderlineStyle()
  const { enabled: _enabled, ...abbreviationConfig } = resolved
  const standalone = editor as Partial<monaco.editor.IStandaloneCodeEditor>
  const activeKey = standalone.createContextKey?.<boolean>(INPUT_ACTIVE_CONTEXT_KEY, false)
  const underline = editor.createDecorationsCollection()
  const disposables: monaco.IDisposable[] = []
  let session: AbbreviationSession | undefined
  let sessionListeners: monaco.IDisposable[] = []
  let pasting = false
  // While an abbreviation is typed, quotes are not auto-closed: `\"a` is ä, and Monaco would otherwise turn
  // `\"` into `\""`, which continues no abbreviation. Brackets stay auto-closed: the table expects that.
  const quotesOption = editor.getRawOptions().autoClosingQuotes
  let quotesSuspended = false
  const suspendQuotes = (suspend: boolean): void => {
    if (suspend === quotesSuspended) return
    quotesSuspended = suspend
    editor.updateOptions({ autoClosingQuotes: suspend ? 'never' : (quotesOption ?? 'languageDefined') })
  }

  const render = (): void => {
    const model = editor.getModel()
    const s = session
    suspendQuotes(!!s?.isActive)
    if (!s || !model) {
      underline.clear()
      activeKey?.set(false)
      return
    }
    underline.set(
      s.trackedRanges().map((r) => ({
        range: monaco.Range.fromPositions(model.getPositionAt(r.offset), model.getPositionAt(r.offset + r.length)),
        options: { inlineClassName: UNDERLINE_CLASS, stickiness: 1 },
      })),
    )
    activeKey?.set(s.isActive)
  }

  const closeSession = (): void => {
    const old = session
    session = undefined
    for (const d of sessionListeners) d.dispose()
    sessionListeners = []
    render()
    // Like vscode-lean4 when the active editor changes: convert what was being typed in the old document.
    if (old?.isActive) void old.convertAll().finally(() => old.dispose())
    else old?.dispose()
  }

  const openSession = (): void => {
    closeSession()
    const model = editor.getModel()
    if (!model || model.getLanguageId() !== LEAN_LANGUAGE_ID) return
    const s = new AbbreviationSession(new ModelHost(editor, model), abbreviationConfig)
    session = s
    sessionListeners = [
      s.onDidChangeState(() => {
        if (session === s) render()
      }),
      model.onDidChangeContent((e) => {
        if (e.isFlush) {
          s.reset()
          return
        }
        const typed = !pasting && !e.isUndoing && !e.isRedoing && editor.getModel() === model && editor.hasTextFocus()
        s.contentChanged(e.changes, typed)
      }),
    ]
  }

  disposables.push(
    editor.onDidChangeModel(() => openSession()),
    editor.onDidChangeModelLanguage(() => openSession()),
    editor.onDidChangeCursorSelection(() => session?.selectionsChanged()),
  )

  // Monaco inserts pasted text synchronously inside the DOM paste event: flag it so it starts no abbreviation.
  const container = editor.getContainerDomNode()
  const onPaste = (): void => {
    pasting = true
    setTimeout(() => (pasting = false), 0)
  }
  container.addEventListener('paste', onPaste, true)
  disposables.push({ dispose: () => container.removeEventListener('paste', onPaste, true) })

  if (standalone.addAction) {
    disposables.push(
      standalone.addAction({
        id: 'lean4.input.convert',
        label: 'Lean 4: Convert Unicode Abbreviation',
        keybindings: [monaco.KeyCode.Tab],
        precondition: INPUT_ACTIVE_CONTEXT_KEY,
        keybindingContext: 'editorTextFocus',
        run: () => session?.convertAll(),
      }),
    )
  }

  openSession()
  return {
    dispose() {
      for (const d of disposables.splice(0)) d.dispose()
      closeSession()
      underline.clear()
      activeKey?.reset()
      suspendQuotes(false)
    },
  }
}
