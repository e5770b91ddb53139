// Lean's `$/lean/fileProgress` for one model: an orange stripe in the gutter on lines still being processed,
// red where processing stopped with a fatal error, and the same marks in the overview ruler (like vscode-lean4).
// Cleared when the core reports `processing: []`.
import type { FileProgressProcessingInfo } from '../../../shared/lsp'
import type { Disposable } from '../backend/backend'
import { monaco } from './monaco'

const PROCESSING_COLOR = 'rgba(255, 165, 0, 0.6)'
const FATAL_COLOR = 'rgba(255, 80, 80, 0.8)'

export class ModelProgress implements Disposable {
  private ids: string[] = []
  private processing = false

  constructor(private readonly model: monaco.editor.ITextModel) {}

  /** True while some range is still being processed (kind 1). */
  get isProcessing(): boolean {
    return this.processing
  }

  update(infos: readonly FileProgressProcessingInfo[]): void {
    this.processing = infos.some((i) => i.kind === 1)
    if (this.model.isDisposed()) return
    const decorations = infos.map((info): monaco.editor.IModelDeltaDecoration => {
      const fatal = info.kind === 2
      return {
        range: new monaco.Range(info.range.start.line + 1, 1, info.range.end.line + 1, 1),
        options: {
          isWholeLine: true,
          linesDecorationsClassName: fatal ? 'lx-progress-fatal' : 'lx-progress-processing',
          overviewRuler: {
            color: fatal ? FATAL_COLOR : PROCESSING_COLOR,
            position: monaco.editor.OverviewRulerLane.Left,
          },
          stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        },
      }
    })
    this.ids = this.model.deltaDecorations(this.ids, decorations)
  }

  dispose(): void {
    this.processing = false
    if (!this.model.isDisposed()) this.ids = this.model.deltaDecorations(this.ids, [])
  }
}
