// Command-line flags shared by serve mode and the Electron app:
//   lectern [folder] [file[:line[:column]]] … [--workspace DIR] [--port N] [--no-browser] [--user-data DIR] [--bridge]
// Environment equivalents: LECTERN_WORKSPACE, LECTERN_PORT, LECTERN_NO_BROWSER, LECTERN_USER_DATA, LECTERN_BRIDGE.
// LECTERN_TOKEN fixes the access token (a machine serving its Lean servers to others keeps it across restarts).
//   /lsp limits (they win over settings): [--lsp-max-sessions N] [--lsp-idle SECONDS] [--lsp-max-life SECONDS]
//   [--lsp-memory MIB] [--lsp-cpu SECONDS] [--lsp-rate MESSAGES_PER_SECOND] [--lsp-no-sandbox]
// Chromium's own switches (--no-sandbox, --ozone-platform=wayland, …) are Chromium's business: they pass through.
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FileTarget } from '../shared/api'
import type { LspLimits } from './bridge/lsp/limits'
import { defaultUserDataDir } from './user-data'

export type { FileTarget }

/** Numeric /lsp flags: name → [limit, scale from the flag's unit]. */
const LSP_FLAGS: Record<string, [keyof LspLimits, number]> = {
  '--lsp-max-sessions': ['maxSessions', 1],
  '--lsp-idle': ['idleMs', 1000],
  '--lsp-max-life': ['maxLifeMs', 1000],
  '--lsp-memory': ['memoryMb', 1],
  '--lsp-cpu': ['cpuSeconds', 1],
  '--lsp-rate': ['maxMessagesPerSecond', 1],
}

export interface LaunchArgs {
  workspace?: string
  /** Further folders named on the command line (one root is open at a time today). */
  extraFolders: string[]
  /** Files to open, with the position to put the cursor at (1-based, as typed). */
  files: FileTarget[]
  port: number
  openBrowser: boolean
  userDataDir: string
  /** Electron mode: also start the HTTP/WebSocket bridge (`/lsp` for other tools). Serve mode always does. */
  bridge: boolean
  /** Chromium/Electron switches seen (passed through, never an error). */
  chromiumSwitches: string[]
  /** `--help` / `--version`: print and exit, do nothing else. */
  action?: 'help' | 'version'
  /** Lectern-looking flags nobody knows; an error unless the caller asked to collect them. */
  unknownFlags: string[]
  /** A fixed access token instead of a new one per launch. */
  token?: string
  /** /lsp limits given on the command line; absent when none were. */
  lsp?: Partial<LspLimits>
}

export interface ParseOptions {
  /** Where relative paths are resolved (a second instance's working folder). */
  cwd?: string
  /** 'dir' / 'file' / undefined for a path that does not exist. */
  stat?: (path: string) => 'dir' | 'file' | undefined
  /** 'error' (a launch) throws one sentence; 'collect' (a second instance's argv) lists them. */
  unknownFlags?: 'error' | 'collect'
}

export const USAGE = `Usage: lectern [folder] [file[:line[:column]]] … [options]

  folder                   open this folder (a Lean project); the scratch project when none is given
  file[:line[:column]]     open a file with the cursor at that position
  --workspace, -w DIR      the folder to open
  --user-data DIR          settings, backups and the scratch project (default: the platform's app data folder)
  --bridge                 desktop app: also serve /ws and /lsp on 127.0.0.1 for other tools
  --port, -p N             the bridge's port (0: any free one)
  --lsp-max-sessions N     /lsp: sessions at once (also --lsp-idle S, --lsp-max-life S, --lsp-memory MIB,
                           --lsp-cpu S, --lsp-rate MSG/S; 0 = no limit); --lsp-no-sandbox runs Lean unsandboxed
  --no-browser             serve mode: print the URL but do not open a browser
  --help, -h               print this help
  --version, -v            print the version

Chromium switches such as --no-sandbox, --disable-gpu or --ozone-platform=wayland are passed to Chromium.`

/** Switches Chromium and Electron understand. They are not Lectern's to refuse. */
const CHROMIUM_SWITCH =
  /^--(no-sandbox|no-zygote|single-process|in-process-gpu|disable-|enable-|ozone-|use-gl|use-angle|use-vulkan|force-|ignore-gpu|gpu-|js-flags|lang|log-|v=|vmodule|proxy-|no-proxy|host-|password-store|class|name=|user-agent|remote-debugging-|remote-allow-origins|inspect|gtk-version|wm-class|high-dpi|auto-detect|headless|trace-|no-first-run|allow-|unsafely-|original-process-start-time|autoplay-policy|app-user-model-id|wayland-)/

export function isChromiumSwitch(arg: string): boolean {
  return CHROMIUM_SWITCH.test(arg)
}

function defaultStat(path: string): 'dir' | 'file' | undefined {
  try {
    const s = statSync(path)
    return s.isDirectory() ? 'dir' : 'file'
  } catch {
    return undefined
  }
}

/**
 * `A.lean`, `A.lean:12`, `A.lean:12:5`, `C:\x\A.lean:3` → path and position. A path that exists as typed is never
 * split (a file may have a colon in its name); a bare drive letter is not a path with a position.
 */
export function parseFileTarget(arg: string, cwd: string, stat: ParseOptions['stat'] = defaultStat): FileTarget {
  // File managers may hand over URIs (`Exec=lectern %U` in the .desktop file).
  if (arg.startsWith('file://')) {
    try {
      return { path: fileURLToPath(arg) }
    } catch {
      // not a local file URI: treat it as a path
    }
  }
  const whole = resolve(cwd, arg)
  if (stat(whole)) return { path: whole }
  const m = /^(.+?)(?::(\d+))?(?::(\d+))?$/.exec(arg)
  if (!m || !m[2] || /^[A-Za-z]$/.test(m[1])) return { path: whole }
  const target: FileTarget = { path: resolve(cwd, m[1]), line: Number(m[2]) }
  if (m[3]) target.column = Number(m[3])
  return target
}

export function parseLaunchArgs(argv: string[], env: NodeJS.ProcessEnv, options: ParseOptions = {}): LaunchArgs {
  const cwd = options.cwd ?? process.cwd()
  const stat = options.stat ?? defaultStat
  const args: LaunchArgs = {
    workspace: env.LECTERN_WORKSPACE || undefined,
    extraFolders: [],
    files: [],
    port: Number(env.LECTERN_PORT ?? 0),
    openBrowser: !env.LECTERN_NO_BROWSER,
    userDataDir: defaultUserDataDir(env),
    bridge: !!env.LECTERN_BRIDGE,
    ...(env.LECTERN_TOKEN ? { token: env.LECTERN_TOKEN } : {}),
    chromiumSwitches: [],
    unknownFlags: [],
  }
  let positionalOnly = false
  const positional = (a: string) => {
    const path = a.startsWith('file://') ? parseFileTarget(a, cwd, stat).path : resolve(cwd, a)
    if (stat(path) === 'dir') {
      if (!args.workspace) args.workspace = path
      else args.extraFolders.push(path)
    } else args.files.push(parseFileTarget(a, cwd, stat))
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (positionalOnly || !a.startsWith('-') || a === '-') positional(a)
    else if (a === '--') positionalOnly = true
    else if (a === '--workspace' || a === '-w') args.workspace = resolve(cwd, value())
    else if (a === '--port' || a === '-p') args.port = Number(value())
    else if (a === '--no-browser') args.openBrowser = false
    else if (a === '--user-data') args.userDataDir = resolve(cwd, value())
    else if (a === '--bridge') args.bridge = true
    else if (a === '--lsp-no-sandbox') args.lsp = { ...args.lsp, sandbox: false }
    else if (LSP_FLAGS[a]) {
      const [key, scale] = LSP_FLAGS[a]
      const v = Number(value())
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a number ≥ 0 (0 = no limit)`)
      args.lsp = { ...args.lsp, [key]: v * scale }
    }
    else if (a === '--help' || a === '-h') args.action ??= 'help'
    else if (a === '--version' || a === '-v') args.action ??= 'version'
    else if (isChromiumSwitch(a)) args.chromiumSwitches.push(a)
    else args.unknownFlags.push(a)
  }
  if (args.unknownFlags.length > 0 && options.unknownFlags !== 'collect') {
    throw new Error(`Unknown argument: ${args.unknownFlags[0]} (\`lectern --help\` lists the options).`)
  }
  if (args.token !== undefined && !/^[\w-]{24,}$/.test(args.token)) throw new Error('LECTERN_TOKEN must be at least 24 letters, digits, - or _.')
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error(`Bad port: ${args.port}`)
  return args
}
