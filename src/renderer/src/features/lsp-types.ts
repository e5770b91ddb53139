// The slice of LSP result shapes the editor features read (LSP 3.17). Types only.
import type { Location, Position, Range } from '../../../shared/lsp'

export type { Location, Position, Range }

export interface MarkupContent {
  kind: 'markdown' | 'plaintext'
  value: string
}

export type MarkedString = string | { language: string; value: string }

export interface Hover {
  contents: MarkupContent | MarkedString | MarkedString[]
  range?: Range
}

export interface TextEdit {
  range: Range
  newText: string
}

export interface InsertReplaceEdit {
  newText: string
  insert: Range
  replace: Range
}

export interface Command {
  title: string
  command: string
  arguments?: unknown[]
}

export interface CompletionItem {
  label: string
  labelDetails?: { detail?: string; description?: string }
  kind?: number
  tags?: number[]
  detail?: string
  documentation?: string | MarkupContent
  deprecated?: boolean
  preselect?: boolean
  sortText?: string
  filterText?: string
  insertText?: string
  insertTextFormat?: number
  textEdit?: TextEdit | InsertReplaceEdit
  additionalTextEdits?: TextEdit[]
  commitCharacters?: string[]
  data?: unknown
}

export interface CompletionList {
  isIncomplete: boolean
  items: CompletionItem[]
}

export interface LocationLink {
  originSelectionRange?: Range
  targetUri: string
  targetRange: Range
  targetSelectionRange: Range
}

export type DefinitionResult = Location | Location[] | LocationLink[] | null

export interface DocumentSymbol {
  name: string
  detail?: string
  kind: number
  tags?: number[]
  deprecated?: boolean
  range: Range
  selectionRange: Range
  children?: DocumentSymbol[]
}

export interface SymbolInformation {
  name: string
  kind: number
  tags?: number[]
  deprecated?: boolean
  location: Location
  containerName?: string
}

export interface DocumentHighlight {
  range: Range
  kind?: number
}

export interface ParameterInformation {
  label: string | [number, number]
  documentation?: string | MarkupContent
}

export interface SignatureInformation {
  label: string
  documentation?: string | MarkupContent
  parameters?: ParameterInformation[]
  activeParameter?: number
}

export interface SignatureHelp {
  signatures: SignatureInformation[]
  activeSignature?: number
  activeParameter?: number
}

export interface InlayHintLabelPart {
  value: string
  tooltip?: string | MarkupContent
  location?: Location
  command?: Command
}

export interface InlayHint {
  position: Position
  label: string | InlayHintLabelPart[]
  kind?: number
  textEdits?: TextEdit[]
  tooltip?: string | MarkupContent
  paddingLeft?: boolean
  paddingRight?: boolean
}

export interface TextDocumentEdit {
  textDocument: { uri: string; version?: number | null }
  edits: TextEdit[]
}

export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>
  documentChanges?: (TextDocumentEdit | { kind: string })[]
}

export interface Diagnostic {
  range: Range
  severity?: number
  code?: string | number
  source?: string
  message: string
}

export interface CodeAction {
  title: string
  kind?: string
  diagnostics?: Diagnostic[]
  isPreferred?: boolean
  disabled?: { reason: string }
  edit?: WorkspaceEdit
  command?: Command
  data?: unknown
}

export interface FoldingRange {
  startLine: number
  startCharacter?: number
  endLine: number
  endCharacter?: number
  kind?: string
}

export interface SelectionRange {
  range: Range
  parent?: SelectionRange
}

export interface SemanticTokensLegend {
  tokenTypes: string[]
  tokenModifiers: string[]
}

export interface SemanticTokens {
  resultId?: string
  data: number[]
}
