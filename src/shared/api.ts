// The one API the renderer (and any /ws client) may call. Both transports (Electron IPC and the /ws
// JSON-RPC endpoint) dispatch to the same router in src/main/api. Types only, plus the method list.
import type { ChannelFilters, ChannelName, ServerEvent, TaskEvent } from './channels'
import type { DependencyBuildMode, TextChange, TextEdit } from './lsp'

export interface AppInfo {
  name: 'Lectern'
  version: string
  mode: 'electron' | 'serve'
  /** Open workspace folders (absolute paths). */
  roots: string[]
  /** True when the workspace is the scratch project Lectern created. */
  scratch: boolean
  platform: string
  /** URL of the sandboxed infoview frame page (carries its own asset-only token in serve mode, never the API token). */
  infoviewUrl: string
  /** Files named on the command line (`lectern A.lean:12:5`), opened once the workbench starts. */
  launchFiles?: FileTarget[]
}

/** A file to open with the cursor at a position: 1-based line and column, as typed on a command line. */
export interface FileTarget {
  path: string
  line?: number
  column?: number
}

export interface DirEntry {
  name: string
  path: string
  kind: 'file' | 'dir'
}

export interface OpenedDocument {
  uri: string
  path: string
  /** The core's authoritative text (may differ from disk when the buffer is dirty). */
  text: string
  version: number
  dirty: boolean
  /** Dependency and toolchain sources open read-only. */
  readonly: boolean
  /** Set when the text came from a backup of unsaved work. */
  restoredFromBackup?: boolean
}

export interface ToolchainReport {
  /** One sentence: what was found or what is missing. */
  summary: string
  ok: boolean
  /** Command that fixes it, if any. */
  fixCommand?: string
  /** The full "setup report": versions, paths, raw detection output. Markdown. */
  report: string
}

export interface ServerLog {
  project: string
  stderr: string[]
  /** JSON lines of the LSP traffic, when message logging is on. */
  messages: string[]
}

export interface Settings {
  /** Overrides the Lean server command line (split like a shell). LECTERN_LEAN_SERVER wins over it. */
  leanServerCommand?: string
  /**
   * Per project root (absolute path): its Lean server command, or a remote server's URL
   * (`ws://host:port/lsp?project=/remote/root&token=…`). Wins over leanServerCommand; LECTERN_LEAN_SERVER wins over it.
   */
  leanServerByProject?: Record<string, string>
  /** Extra `lean --server` arguments. */
  serverArgs?: string[]
  /** dependencyBuildMode for a normal open: 'never' (like vscode-lean4) or 'always'. */
  automaticallyBuildDependencies?: boolean
  /** Keep an LSP message log in memory for "Show Server Log". */
  logLspMessages?: boolean
  'input.enabled'?: boolean
  'input.leader'?: string
  'input.eagerReplacementEnabled'?: boolean
  'input.customTranslations'?: Record<string, string>
  /** @leanprover/infoview's config, persisted by `saveConfig`. */
  infoviewConfig?: Record<string, unknown>
  /** 'system' (the default) follows the OS's dark/light and high-contrast preference, live. */
  theme?: 'system' | 'dark' | 'light' | 'high-contrast-dark' | 'high-contrast-light'
  fontSize?: number
  /** Desktop app: also serve /ws and /lsp on 127.0.0.1 for other tools (like `--bridge`; read at start). */
  'bridge.enabled'?: boolean
  /** /lsp limits (launch flags win); see src/main/bridge/lsp/limits.ts for the defaults. */
  'lsp.maxSessions'?: number
  'lsp.idleSeconds'?: number
  'lsp.maxLifeSeconds'?: number
  'lsp.memoryLimitMb'?: number
  'lsp.cpuLimitSeconds'?: number
  'lsp.maxMessagesPerSecond'?: number
  /** Run /lsp sessions under bubblewrap (default true); like the server command, changed only from the app's own UI. */
  'lsp.sandbox'?: boolean
  /** Let sandboxed /lsp sessions write to the project. */
  'lsp.projectWritable'?: boolean
}

export interface SearchMatch {
  path: string
  /** 0-based line and UTF-16 column of the match, as LSP counts. */
  line: number
  character: number
  length: number
  /** The matched line, maybe cut: `text` begins at column `offset`. */
  preview: { text: string; offset: number }
}

export interface SearchResult {
  matches: SearchMatch[]
  /** More matches exist than were returned. */
  truncated: boolean
}

/** One editor group of a split: its tabs in order and the one it shows. */
export interface EditorGroupSession {
  openFiles: string[]
  active?: string
}

/** What a workspace showed when it was last used, so a new launch shows it again (like VS Code's hot exit). */
export interface WorkspaceSession {
  /** The editable files open in tabs, in tab order (every group's, each once). */
  openFiles: string[]
  /** The focused group's file. */
  active?: string
  /** With a split: each group's tabs, left to right (absent with one group). */
  groups?: EditorGroupSession[]
  /** Files with unsaved changes backed up when Lectern was killed or quit; opening one restores them. */
  unsaved: string[]
}

/** The open folders, as the `workspace` channel and the folder methods report them. */
export interface WorkspaceState {
  roots: string[]
  /** True when the only root is the scratch project Lectern created. */
  scratch: boolean
}

export interface RecentFolder {
  path: string
  name: string
  /** The folder is gone (moved, deleted, an unmounted drive): shown marked, removable. */
  missing: boolean
}

/** One level of the serve-mode folder browser: the subfolders of `path`, Lean projects marked. */
export interface FolderListing {
  path: string
  /** Absent at the file system's root. */
  parent?: string
  home: string
  /** `path` itself has a `lean-toolchain` or a lakefile. */
  leanProject: boolean
  folders: { name: string; path: string; leanProject: boolean }[]
  /** More subfolders exist than were listed. */
  truncated: boolean
}

export interface ApiMethods {
  'app.info': { params: Record<string, never>; result: AppInfo }
  'workspace.list': { params: { path: string }; result: DirEntry[] }
  'workspace.read': { params: { path: string }; result: { text: string; readonly: boolean; mtimeMs: number } }
  /** Every file under the roots (for Go to File), build output and dependency folders left out. */
  'workspace.files': { params: Record<string, never>; result: { paths: string[]; truncated: boolean } }
  /** Plain-text search in the workspace's files; open documents are searched in their current text. */
  'workspace.search': { params: { query: string; caseSensitive?: boolean; regex?: boolean }; result: SearchResult }
  /** Creates an empty file (and missing parent folders); refuses if it exists. */
  'workspace.createFile': { params: { path: string }; result: DirEntry }
  'workspace.createFolder': { params: { path: string }; result: DirEntry }
  /** Renames or moves a file or folder; refuses to replace anything, or to move a document with unsaved changes. */
  'workspace.rename': { params: { path: string; newPath: string }; result: DirEntry }
  /** Deletes a file or folder (permanently: there is no trash); refuses while a document inside has unsaved changes. */
  'workspace.delete': { params: { path: string }; result: null }
  /** LSP TextEdits (ranges in the file's current text) to a file no editor has open, written atomically; refused with UnsavedChanges for a dirty document. */
  'workspace.applyTextEdits': { params: { path: string; edits: TextEdit[] }; result: { mtimeMs: number } }
  'workspace.session': { params: Record<string, never>; result: WorkspaceSession }
  /** `root`: the first root the tabs belong to; a remember for a workspace no longer open is ignored. `groups`: with a split, each editor group's tabs, left to right (`workspace.session` gives them back). */
  'workspace.rememberSession': { params: { openFiles: string[]; active?: string; groups?: EditorGroupSession[]; root?: string }; result: null }
  /** Replaces the open folders with `path` (the old folders' unsaved buffers are backed up, their Lean servers stopped). */
  'workspace.openFolder': { params: { path: string }; result: WorkspaceState }
  /** Adds `path` as another root (multi-root workspace). */
  'workspace.addFolder': { params: { path: string }; result: WorkspaceState }
  /** Removes one root; removing the last returns to the scratch project. */
  'workspace.removeFolder': { params: { path: string }; result: WorkspaceState }
  /** Close Folder: back to the scratch project. */
  'workspace.closeFolder': { params: Record<string, never>; result: WorkspaceState }
  'workspace.recentFolders': { params: Record<string, never>; result: RecentFolder[] }
  'workspace.forgetRecentFolder': { params: { path: string }; result: RecentFolder[] }
  /** The serve-mode folder browser: subfolders of `path` (default: the home folder). */
  'workspace.browseFolder': { params: { path?: string }; result: FolderListing }
  'doc.open': { params: { path: string }; result: OpenedDocument }
  'doc.change': { params: { uri: string; changes: TextChange[] }; result: { version: number } }
  'doc.close': { params: { uri: string }; result: null }
  /** Writes the core's text atomically. Refuses with code LecternErrorCodes.SaveConflict if the file changed on disk since it was read, unless `overwrite`. */
  'doc.save': { params: { uri: string; overwrite?: boolean }; result: { mtimeMs: number } }
  /** Replace the buffer with the file on disk (resolving a conflict in favour of the disk). */
  'doc.revert': { params: { uri: string }; result: OpenedDocument }
  /** Passthrough to the Lean server owning `uri`. `requestId` lets the caller cancel with `lean.cancel`. */
  'lean.request': { params: { uri: string; method: string; params: unknown; requestId?: string }; result: unknown }
  'lean.cancel': { params: { requestId: string }; result: null }
  'lean.notify': { params: { uri: string; method: string; params: unknown }; result: null }
  /** `$/lean/rpc/connect`; the core then sends keep-alive every 10 s until `lean.rpcClose`. */
  'lean.rpcConnect': { params: { uri: string }; result: { sessionId: string } }
  'lean.rpcClose': { params: { sessionId: string }; result: null }
  /** The raw InitializeResult of the server owning `uri` (for the infoview's `serverRestarted`), or null if none runs. */
  'lean.initializeResult': { params: { uri: string }; result: unknown }
  'lean.restartFile': { params: { uri: string; mode?: DependencyBuildMode }; result: null }
  'lean.restartServer': { params: { project?: string; uri?: string }; result: null }
  'lean.stopServer': { params: { project?: string; uri?: string }; result: null }
  'lean.serverLog': { params: { project?: string; uri?: string }; result: ServerLog }
  'lean.servers': { params: Record<string, never>; result: ServerEvent[] }
  'toolchain.report': { params: { project?: string }; result: ToolchainReport }
  'settings.get': { params: Record<string, never>; result: Settings }
  'settings.update': { params: { patch: Partial<Settings> }; result: Settings }
  /** Runs a Lake command as a task in a project root of the workspace; refuses a second build of one project. */
  'tasks.start': { params: { kind: ProjectTaskKind; project: string }; result: TaskEvent }
  /** Ends the task's whole process group; the task then reports `cancelled`. */
  'tasks.cancel': { params: { id: string }; result: null }
  /** Every task of this run, newest last, without output (the `tasks` channel replays output). */
  'tasks.list': { params: Record<string, never>; result: TaskEvent[] }
  /** New Project…: `lake new NAME TEMPLATE` in `location` with a toolchain the user has. */
  'project.create': { params: { name: string; location: string; template: ProjectTemplate }; result: TaskEvent }
  /** Where New Project suggests to create, and which toolchain it would pin. */
  'project.newProjectDefaults': { params: Record<string, never>; result: NewProjectDefaults }
  /** Install elan (the official installer script) or the project's toolchain (`elan toolchain install`), as a task. */
  'toolchain.install': { params: { what: 'elan' | 'toolchain'; project?: string }; result: TaskEvent }
  'channel.subscribe': { params: { channel: ChannelName; filter?: ChannelFilters[ChannelName] }; result: { subscriptionId: string } }
  'channel.unsubscribe': { params: { subscriptionId: string }; result: null }
}

/** Lake's own `lake new` templates. */
export const PROJECT_TEMPLATES = ['std', 'exe', 'lib', 'math'] as const
export type ProjectTemplate = (typeof PROJECT_TEMPLATES)[number]
export const PROJECT_TASK_KINDS = ['build', 'cache', 'update', 'clean'] as const
export type ProjectTaskKind = (typeof PROJECT_TASK_KINDS)[number]

export interface NewProjectDefaults {
  /** The user's home folder (or the current workspace's parent). */
  location: string
  /** The toolchain a new project pins, e.g. "leanprover/lean4:v4.20.0"; absent when none is installed. */
  toolchain?: string
  /** Where elan was found and from which source, or why it was not. */
  elan?: string
}

export type ApiMethod = keyof ApiMethods
export type ApiParams<M extends ApiMethod> = ApiMethods[M]['params']
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result']

/** Every method, for the preload's named functions and the router's completeness check. */
export const API_METHODS: readonly ApiMethod[] = [
  'app.info',
  'workspace.list',
  'workspace.read',
  'workspace.files',
  'workspace.search',
  'workspace.createFile',
  'workspace.createFolder',
  'workspace.rename',
  'workspace.delete',
  'workspace.applyTextEdits',
  'workspace.session',
  'workspace.rememberSession',
  'workspace.openFolder',
  'workspace.addFolder',
  'workspace.removeFolder',
  'workspace.closeFolder',
  'workspace.recentFolders',
  'workspace.forgetRecentFolder',
  'workspace.browseFolder',
  'doc.open',
  'doc.change',
  'doc.close',
  'doc.save',
  'doc.revert',
  'lean.request',
  'lean.cancel',
  'lean.notify',
  'lean.rpcConnect',
  'lean.rpcClose',
  'lean.initializeResult',
  'lean.restartFile',
  'lean.restartServer',
  'lean.stopServer',
  'lean.serverLog',
  'lean.servers',
  'toolchain.report',
  'settings.get',
  'settings.update',
  'tasks.start',
  'tasks.cancel',
  'tasks.list',
  'project.create',
  'project.newProjectDefaults',
  'toolchain.install',
  'channel.subscribe',
  'channel.unsubscribe',
]

/** Our own error codes (JSON-RPC server-error range), used only between core and renderer, never sent to Lean. */
export const LecternErrorCodes = {
  /** Path outside the open roots. */
  PathOutsideWorkspace: -32010,
  NotFound: -32011,
  ReadOnly: -32012,
  /** A setting that chooses which program runs changes only from the app's own UI, after a confirmation. */
  ProgramSettingRefused: -32030,
  /** File changed on disk under an unsaved buffer. */
  SaveConflict: -32013,
  /** No Lean toolchain / server for this document. */
  NoServer: -32014,
  /** The Lean server crashed or stopped while the request was pending. */
  ServerStopped: -32015,
  /** A file or folder to be created exists already. */
  AlreadyExists: -32016,
  /** A rename or delete would touch a document with unsaved changes. */
  UnsavedChanges: -32017,
  /** Find in Files was given a regular expression that does not compile. */
  InvalidSearch: -32018,
  /** A folder to open or browse does not exist, is not a folder, or cannot be read. */
  FolderUnavailable: -32025,
  /** A task of this kind already runs for the project (never two builds at once). */
  TaskBusy: -32019,
  /** New Project was given a name or location Lake would refuse. */
  InvalidProject: -32020,
} as const

/** Version of the /ws and /api/events protocol (docs/protocol.md); bumped when a change breaks existing clients. */
export const PROTOCOL_VERSION = 1

/** The notification carrying channel events over /ws, and the IPC event name in Electron. */
export const CHANNEL_EVENT = 'channel.event'
export interface ChannelEventMessage {
  subscriptionId: string
  channel: ChannelName
  payload: unknown
}
