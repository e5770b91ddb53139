// Command-line flags shared by serve mode and the Electron app:
//   [--workspace DIR | DIR] [--port N] [--no-browser] [--user-data DIR]
// Environment equivalents: LECTERN_WORKSPACE, LECTERN_PORT, LECTERN_NO_BROWSER, LECTERN_USER_DATA.
// LECTERN_TOKEN fixes the access token (a machine serving its Lean servers to others keeps it across restarts).
import { defaultUserDataDir } from './user-data'

export interface LaunchArgs {
  workspace?: string
  port: number
  openBrowser: boolean
  userDataDir: string
  /** A fixed access token instead of a new one per launch. */
  token?: string
}

export function parseLaunchArgs(argv: string[], env: NodeJS.ProcessEnv): LaunchArgs {
  const args: LaunchArgs = {
    workspace: env.LECTERN_WORKSPACE || undefined,
    port: Number(env.LECTERN_PORT ?? 0),
    openBrowser: !env.LECTERN_NO_BROWSER,
    userDataDir: defaultUserDataDir(env),
    ...(env.LECTERN_TOKEN ? { token: env.LECTERN_TOKEN } : {}),
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
    else if (a === '--help' || a === '-h') {
      console.log('Usage: lectern-serve [--workspace DIR] [--port N] [--no-browser] [--user-data DIR]')
      process.exit(0)
    } else if (!a.startsWith('-') && !args.workspace) args.workspace = a
    else throw new Error(`Unknown argument: ${a}`)
  }
  if (args.token !== undefined && !/^[\w-]{24,}$/.test(args.token)) throw new Error('LECTERN_TOKEN must be at least 24 letters, digits, - or _.')
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error(`Bad port: ${args.port}`)
  return args
}
