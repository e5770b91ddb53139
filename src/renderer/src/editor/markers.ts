// Diagnostics of one model → Monaco markers (squiggles, overview ruler, hover) plus gutter icons, which Monaco's
// markers do not draw (gutter-icons.ts: model decorations around the lines the editors show). Long lists of markers
// are applied in slices (diagnostic-slices.ts), each slice under its own marker owner.
import type { LeanDiagnostic } from '../../../shared/lsp'
import type { Disposable } from '../backend/backend'
import { gutterLines, severityOf, type GutterLine, visibleDiagnostics } from '../workbench/diagnostics-store'
import { SlicedApplier, timeoutScheduler } from './diagnostic-slices'
import { relatedLocations } from '../features/convert'
import { resourceForLeanUri } from '../features/targets'
import { monaco } from './monaco'
import { GutterIcons } from './gutter-icons'

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

/** Markers (and gutter lines) applied per task: a few ms each (5,000 take 20 tasks). */
export const SLICE = 250
/** Slices go on in one task while it has run less than this; well under the 50 ms of a long task. */
const SLICE_BUDGET_MS = 12

/** The marker owner of slice `i`: the first keeps the plain owner, so a short list looks as it always did. The first
 * slice must stay first: Monaco draws squiggles for the first 500 markers of a model, in owner order. */
export function sliceOwner(i: number): string {
  return i === 0 ? MARKER_OWNER : `${MARKER_OWNER}#${i}`
}

export class ModelDiagnostics implements Disposable {
  /** The gutter icons of the lines the editors show (gutter-icons.ts); the editor group reports those lines. */
  readonly gutter: GutterIcons
  private readonly slices = new SlicedApplier<LeanDiagnostic, never>(
    {
      set: (i, markers) => {
        if (!this.model.isDisposed()) monaco.editor.setModelMarkers(this.model, sliceOwner(i), markers.map(toMarker))
      },
      clear: (i) => {
        if (!this.model.isDisposed()) monaco.editor.setModelMarkers(this.model, sliceOwner(i), [])
      },
    },
    SLICE,
    timeoutScheduler,
    SLICE_BUDGET_MS,
  )

  constructor(private readonly model: monaco.editor.ITextModel) {
    this.gutter = new GutterIcons(model, (g, lineNumber) => this.glyphDecoration(g, lineNumber))
  }

  update(diagnostics: readonly LeanDiagnostic[]): void {
    if (this.model.isDisposed()) return
    const visible = visibleDiagnostics(diagnostics)
    this.slices.update(visible, [])
    this.gutter.setLines(gutterLines(visible))
  }

  private glyphDecoration(g: GutterLine, lineNumber: number): monaco.editor.IModelDeltaDecoration {
    return {
      range: new monaco.Range(lineNumber, 1, lineNumber, 1),
      options: {
        glyphMarginClassName: GLYPH_CLASS[g.severity],
        glyphMarginHoverMessage: hoverFor(g.messages),
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      },
    }
  }

  dispose(): void {
    const inUse = this.slices.dispose()
    this.gutter.dispose()
    if (this.model.isDisposed()) return
    for (let k = 0; k < Math.max(1, inUse); k++) monaco.editor.setModelMarkers(this.model, sliceOwner(k), [])
  }
}
