// Shapes shared by project-root resolution, toolchain detection and the setup report.

export type ProjectKind = 'lake' | 'lean' | 'standalone'

export interface ProjectInfo {
  /** Project root folder (absolute); the Lean server runs with this as its cwd. */
  root: string
  /** 'lake' if a lakefile sits beside lean-toolchain; 'lean' if only lean-toolchain; 'standalone' if none was found. */
  kind: ProjectKind
  /** Path of the lean-toolchain file. */
  toolchainFile?: string
  /** Its trimmed content, e.g. "leanprover/lean4:v4.20.0". */
  toolchain?: string
  /** Path of lakefile.lean or lakefile.toml. */
  lakefile?: string
  problem?: 'lakefile-without-toolchain'
}

export type ToolchainStatus =
  | 'ok'
  | 'override'
  | 'no-elan'
  | 'no-lean'
  | 'toolchain-not-installed'
  | 'download-failed'
  | 'lakefile-without-toolchain'
  | 'broken-lakefile'
  | 'detection-timeout'

/** One command run during detection, kept verbatim for the setup report. */
export interface DetectionStep {
  argv: string[]
  cwd: string
  exitCode: number | null
  signal: string | null
  /** Trimmed, ANSI escapes removed, capped in size. */
  stdout: string
  stderr: string
  durationMs: number
  /** True when the command exceeded the timeout and its process group was killed. */
  timedOut: boolean
  /** Set when the command could not be started at all (e.g. EACCES). */
  spawnError?: string
}

/** Where the tools were found on PATH (absolute paths). */
export interface ToolPaths {
  elan?: string
  lean?: string
  lake?: string
}

export interface ServerCommandPlan {
  status: ToolchainStatus
  /** Can we start a server? */
  ok: boolean
  /** argv to spawn with cwd = project root. */
  command?: string[]
  /** Lake projects: the plain `lean --server` to use if `lake serve` fails to start. */
  fallbackCommand?: string[]
  /** One sentence for the status bar / banner. */
  summary: string
  /** A shell command that fixes the problem, if there is one. */
  fixCommand?: string
  /** Toolchain name, or the first line of `lean --version` when no name is known. */
  toolchain?: string
  elanVersion?: string
  leanVersion?: string
  lakeVersion?: string
  tools?: ToolPaths
  /** Every command run, in order. Empty when an override or a project problem skipped detection. */
  detection: DetectionStep[]
}

export interface DetectOptions {
  project: ProjectInfo
  /** PATH etc.; default process.env. LECTERN_LEAN_SERVER in it wins over overrideCommand. */
  env?: NodeJS.ProcessEnv
  /** The leanServerCommand setting; split like a shell. When set, detection is skipped (status 'override'). */
  overrideCommand?: string
  serverArgs?: string[]
  /** Per command, default 5000; a command that exceeds it is killed with its whole process group. */
  timeoutMs?: number
}
