// Channels the core publishes and the renderer subscribes to (DESIGN §3). Types only.
import type { FileProgressProcessingInfo, LeanDiagnostic } from './lsp'

export interface DiagnosticsEvent {
  uri: string
  version: number
  /**
   * Always the full, accumulated list for this uri (the core folds `isIncremental` batches). While Lean streams a
   * file's messages, the first list after a quiet moment comes at once and then the latest at most every 50 ms,
   * up to 500 ms after a list of 5,000 (the wait grows with the list last sent); the final list always comes.
   */
  diagnostics: LeanDiagnostic[]
  /**
   * Only for a subscription that set `chunk`, when the list is longer: this event carries one slice of the list.
   * The slices of one list arrive one after another, `index` 0 to `count - 1`; the list is their concatenation
   * (`DiagnosticsParts` in shared/diagnostics-parts.ts joins them).
   */
  part?: { index: number; count: number }
}

export interface ProgressEvent {
  uri: string
  version: number
  /** Empty means finished. */
  processing: FileProgressProcessingInfo[]
  /**
   * Set when Lean stopped processing this file because its worker crashed (a request failed with -32901/-32902):
   * Lean's message. Lean restarts the worker only on the next edit; Restart File does it at once.
   */
  workerCrash?: string
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

export type TaskKind = 'build' | 'cache' | 'update' | 'clean' | 'new-project' | 'install-elan' | 'install-toolchain'
export type TaskState = 'running' | 'done' | 'failed' | 'cancelled'

export interface TaskProgress {
  /** Finished and total steps when known ("[12/345]", "attempted 50/4000"). */
  done?: number
  total?: number
  /** What is happening now, e.g. "Built Mathlib.Logic.Basic" or "Decompressing 4000 file(s)". */
  text: string
}

/** A problem Lake printed (`error: file:line:col: message`), resolved against the project root. */
export interface BuildProblem {
  /** Absolute path of the file. */
  path: string
  uri: string
  /** 0-based line and character (Lean prints 1-based lines and 0-based codepoint columns). */
  line: number
  character: number
  endLine?: number
  endCharacter?: number
  severity: 1 | 2 | 3
  message: string
}

/** A long-running process that is not a Lean server (DESIGN §1 tasks/): Lake commands, elan installs. */
export interface TaskEvent {
  id: string
  kind: TaskKind
  /** Folder the task runs in (the project root; for New Project its parent folder). */
  project: string
  /** e.g. "Build Project". */
  title: string
  /** The exact command line, as shown to the user before the output. */
  command: string
  state: TaskState
  progress?: TaskProgress
  /** Output lines since the previous event for this task (all kept lines when `fromStart`). */
  output: string[]
  /** True when `output` starts at the beginning of the kept output (a replay); the receiver replaces. */
  fromStart?: boolean
  exitCode?: number | null
  /** One sentence when the task ended: what happened, or why it failed. */
  detail?: string
  /** Build and cache tasks: problems found in the output so far (the full list each time it changes). */
  problems?: BuildProblem[]
  /** Modules Lake built or unpacked (for offering Restart File to files importing them). */
  rebuiltModules?: string[]
  /** New Project: the created folder. */
  createdPath?: string
}

export interface ChannelPayloads {
  diagnostics: DiagnosticsEvent
  progress: ProgressEvent
  files: FileEvent
  server: ServerEvent
  lsp: LspEvent
  workspace: WorkspaceEvent
  tasks: TaskEvent
}

export type ChannelName = keyof ChannelPayloads

export interface ChannelFilters {
  /**
   * `chunk`: lists longer than this arrive as several events of at most this many diagnostics (see
   * DiagnosticsEvent.part), so no single message is megabytes long; the window asks for 500.
   */
  diagnostics: { uri?: string; chunk?: number }
  progress: { uri?: string }
  files: { root?: string }
  server: { project?: string }
  /**
   * `omitText`: `textDocument/didOpen` events come without `params.textDocument.text`, the document's whole text
   * (megabytes for a big file, sent again at every server restart), for a client that only needs to know what was
   * opened; the window asks for it.
   */
  lsp: { method?: string; direction?: 'server' | 'client'; omitText?: boolean }
  workspace: Record<string, never>
  tasks: { project?: string }
}

export const CHANNEL_NAMES: readonly ChannelName[] = ['diagnostics', 'progress', 'files', 'server', 'lsp', 'workspace', 'tasks']
