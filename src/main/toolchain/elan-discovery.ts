// Finds elan wherever it lives (DESIGN §4), also when Lectern was started from a desktop launcher whose PATH
// lacks ~/.elan/bin: ELAN_HOME/bin, ~/.elan/bin, the PATH of the user's login shell (read once, bounded by a
// timeout, as VS Code resolves its shell environment), then PATH. The result is an environment whose PATH puts
// those folders first, used for every toolchain command, and a sentence saying which source won.
import * as os from 'node:os'
import * as path from 'node:path'
import { findOnPath } from './path-lookup'
import { runDetectionCommand } from './run-command'

export type ElanSource = 'ELAN_HOME/bin' | '~/.elan/bin' | 'login shell PATH' | 'PATH'

export interface LoginShellResult {
  status: 'ok' | 'timeout' | 'failed' | 'skipped'
  /** The shell's PATH when status is ok. */
  path?: string
  /** One sentence for the setup report. */
  detail: string
}

export interface ElanDiscovery {
  /** The environment to run toolchain commands in (PATH extended). */
  env: NodeJS.ProcessEnv
  elan?: { path: string; source: ElanSource }
  loginShell: LoginShellResult
  /** One line per source searched, for the setup report. */
  searched: string[]
  /** One sentence: where elan was found, or that it was not. */
  summary: string
}

export const DEFAULT_LOGIN_SHELL_TIMEOUT_MS = 10_000
export const BACKGROUND_DISCOVERY_DELAY_MS = 3000
/** While the windows are busy (see startSoon), discovery waits this long at a time, and at most MAX_WAIT in all. */
export const BACKGROUND_DISCOVERY_RECHECK_MS = 500
export const BACKGROUND_DISCOVERY_MAX_WAIT_MS = 30_000
const START = '__LECTERN_PATH_START__'
const END = '__LECTERN_PATH_END__'

/** Runs `$SHELL -ilc` once and reads the PATH it prints between markers (rc files may print anything around it). */
export async function readLoginShellPath(
  env: NodeJS.ProcessEnv,
  timeoutMs = DEFAULT_LOGIN_SHELL_TIMEOUT_MS,
  signal?: AbortSignal,
): Promise<LoginShellResult> {
  const shell = env.SHELL
  if (process.platform === 'win32' || !shell || !path.isAbsolute(shell)) {
    return { status: 'skipped', detail: 'No login shell to ask ($SHELL is not set).' }
  }
  // fish keeps PATH as a list; every other common shell (sh, bash, zsh, ksh, tcsh) expands "$PATH" as text.
  const printPath = path.basename(shell) === 'fish' ? `printf '%s' '${START}'; string join : $PATH; printf '%s' '${END}'` : `printf '%s%s%s' '${START}' "$PATH" '${END}'`
  const step = await runDetectionCommand([shell, '-ilc', printPath], { cwd: env.HOME ?? os.homedir(), env, timeoutMs, signal })
  const shown = `\`${shell} -ilc\``
  if (step.timedOut) return { status: 'timeout', detail: `${shown} did not answer within ${Math.round(timeoutMs / 100) / 10} s; its PATH was not used.` }
  const m = new RegExp(`${START}([\\s\\S]*?)\\s*${END}`).exec(step.stdout)
  if (!m) {
    const why = step.spawnError ?? `exit ${step.exitCode ?? step.signal}, no PATH printed`
    return { status: 'failed', detail: `${shown} failed (${why}); its PATH was not used.` }
  }
  return { status: 'ok', path: m[1].trim(), detail: `${shown} answered.` }
}

function elanHomeBin(env: NodeJS.ProcessEnv): string | undefined {
  return env.ELAN_HOME ? path.join(env.ELAN_HOME, 'bin') : undefined
}

function homeElanBin(env: NodeJS.ProcessEnv): string {
  return path.join(env.HOME ?? os.homedir(), '.elan', 'bin')
}

/** The first folder of `dirs` holding an executable elan. */
async function elanIn(dirs: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return findOnPath('elan', { ...env, PATH: dirs })
}

function joinPath(parts: (string | undefined)[]): string {
  const seen = new Set<string>()
  const out: string[] = []
  for (const part of parts) {
    for (const dir of (part ?? '').split(path.delimiter)) {
      if (dir === '' || seen.has(dir)) continue
      seen.add(dir)
      out.push(dir)
    }
  }
  return out.join(path.delimiter)
}

export interface DiscoverOptions {
  /** Reads the login shell's PATH; called at most once, only when the earlier sources lack elan. */
  loginShell: () => Promise<LoginShellResult>
}

/** Searches the four sources in order; the login shell is only waited for when the first two lack elan. */
export async function discoverElan(env: NodeJS.ProcessEnv, opts: DiscoverOptions): Promise<ElanDiscovery> {
  const searched: string[] = []
  const fixed: [ElanSource, string | undefined][] = [
    ['ELAN_HOME/bin', elanHomeBin(env)],
    ['~/.elan/bin', homeElanBin(env)],
  ]
  let elan: ElanDiscovery['elan']
  for (const [source, dir] of fixed) {
    if (!dir) {
      searched.push(`${source}: not set`)
      continue
    }
    const found = await elanIn(dir, env)
    searched.push(`${source} (${dir}): ${found ? 'elan found' : 'no elan'}`)
    if (found && !elan) elan = { path: found, source }
  }
  let loginShell: LoginShellResult = { status: 'skipped', detail: 'Not asked: elan was found earlier.' }
  if (!elan) {
    loginShell = await opts.loginShell()
    if (loginShell.path !== undefined) {
      const found = await elanIn(loginShell.path, env)
      searched.push(`login shell PATH: ${found ? `elan found at ${found}` : 'no elan'}`)
      if (found) elan = { path: found, source: 'login shell PATH' }
    } else {
      searched.push(`login shell PATH: ${loginShell.detail}`)
    }
    if (!elan) {
      const found = await findOnPath('elan', env)
      searched.push(`PATH: ${found ? `elan found at ${found}` : 'no elan'}`)
      if (found) elan = { path: found, source: 'PATH' }
    }
  }
  const PATH = joinPath([elan ? path.dirname(elan.path) : undefined, elanHomeBin(env), homeElanBin(env), loginShell.path, env.PATH])
  return {
    env: { ...env, PATH },
    ...(elan ? { elan } : {}),
    loginShell,
    searched,
    summary: elan ? `elan found in ${elan.source}: ${elan.path}` : 'elan was not found (searched ELAN_HOME/bin, ~/.elan/bin, the login shell PATH and PATH).',
  }
}

/**
 * The core's one discovery: started soon after launch without blocking anything; toolchain commands await `resolve()`.
 * The login shell is read at most once per run.
 */
export class ToolchainEnvironment {
  private discovery: Promise<ElanDiscovery> | undefined
  private loginShell: Promise<LoginShellResult> | undefined
  private readonly abort = new AbortController()
  private startTimer: NodeJS.Timeout | undefined

  constructor(
    private readonly baseEnv: NodeJS.ProcessEnv,
    private readonly options: { loginShellTimeoutMs?: number; readLoginShell?: boolean } = {},
  ) {}

  /** Begins discovery in the background; safe to call again. */
  start(): void {
    void this.resolve()
  }

  /**
   * Begins discovery once the window has had time to draw, unless something needs the toolchain sooner (the first
   * Lean server or task calls `resolve()`). A user's rc files can take a second of CPU (pyenv, nvm, conda): run while
   * the window loads, the login shell slowed its start by a fifth on two cores, even at a low priority. So it waits
   * `delayMs`, then for as long as `busy()` says a window is still at work (its start-up's calls still coming; a
   * slow machine takes longer than the delay to draw), up to BACKGROUND_DISCOVERY_MAX_WAIT_MS.
   */
  startSoon(delayMs = BACKGROUND_DISCOVERY_DELAY_MS, busy: () => boolean = () => false): void {
    clearTimeout(this.startTimer)
    const giveUpAt = Date.now() + BACKGROUND_DISCOVERY_MAX_WAIT_MS
    const wait = (ms: number) => {
      this.startTimer = setTimeout(() => (busy() && Date.now() < giveUpAt ? wait(BACKGROUND_DISCOVERY_RECHECK_MS) : this.start()), ms)
      this.startTimer.unref()
    }
    wait(delayMs)
  }

  resolve(): Promise<ElanDiscovery> {
    this.discovery ??= discoverElan(this.baseEnv, { loginShell: () => this.readShell() })
    return this.discovery
  }

  /** elan was just installed: search again (the login shell answer is kept). */
  refresh(): Promise<ElanDiscovery> {
    this.discovery = undefined
    return this.resolve()
  }

  private readShell(): Promise<LoginShellResult> {
    if (this.options.readLoginShell === false) return Promise.resolve({ status: 'skipped', detail: 'Reading the login shell is turned off.' })
    this.loginShell ??= readLoginShellPath(this.baseEnv, this.options.loginShellTimeoutMs, this.abort.signal)
    return this.loginShell
  }

  /** Ends a login shell still being waited for. */
  dispose(): void {
    clearTimeout(this.startTimer)
    this.abort.abort()
  }
}
