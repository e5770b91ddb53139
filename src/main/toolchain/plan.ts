// Entry point for the Lean server registry: which command starts the server for a project, or why none can.
import { formatCommandLine, shellQuote, splitCommandLine } from './command-line'
import { detectServerCommand } from './detect'
import { resolveProgram } from './path-lookup'
import type { DetectOptions, ProjectInfo, ServerCommandPlan } from './types'

const DEFAULT_TIMEOUT_MS = 5000
/** Environment variable that overrides the server command; it wins over the leanServerCommand setting. */
export const SERVER_COMMAND_ENV = 'LECTERN_LEAN_SERVER'

interface OverrideSource {
  line: string
  /** How the summary names where the command came from. */
  origin: string
}

function pickOverride(env: NodeJS.ProcessEnv, setting: string | undefined): OverrideSource | undefined {
  const fromEnv = env[SERVER_COMMAND_ENV]
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { line: fromEnv, origin: SERVER_COMMAND_ENV }
  if (setting !== undefined && setting.trim() !== '') return { line: setting, origin: 'the leanServerCommand setting' }
  return undefined
}

async function planOverride(
  source: OverrideSource,
  project: ProjectInfo,
  env: NodeJS.ProcessEnv,
  serverArgs: string[],
): Promise<ServerCommandPlan> {
  const failed = (why: string): ServerCommandPlan => ({
    status: 'override',
    ok: false,
    summary: `The Lean server command from ${source.origin} cannot be used: ${why}`,
    tools: {},
    detection: [],
  })
  const line = source.line.trim()
  // A WebSocket URL names a remote Lean server (another Lectern's /lsp); `&` in it is not a shell operator.
  if (/^wss?:\/\//i.test(line)) return planRemote(line, source, project)
  let argv: string[]
  try {
    argv = splitCommandLine(source.line, env)
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error))
  }
  if (argv.length === 0) return failed('it is empty.')
  // Resolve now so a typo is reported up front, and so a relative path means the same thing whatever spawns it.
  const program = await resolveProgram(argv[0], project.root, env)
  if (program === undefined) {
    const where = argv[0].includes('/') ? `relative to ${project.root}` : 'on PATH'
    return failed(`\`${argv[0]}\` was not found ${where} (or is not executable).`)
  }
  return {
    status: 'override',
    ok: true,
    command: [program, ...argv.slice(1), ...serverArgs],
    summary: `Using the Lean server command from ${source.origin}: \`${formatCommandLine(argv)}\`.`,
    ...(project.toolchain ? { toolchain: project.toolchain } : {}),
    tools: {},
    detection: [],
  }
}

function planRemote(line: string, source: OverrideSource, project: ProjectInfo): ServerCommandPlan {
  let url: URL
  try {
    url = new URL(line)
  } catch {
    url = new URL('invalid:')
  }
  const shown = new URL(url.href)
  shown.searchParams.delete('token')
  const ok = (url.protocol === 'ws:' || url.protocol === 'wss:') && !!url.host && !/\s/.test(line)
  return {
    status: 'override',
    ok,
    ...(ok ? { command: [url.href] } : {}),
    summary: ok
      ? `Using the remote Lean server at ${shown.href} from ${source.origin}.`
      : `The Lean server URL from ${source.origin} cannot be used: \`${line.slice(0, 200)}\` is not a ws:// or wss:// URL.`,
    ...(project.toolchain ? { toolchain: project.toolchain } : {}),
    tools: {},
    detection: [],
  }
}

function lakefileWithoutToolchainPlan(project: ProjectInfo): ServerCommandPlan {
  return {
    status: 'lakefile-without-toolchain',
    ok: false,
    summary: `The project at ${project.root} has a lakefile but no lean-toolchain file: add one that names the Lean version to use.`,
    fixCommand: `cd ${shellQuote(project.root)} && echo leanprover/lean4:stable > lean-toolchain`,
    tools: {},
    detection: [],
  }
}

/**
 * The command to start the Lean server for a project, from LECTERN_LEAN_SERVER / the setting if given,
 * else by detecting elan, lean and lake (text of their output, bounded by timeoutMs per command).
 */
export async function planServerCommand(opts: DetectOptions): Promise<ServerCommandPlan> {
  const env = opts.env ?? process.env
  const serverArgs = opts.serverArgs ?? []
  const override = pickOverride(env, opts.overrideCommand)
  if (override) return planOverride(override, opts.project, env, serverArgs)
  if (opts.project.problem === 'lakefile-without-toolchain') return lakefileWithoutToolchainPlan(opts.project)
  return detectServerCommand({
    project: opts.project,
    env,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    serverArgs,
    tools: {},
    steps: [],
  })
}
