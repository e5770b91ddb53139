// Diagnostics of one model → Monaco markers (squiggles, overview ruler, hover) plus gutter icons, which Monaco's
// markers do not draw. One setModelMarkers call and one batched decoration delta per update, so thousands of
// diagnostics cost two calls. Model decorations (not editor-bound) so they survive switching tabs.
import type { LeanDiagnostic } from '../../../shared/lsp'
import type { Disposable } from '../backend/backend'
import { glyphSeverityByLine, severityOf, visibleDiagnostics } from '../workbench/diagnostics-store'
import { relatedLocations } from '../features/convert'
import { resourceForLeanUri } from '../features/targets'
import { monaco } from './monaco'

export const MARKER_OWNER = 'lean4'
const MAX_HOVER_CHARS = 4000

function markerSeverity(severity: 1 | 2 | 3 | 4): monaco.MarkerSeverity {
  switch (severity) {
    case 1:
      return monaco.MarkerSeverity.Error
    case 2:
      return monaco.MarkerSeverity.Warning
    case 3:
      return monaco.MarkerSeverity.Info
    default:
      return monaco.MarkerSeverity.Hint
  }
}

function markerTags(tags: number[] | undefined): monaco.MarkerTag[] | undefined {
  if (!tags?.length) return undefined
  const out: monaco.MarkerTag[] = []
  if (tags.includes(1)) out.push(monaco.MarkerTag.Unnecessary)
  if (tags.includes(2)) out.push(monaco.MarkerTag.Deprecated)
  return out.length ? out : undefined
}

export function toMarker(d: LeanDiagnostic): monaco.editor.IMarkerData {
  // `range` is the squiggle: Lean cuts multi-line messages to their first line on purpose.
  return {
    severity: markerSeverity(severityOf(d)),
    message: d.message,
    source: 'Lean 4',
    code: d.code === undefined ? undefined : String(d.code),
    startLineNumber: d.range.start.line + 1,
    startColumn: d.range.start.character + 1,
    endLineNumber: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    tags: markerTags(d.tags),
    // Lean's uris: resourceForLeanUri maps them to the open model's resource (however Lean escaped the path),
    // and the editor opener brings up a file that is not open when the hover's link is clicked.
    relatedInformation: d.relatedInformation
      ? relatedLocations(d.relatedInformation).map((r) => ({
          resource: resourceForLeanUri(r.uri),
          message: r.message,
          startLineNumber: r.range.start.line + 1,
          startColumn: r.range.start.character + 1,
          endLineNumber: r.range.end.line + 1,
          endColumn: r.range.end.character + 1,
        }))
      : undefined,
  }
}

const GLYPH_CLASS: Record<1 | 2 | 3 | 4, string> = {
  1: 'codicon codicon-error lx-glyph lx-glyph-error',
  2: 'codicon codicon-warning lx-glyph lx-glyph-warning',
  3: 'codicon codicon-info lx-glyph lx-glyph-info',
  4: 'codicon codicon-lightbulb lx-glyph lx-glyph-hint',
}

function hoverFor(messages: string[]): monaco.IMarkdownString {
  let text = messages.join('\n\n')
  if (text.length > MAX_HOVER_CHARS) text = `${text.slice(0, MAX_HOVER_CHARS)}\n…`
  // A fenced block shows Lean's text verbatim (no Markdown interpretation); widen the fence past any backticks.
  const longestRun = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length))
  const fence = '`'.repeat(longestRun + 1)
  return { value: `${fence}text\n${text}\n${fence}` }
}

export class ModelDiagnostics implements Disposable {
  private glyphIds: string[] = []

  constructor(private readonly model: monaco.editor.ITextModel) {}

  update(diagnostics: readonly LeanDiagnostic[]): void {
    if (this.model.isDisposed()) return
    const visible = visibleDiagnostics(diagnostics)
    monaco.editor.setModelMarkers(this.model, MARKER_OWNER, visible.map(toMarker))

    const messagesByLine = new Map<number, string[]>()
    for (const d of visible) {
      const list = messagesByLine.get(d.range.start.line)
      if (list) list.push(d.message)
      else messagesByLine.set(d.range.start.line, [d.message])
    }
    const lineCount = this.model.getLineCount()
    const decorations: monaco.editor.IModelDeltaDecoration[] = []
    for (const [line, severity] of glyphSeverityByLine(visible)) {
      const lineNumber = Math.min(line + 1, lineCount)
      decorations.push({
        range: new monaco.Range(lineNumber, 1, lineNumber, 1),
        options: {
          glyphMarginClassName: GLYPH_CLASS[severity],
          glyphMarginHoverMessage: hoverFor(messagesByLine.get(line) ?? []),
          stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        },
      })
    }
    this.glyphIds = this.model.deltaDecorations(this.glyphIds, decorations)
  }

  dispose(): void {
    if (this.model.isDisposed()) return
    monaco.editor.setModelMarkers(this.model, MARKER_OWNER, [])
    this.glyphIds = this.model.deltaDecorations(this.glyphIds, [])
  }
}
