// Channels the core publishes and the renderer subscribes to (DESIGN §3). Types only.
import type { FileProgressProcessingInfo, LeanDiagnostic } from './lsp'

export interface DiagnosticsEvent {
  uri: string
  version: number
  /** Always the full, accumulated list for this uri (the core folds `isIncremental` batches). */
  diagnostics: LeanDiagnostic[]
}

export interface ProgressEvent {
  uri: string
  version: number
  /** Empty means finished. */
  processing: FileProgressProcessingInfo[]
}

export type FileChangeKind = 'created' | 'changed' | 'deleted'

export interface FileEvent {
  kind: FileChangeKind
  /** Absolute path on disk. */
  path: string
  /** The workspace root the path lies under. */
  root: string
}

export type ServerState = 'starting' | 'running' | 'crashed' | 'restarting' | 'stopped' | 'no-toolchain'

export interface ServerEvent {
  /** Project root (absolute path); the standalone server for files outside any project uses its folder. */
  project: string
  state: ServerState
  /** One sentence a user can read: why this state, what to do. */
  detail: string
  /** The command line that was (or would be) run. */
  command?: string[]
  pid?: number
  /** For a remote Lean server: where it runs (its URL without the token). */
  remote?: string
  /** e.g. "leanprover/lean4:v4.20.0" or the `lean --version` line. */
  toolchain?: string
  /** `serverInfo.version` from initialize, once running. */
  serverVersion?: string
  /** Crashes counted in the current window. */
  crashes?: number
  /** Last stderr lines, on crash or stop. */
  stderrTail?: string[]
  /** Shell command that fixes the problem, where one exists (install elan, etc.). */
  fixCommand?: string
  /** True when a toolchain file / lakefile changed on disk and a restart is advised. */
  restartSuggested?: boolean
}

/** Any other LSP notification, for the infoview (`subscribeServerNotifications` / `subscribeClientNotifications`). */
export interface LspEvent {
  direction: 'server' | 'client'
  method: string
  params: unknown
}

/** The open folders changed (Open Folder, Add Folder, Close Folder). */
export interface WorkspaceEvent {
  roots: string[]
  /** True when the only root is the scratch project. */
  scratch: boolean
}

export interface ChannelPayloads {
  diagnostics: DiagnosticsEvent
  progress: ProgressEvent
  files: FileEvent
  server: ServerEvent
  lsp: LspEvent
  workspace: WorkspaceEvent
}

export type ChannelName = keyof ChannelPayloads

export interface ChannelFilters {
  diagnostics: { uri?: string }
  progress: { uri?: string }
  files: { root?: string }
  server: { project?: string }
  lsp: { method?: string; direction?: 'server' | 'client' }
  workspace: Record<string, never>
}

export const CHANNEL_NAMES: readonly ChannelName[] = ['diagnostics', 'progress', 'files', 'server', 'lsp', 'workspace']
