// Pure LSP → Monaco conversions that need no Monaco value at run time (enums are mapped by name; the provider
// modules look the names up in `monaco.languages.*`). Unit-tested in test/features-convert.test.ts.
import type { monaco } from '../editor/monaco'
import type {
  DefinitionResult,
  Location,
  LocationLink,
  MarkedString,
  MarkupContent,
  Range,
  SelectionRange,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from './lsp-types'

type CompletionKindName = keyof typeof monaco.languages.CompletionItemKind
type SymbolKindName = keyof typeof monaco.languages.SymbolKind

/** LSP CompletionItemKind (1-based) → Monaco CompletionItemKind name. The names coincide; the numbers do not. */
const COMPLETION_KINDS: readonly CompletionKindName[] = [
  'Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable', 'Class', 'Interface', 'Module', 'Property',
  'Unit', 'Value', 'Enum', 'Keyword', 'Snippet', 'Color', 'File', 'Reference', 'Folder', 'EnumMember', 'Constant',
  'Struct', 'Event', 'Operator', 'TypeParameter',
]

export function completionKindName(lspKind: number | undefined): CompletionKindName {
  if (lspKind === undefined) return 'Text'
  return COMPLETION_KINDS[lspKind - 1] ?? 'Text'
}

/** LSP SymbolKind (1-based) → Monaco SymbolKind name (Monaco's enum is the same list, 0-based). */
const SYMBOL_KINDS: readonly SymbolKindName[] = [
  'File', 'Module', 'Namespace', 'Package', 'Class', 'Method', 'Property', 'Field', 'Constructor', 'Enum',
  'Interface', 'Function', 'Variable', 'Constant', 'String', 'Number', 'Boolean', 'Array', 'Object', 'Key', 'Null',
  'EnumMember', 'Struct', 'Event', 'Operator', 'TypeParameter',
]

export function symbolKindName(lspKind: number | undefined): SymbolKindName {
  if (lspKind === undefined) return 'Variable'
  return SYMBOL_KINDS[lspKind - 1] ?? 'Variable'
}

/** LSP DocumentHighlightKind 1 Text, 2 Read, 3 Write → Monaco's 0 Text, 1 Read, 2 Write. */
export function highlightKind(lspKind: number | undefined): number {
  return lspKind === 2 || lspKind === 3 ? lspKind - 1 : 0
}

/** Deprecated per LSP: tag 1 or the older `deprecated: true`. */
export function isDeprecated(item: { tags?: number[]; deprecated?: boolean }): boolean {
  return item.deprecated === true || (item.tags ?? []).includes(1)
}

function fence(language: string, value: string): string {
  return '```' + language + '\n' + value + '\n```'
}

function markedToMarkdown(m: MarkedString): string {
  return typeof m === 'string' ? m : fence(m.language, m.value)
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => '\\' + c)
}

/** Hover contents in any LSP form → Monaco markdown strings. Lean sends markdown with ```lean fences. */
export function hoverContents(contents: MarkupContent | MarkedString | MarkedString[]): monaco.IMarkdownString[] {
  const parts = Array.isArray(contents) ? contents : [contents]
  return parts
    .map((p) => {
      if (typeof p === 'object' && 'kind' in p) {
        return p.kind === 'markdown' ? p.value : escapeMarkdown(p.value)
      }
      return markedToMarkdown(p)
    })
    .filter((value) => value.trim() !== '')
    .map((value) => ({ value, supportThemeIcons: false }))
}

/** Documentation (completion, signature help, inlay tooltips) → string or markdown. */
export function documentation(doc: string | MarkupContent | undefined): string | monaco.IMarkdownString | undefined {
  if (doc === undefined || doc === null) return undefined
  if (typeof doc === 'string') return doc
  return doc.kind === 'markdown' ? { value: doc.value } : doc.value
}

export interface TargetLocation {
  uri: string
  range: Range
  selectionRange: Range
  originSelectionRange?: Range
}

/** Location | Location[] | LocationLink[] | null → one list. */
export function targetLocations(result: DefinitionResult | undefined): TargetLocation[] {
  if (!result) return []
  const list = (Array.isArray(result) ? result : [result]) as (Location | LocationLink)[]
  return list.map((l) =>
    'targetUri' in l
      ? {
          uri: l.targetUri,
          range: l.targetRange,
          selectionRange: l.targetSelectionRange ?? l.targetRange,
          originSelectionRange: l.originSelectionRange,
        }
      : { uri: l.uri, range: l.range, selectionRange: l.range },
  )
}

/** A WorkspaceEdit's text edits grouped by document uri (file create/rename/delete operations are ignored). */
export function textEditsByUri(edit: WorkspaceEdit | undefined): Map<string, TextEdit[]> {
  const byUri = new Map<string, TextEdit[]>()
  const add = (uri: string, edits: TextEdit[]): void => {
    byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits])
  }
  if (!edit) return byUri
  if (edit.documentChanges) {
    for (const change of edit.documentChanges) {
      if ('textDocument' in change) add((change as TextDocumentEdit).textDocument.uri, change.edits)
    }
  } else if (edit.changes) {
    for (const [uri, edits] of Object.entries(edit.changes)) add(uri, edits)
  }
  return byUri
}

/** A SelectionRange chain (innermost first, through `parent`) → the list of its ranges. */
export function selectionRangeChain(sel: SelectionRange | undefined): Range[] {
  const out: Range[] = []
  for (let s = sel; s; s = s.parent) out.push(s.range)
  return out
}

/** Markers' severities (Monaco: Hint 1, Info 2, Warning 4, Error 8) → LSP DiagnosticSeverity (1 error … 4 hint). */
export function lspSeverity(markerSeverity: number): number {
  switch (markerSeverity) {
    case 8:
      return 1
    case 4:
      return 2
    case 2:
      return 3
    default:
      return 4
  }
}

export interface RelatedLocation {
  uri: string
  range: Range
  message: string
}

/**
 * A diagnostic's `relatedInformation` (other places the message refers to, in this file or another), keeping
 * only well-formed entries: it comes from the server as it is, and one bad entry must not lose the marker.
 */
export function relatedLocations(related: unknown): RelatedLocation[] {
  if (!Array.isArray(related)) return []
  const isPos = (p: unknown): p is Range['start'] =>
    typeof p === 'object' && p !== null && Number.isInteger((p as Range['start']).line) && Number.isInteger((p as Range['start']).character)
  const out: RelatedLocation[] = []
  for (const r of related as { location?: { uri?: unknown; range?: { start?: unknown; end?: unknown } }; message?: unknown }[]) {
    const loc = r?.location
    if (typeof loc?.uri !== 'string' || !isPos(loc.range?.start) || !isPos(loc.range?.end)) continue
    out.push({ uri: loc.uri, range: { start: loc.range.start, end: loc.range.end }, message: typeof r.message === 'string' ? r.message : '' })
  }
  return out
}
