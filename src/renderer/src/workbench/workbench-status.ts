// Feeds the status bar: connection state, the active file's Lean server (processing while any open file is),
// problem counts, cursor position and language.
import type { Backend } from '../backend/backend'
import type { EditorGroup } from '../editor/editor-group'
import type { DiagnosticsStore } from './diagnostics-store'
import { DisposableStore, type Disposable } from './disposables'
import { serverStatusText, type ServerStates } from './server-states'
import type { StatusBar } from './status-bar'

export class WorkbenchStatus implements Disposable {
  private readonly disposables = new DisposableStore()
  private countsFrame: number | undefined

  constructor(
    private readonly bar: StatusBar,
    private readonly group: EditorGroup,
    private readonly diagnostics: DiagnosticsStore,
    private readonly states: ServerStates,
    backend: Backend,
  ) {
    const d = this.disposables
    bar.setConnection(backend.connectionState)
    d.add(backend.onConnectionState((state) => bar.setConnection(state)))
    d.add(states.onDidChange(() => this.updateServer()))
    d.add(group.onDidChangeProcessing(() => this.updateServer()))
    d.add(group.onDidChangeActive(() => {
      this.updateServer()
      this.updateCursor()
      this.updateLanguage()
    }))
    d.add(group.forEachEditor((editor) => editor.onDidChangeCursorSelection(() => editor === group.editor && this.updateCursor())))
    d.add(diagnostics.onDidChange(() => this.scheduleCounts()))
    d.add({ dispose: () => this.countsFrame !== undefined && cancelAnimationFrame(this.countsFrame) })
    this.updateServer()
    this.updateCursor()
    this.updateLanguage()
    this.scheduleCounts()
  }

  private updateServer(): void {
    const event = this.states.forPath(this.group.activeDocument()?.path)
    this.bar.setServer(event ? serverStatusText(event, this.group.isProcessing()) : undefined)
  }

  private updateCursor(): void {
    const doc = this.group.activeDocument()
    const selection = this.group.editor.getSelection()
    if (!doc || !selection) {
      this.bar.setCursor(undefined)
      return
    }
    const selected = selection.isEmpty() ? 0 : doc.model.getValueLengthInRange(selection)
    this.bar.setCursor(selection.getPosition(), selected)
  }

  private updateLanguage(): void {
    const doc = this.group.activeDocument()
    if (!doc) this.bar.setLanguage(undefined)
    else this.bar.setLanguage(`${doc.isLean ? 'Lean 4' : doc.model.getLanguageId()}${doc.readonly ? ' (read-only)' : ''}`)
  }

  /** Counts are recomputed at most once per frame, however many diagnostics events arrive. */
  private scheduleCounts(): void {
    if (this.countsFrame !== undefined) return
    this.countsFrame = requestAnimationFrame(() => {
      this.countsFrame = undefined
      this.bar.setCounts(this.diagnostics.totals())
    })
  }

  dispose(): void {
    this.disposables.dispose()
  }
}
