// Gutter icons (one per line where a squiggle starts) for the lines around what the editors show, not the whole file.
// Monaco recomputes its glyph lanes over every glyph decoration of the model in each frame after a decoration or text
// change, so 5,000 icons cost every keystroke's frame and every frame while a long list arrives; a window of a few
// hundred lines around the visible ones costs the same at any file size. Scrolling moves the window before it is reached.
import type { Disposable } from '../backend/backend'
import type { GutterLine } from '../workbench/diagnostics-store'
import { monaco } from './monaco'
import { gutterWindow, type LineSpan } from './gutter-window'

export class GutterIcons implements Disposable {
  private lines: readonly GutterLine[] = []
  private readonly visible = new Map<string, LineSpan>()
  private window: LineSpan | undefined
  private ids: string[] = []

  constructor(
    private readonly model: monaco.editor.ITextModel,
    private readonly decoration: (line: GutterLine, lineNumber: number) => monaco.editor.IModelDeltaDecoration,
  ) {}

  /** The model's gutter lines changed: redraw the window. */
  setLines(lines: readonly GutterLine[]): void {
    this.lines = lines
    this.apply(gutterWindow([...this.visible.values()], undefined))
  }

  /** Editor `key` shows these lines of the model. */
  show(key: string, span: LineSpan): void {
    this.visible.set(key, span)
    const next = gutterWindow([...this.visible.values()], this.window)
    if (next !== this.window) this.apply(next)
  }

  /** Editor `key` no longer shows the model. */
  hide(key: string): void {
    if (!this.visible.delete(key)) return
    this.apply(gutterWindow([...this.visible.values()], undefined))
  }

  private apply(window: LineSpan | undefined): void {
    this.window = window
    if (this.model.isDisposed()) return
    const lineCount = this.model.getLineCount()
    const wanted = window ? this.lines.filter((g) => g.line + 1 >= window.start && g.line + 1 <= window.end) : []
    this.ids = this.model.deltaDecorations(this.ids, wanted.map((g) => this.decoration(g, Math.min(g.line + 1, lineCount))))
  }

  dispose(): void {
    if (!this.model.isDisposed()) this.model.deltaDecorations(this.ids, [])
    this.ids = []
    this.visible.clear()
  }
}

/** Reports the lines `editor` shows to the gutter of the model it shows (`gutterOf`), as it scrolls, resizes or switches model. */
export function trackVisibleLines(editor: monaco.editor.ICodeEditor, gutterOf: (model: monaco.editor.ITextModel) => GutterIcons | undefined): Disposable {
  const key = editor.getId()
  let shown: GutterIcons | undefined
  const report = () => {
    const model = editor.getModel()
    const gutter = model ? gutterOf(model) : undefined
    if (shown && shown !== gutter) shown.hide(key)
    shown = gutter
    const ranges = editor.getVisibleRanges()
    if (gutter && ranges.length > 0) gutter.show(key, { start: ranges[0].startLineNumber, end: ranges[ranges.length - 1].endLineNumber })
  }
  const subscriptions = [editor.onDidChangeModel(report), editor.onDidScrollChange(report), editor.onDidLayoutChange(report), editor.onDidChangeHiddenAreas(report)]
  report()
  return {
    dispose: () => {
      for (const s of subscriptions) s.dispose()
      shown?.hide(key)
      shown = undefined
    },
  }
}
