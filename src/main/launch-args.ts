// Command-line flags shared by serve mode and the Electron app:
//   [--workspace DIR | DIR] [--port N] [--no-browser] [--user-data DIR]
//   /lsp limits (they win over settings): [--lsp-max-sessions N] [--lsp-idle SECONDS] [--lsp-max-life SECONDS]
//   [--lsp-memory MIB] [--lsp-cpu SECONDS] [--lsp-rate MESSAGES_PER_SECOND] [--lsp-no-sandbox]
// Environment equivalents: LECTERN_WORKSPACE, LECTERN_PORT, LECTERN_NO_BROWSER, LECTERN_USER_DATA.
import type { LspLimits } from './bridge/lsp/limits'
import { defaultUserDataDir } from './user-data'

const USAGE =
  'Usage: lectern-serve [--workspace DIR] [--port N] [--no-browser] [--user-data DIR]\n' +
  '  [--lsp-max-sessions N] [--lsp-idle SECONDS] [--lsp-max-life SECONDS] [--lsp-memory MIB] [--lsp-cpu SECONDS]\n' +
  '  [--lsp-rate MESSAGES_PER_SECOND] [--lsp-no-sandbox]'

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
  port: number
  openBrowser: boolean
  userDataDir: string
  /** /lsp limits given on the command line; absent when none were. */
  lsp?: Partial<LspLimits>
}

export function parseLaunchArgs(argv: string[], env: NodeJS.ProcessEnv): LaunchArgs {
  const args: LaunchArgs = {
    workspace: env.LECTERN_WORKSPACE || undefined,
    port: Number(env.LECTERN_PORT ?? 0),
    openBrowser: !env.LECTERN_NO_BROWSER,
    userDataDir: defaultUserDataDir(env),
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--workspace' || a === '-w') args.workspace = value()
    else if (a === '--port' || a === '-p') args.port = Number(value())
    else if (a === '--no-browser') args.openBrowser = false
    else if (a === '--user-data') args.userDataDir = value()
    else if (a === '--lsp-no-sandbox') args.lsp = { ...args.lsp, sandbox: false }
    else if (LSP_FLAGS[a]) {
      const [key, scale] = LSP_FLAGS[a]
      const v = Number(value())
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a number ≥ 0 (0 = no limit)`)
      args.lsp = { ...args.lsp, [key]: v * scale }
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE)
      process.exit(0)
    } else if (!a.startsWith('-') && !args.workspace) args.workspace = a
    else throw new Error(`Unknown argument: ${a}`)
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error(`Bad port: ${args.port}`)
  return args
}
