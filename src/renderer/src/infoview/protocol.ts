// The two method sets that cross the infoview bridge. Types only (plus the action list and two method names).
//
// HostMethods is @leanprover/infoview's EditorApi (0.11.x) with one change: `sendClientRequest` cannot carry an
// AbortSignal through postMessage, so the frame picks a request id, sends it with the request, and calls
// `cancelClientRequest(id)` on abort. Because the frame owns the id, an abort can never race ahead of it.
// FrameMethods is the InfoviewApi plus `setTheme` (the host cannot touch the cross-origin frame's DOM) and
// `gotDiagnosticsPart` (a long publishDiagnostics in parts, joined in the frame: see notification-outbox.ts).
import type {
  ContextMenuAction,
  InfoviewAction,
  InfoviewActionKind,
  InfoviewConfig,
  LeanServerCapabilities,
  ServerStoppedReason,
} from '@leanprover/infoview'
import type { LeanDiagnostic } from '../../../shared/lsp'
import type {
  InitializeResult,
  Location,
  ShowDocumentParams,
  TextDocumentPositionParams,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol'

export type TextInsertKind = 'here' | 'above'

/** Forwarded keyboard shortcut (pressed while the frame had focus). */
export interface FrameKey {
  key: string
  code: string
  ctrlKey: boolean
  shiftKey: boolean
  altKey: boolean
  metaKey: boolean
}

export interface HostMethods {
  [name: string]: (...args: any[]) => unknown
  saveConfig(config: InfoviewConfig): Promise<void>
  sendClientRequest(id: string, uri: string, method: string, params: unknown): Promise<unknown>
  cancelClientRequest(id: string): Promise<void>
  sendClientNotification(uri: string, method: string, params: unknown): Promise<void>
  subscribeServerNotifications(method: string): Promise<void>
  unsubscribeServerNotifications(method: string): Promise<void>
  subscribeClientNotifications(method: string): Promise<void>
  unsubscribeClientNotifications(method: string): Promise<void>
  copyToClipboard(text: string): Promise<void>
  insertText(text: string, kind: TextInsertKind, pos?: TextDocumentPositionParams): Promise<void>
  applyEdit(edit: WorkspaceEdit): Promise<void>
  showDocument(show: ShowDocumentParams): Promise<void>
  restartFile(uri: string): Promise<void>
  createRpcSession(uri: string): Promise<string>
  closeRpcSession(sessionId: string): Promise<void>
  /** Not part of EditorApi: a workbench shortcut pressed inside the frame. */
  keydown(key: FrameKey): Promise<void>
}

export interface FrameTheme {
  kind: 'dark' | 'light'
  /** The frame's body then carries vscode-high-contrast(-light), as VS Code's webviews do. */
  highContrast?: boolean
  /** `--vscode-*` custom properties and their values. */
  vars: Record<string, string>
}

/** The server notifications the frame is sent as file state (latest per file; see notification-outbox.ts). */
export const DIAGNOSTICS = 'textDocument/publishDiagnostics'
export const FILE_PROGRESS = '$/lean/fileProgress'

/** One part of a `textDocument/publishDiagnostics`'s params: the list is the parts' concatenation, in `index` order. */
export interface DiagnosticsPart {
  uri: string
  version?: number
  diagnostics: LeanDiagnostic[]
  part: { index: number; count: number }
}

export interface FrameMethods {
  [name: string]: (...args: any[]) => unknown
  setTheme(theme: FrameTheme): Promise<void>
  initialize(loc: Location): Promise<void>
  gotServerNotification(method: string, params: unknown): Promise<void>
  /** Not part of InfoviewApi: the frame passes the whole list on as one publishDiagnostics once the last part is in. */
  gotDiagnosticsPart(part: DiagnosticsPart): Promise<void>
  sentClientNotification(method: string, params: unknown): Promise<void>
  serverRestarted(result: InitializeResult<LeanServerCapabilities>): Promise<void>
  serverStopped(reason: ServerStoppedReason | undefined): Promise<void>
  changedCursorLocation(loc?: Location): Promise<void>
  changedInfoviewConfig(config: InfoviewConfig): Promise<void>
  requestedAction(action: InfoviewAction): Promise<void>
  clickedContextMenu(action: ContextMenuAction): Promise<void>
  getInfoviewHtml(): Promise<string>
}

export const INFOVIEW_ACTIONS: readonly InfoviewActionKind[] = [
  'toggleAllMessages',
  'togglePaused',
  'togglePin',
  'copyToComment',
  'toggleExpectedType',
]

export function isInfoviewAction(kind: string): kind is InfoviewActionKind {
  return (INFOVIEW_ACTIONS as readonly string[]).includes(kind)
}
