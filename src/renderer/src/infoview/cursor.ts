// Follows the focused Lean editor's cursor and selection as an LSP Location, lightly debounced. Monaco types only.
import type { monaco } from '../editor/monaco'
import type { Disposable } from '../backend/backend'
import type { Location } from '../../../shared/lsp'
import { toLspPosition } from '../editor/position'

type Editor = monaco.editor.ICodeEditor

export interface CursorSource {
  activeEditor(): { editor: Editor; uri: string } | undefined
  onDidChangeActiveEditor(listener: () => void): Disposable
}

export function locationOf(editor: Editor, uri: string): Location | undefined {
  const sel = editor.getSelection()
  if (!sel) return undefined
  const start = toLspPosition(sel.getStartPosition())
  const end = sel.isEmpty() ? start : toLspPosition(sel.getEndPosition())
  return { uri, range: { start, end } }
}

export class CursorTracker implements Disposable {
  private editorSubs: Disposable[] = []
  private readonly activeSub: Disposable
  private timer: ReturnType<typeof setTimeout> | undefined
  private last: Location | undefined
  private disposed = false

  constructor(
    private readonly source: CursorSource,
    /** Called with every new location (debounced for cursor moves, at once for editor switches). */
    private readonly onLocation: (loc: Location) => void,
    private readonly debounceMs = 20,
  ) {
    this.activeSub = source.onDidChangeActiveEditor(() => this.rebind())
    this.rebind()
  }

  /** The latest location of the focused Lean editor (or of the last one, when none is focused now). */
  get current(): Location | undefined {
    return this.last
  }

  private rebind(): void {
    if (this.disposed) return
    for (const d of this.editorSubs) d.dispose()
    this.editorSubs = []
    const active = this.source.activeEditor()
    if (!active) return
    const { editor } = active
    this.editorSubs.push(
      editor.onDidChangeCursorSelection(() => this.schedule()),
      // The workbench may swap models inside one editor; ask again which uri it shows.
      editor.onDidChangeModel(() => queueMicrotask(() => this.rebind())),
    )
    this.emit()
  }

  private schedule(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.emit(), this.debounceMs)
  }

  private emit(): void {
    clearTimeout(this.timer)
    if (this.disposed) return
    const active = this.source.activeEditor()
    if (!active) return
    const loc = locationOf(active.editor, active.uri)
    if (!loc) return
    if (this.last && sameLocation(this.last, loc)) return
    this.last = loc
    this.onLocation(loc)
  }

  dispose(): void {
    this.disposed = true
    clearTimeout(this.timer)
    this.activeSub.dispose()
    for (const d of this.editorSubs) d.dispose()
    this.editorSubs = []
  }
}

export function sameLocation(a: Location, b: Location): boolean {
  return (
    a.uri === b.uri &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  )
}
