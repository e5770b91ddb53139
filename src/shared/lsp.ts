// The slice of LSP and Lean's extensions that crosses our own API. Positions are LSP positions:
// zero-based line and UTF-16 code-unit character, exactly as Lean expects on the wire.

export interface Position {
  line: number
  character: number
}

export interface Range {
  start: Position
  end: Position
}

export interface Location {
  uri: string
  range: Range
}

/** Lean severities: 1 error, 2 warning, 3 information (Lean never sends 4). */
export type DiagnosticSeverity = 1 | 2 | 3 | 4

/** Lean's extended Diagnostic (lean-protocol.md §4.4). */
export interface LeanDiagnostic {
  range: Range
  /** The real extent; `range` is cut at the next line for multi-line messages. */
  fullRange?: Range
  severity?: DiagnosticSeverity
  /** Not to be shown as a squiggle nor under All Messages; only at the cursor in the infoview. */
  isSilent?: boolean
  code?: string | number
  source?: string
  message: string
  tags?: number[]
  /** 1 = unsolved goals, 2 = goals accomplished. */
  leanTags?: number[]
  relatedInformation?: unknown[]
  data?: unknown
}

export interface TextChange {
  /** Absent means the whole document is replaced. */
  range?: Range
  text: string
}

/** An LSP TextEdit: ranges refer to the text before any edit of the same batch. */
export interface TextEdit {
  range: Range
  newText: string
}

export interface FileProgressProcessingInfo {
  range: Range
  /** 1 = processing, 2 = fatal error. */
  kind: 1 | 2
}

export type DependencyBuildMode = 'always' | 'once' | 'never'

/** JSON-RPC error shape as it reaches the renderer (numeric `code` kept for infoview retry logic). */
export interface RpcErrorData {
  code: number
  message: string
  data?: unknown
}

/** Error codes Lean knows (lean-protocol.md §7). Never reply to Lean with any other code. */
export const LeanErrorCodes = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  ContentModified: -32801,
  RequestCancelled: -32800,
  RpcNeedsReconnect: -32900,
  WorkerExited: -32901,
  WorkerCrashed: -32902,
} as const
