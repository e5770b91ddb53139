// Each /lsp session's Lean under bubblewrap: system folders, the toolchain and the command's own files
// read-only, the project read-only (or read-write on request), a private /tmp, no network, a cleared
// environment, and it dies with the bridge. Address-space and CPU-time limits apply with or without it.
import { execFile } from 'node:child_process'
import { accessSync, constants, existsSync, lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join } from 'node:path'
import type { LspLimits } from './limits'

export interface SandboxStatus {
  available: boolean
  /** Where bwrap is, or why there is no sandbox here. */
  detail: string
}

const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/alternatives']
const ENV_KEEP = new Set(['PATH', 'HOME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'ELAN_HOME', 'ELAN_TOOLCHAIN'])
const ENV_KEEP_PREFIXES = ['LEAN_', 'LAKE_']

export function findBwrap(candidates = ['/usr/bin/bwrap', '/bin/bwrap', '/usr/local/bin/bwrap']): string | undefined {
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK)
      return c
    } catch {
      // next
    }
  }
  return undefined
}

/** Whether a sandbox can start here: Linux, bwrap present, and user namespaces usable (tried once). */
export async function probeSandbox(bwrap: string | undefined): Promise<SandboxStatus> {
  const why = 'Lean servers for /lsp run sandboxed by default'
  const off = 'or start Lectern with --lsp-no-sandbox (setting "lsp.sandbox": false) to run them unsandboxed'
  if (process.platform !== 'linux') return { available: false, detail: `${why}, which needs Linux and bubblewrap; this is ${process.platform}: ${off}.` }
  if (!bwrap || !existsSync(bwrap)) return { available: false, detail: `${why}, but bubblewrap (bwrap) was not found: install it (apt-get install bubblewrap) ${off}.` }
  const args = ['--die-with-parent', '--unshare-all', ...SYSTEM_DIRS.flatMap((d) => ['--ro-bind-try', d, d]), '--', '/bin/sh', '-c', 'exit 0']
  const failure = await new Promise<string | undefined>((resolve) =>
    execFile(bwrap, args, { timeout: 10_000 }, (err, _out, stderr) => resolve(err ? (stderr.trim() || err.message) : undefined)),
  )
  if (failure) return { available: false, detail: `${why}, but ${bwrap} cannot start a sandbox here (${failure.slice(0, 200)}): fix that ${off}.` }
  return { available: true, detail: `bubblewrap at ${bwrap}` }
}

/** The folders a server command needs besides the system: its install prefix, elan, and paths its args name. */
export function commandPaths(command: string[], env: NodeJS.ProcessEnv, project: string): string[] {
  const out = new Set<string>()
  const program = safeRealpath(command[0])
  if (program) {
    out.add(installPrefix(program))
    const interpreter = shebangInterpreter(program)
    if (interpreter) out.add(installPrefix(interpreter))
  }
  const elanHome = env.ELAN_HOME || (env.HOME ? join(env.HOME, '.elan') : undefined)
  if (elanHome && program?.startsWith(`${safeRealpath(elanHome) ?? elanHome}/`)) out.add(safeRealpath(elanHome) ?? elanHome)
  // A server run by Node (like the test double) needs the Node that runs it.
  if (!process.execPath.startsWith('/usr/')) out.add(installPrefix(process.execPath))
  for (const arg of command.slice(1)) {
    const path = arg.startsWith('-') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg
    if (isAbsolute(path) && existsSync(path)) out.add(safeRealpath(path) ?? path)
  }
  out.delete(project)
  return [...out]
}

/** argv that runs `command` in the sandbox (or just under the limits), cwd = project. */
export function sandboxedCommand(opts: {
  command: string[]
  project: string
  env: NodeJS.ProcessEnv
  limits: LspLimits
  bwrap?: string
}): { argv: string[]; env: NodeJS.ProcessEnv } {
  const { command, project, limits } = opts
  const limited = withLimits(command, limits)
  if (!limits.sandbox || !opts.bwrap) return { argv: limited, env: opts.env }
  const env = cleanEnv(opts.env)
  const args = ['--die-with-parent', '--new-session', '--unshare-all', '--clearenv']
  for (const [k, v] of Object.entries(env)) args.push('--setenv', k, v as string)
  args.push(...systemBinds())
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp')
  for (const p of commandPaths(command, opts.env, project)) {
    if (!SYSTEM_DIRS.some((d) => p === d || p.startsWith(`${d}/`))) args.push('--ro-bind-try', p, p)
  }
  args.push(limits.projectWritable ? '--bind' : '--ro-bind', project, project, '--chdir', project, '--')
  return { argv: [opts.bwrap, ...args, ...limited], env }
}

/** System folders read-only; merged-/usr symlinks (`/bin` → `usr/bin`) stay symlinks. */
function systemBinds(): string[] {
  const out: string[] = []
  for (const d of SYSTEM_DIRS) {
    try {
      if (lstatSync(d).isSymbolicLink()) out.push('--symlink', readlinkSync(d), d)
      else out.push('--ro-bind', d, d)
    } catch {
      // not on this system
    }
  }
  return out
}

function withLimits(command: string[], limits: LspLimits): string[] {
  const steps: string[] = []
  if (limits.memoryMb > 0) steps.push(`ulimit -v ${Math.floor(limits.memoryMb * 1024)}`)
  if (limits.cpuSeconds > 0) steps.push(`ulimit -t ${Math.ceil(limits.cpuSeconds)}`)
  if (steps.length === 0) return command
  // POSIX sh applies the rlimits, then becomes the server: same pid, no shell left behind.
  return ['/bin/sh', '-c', `${steps.join(' && ')} && exec "$0" "$@"`, ...command]
}

function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { TMPDIR: '/tmp' }
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && (ENV_KEEP.has(k) || ENV_KEEP_PREFIXES.some((p) => k.startsWith(p)))) out[k] = v
  }
  return out
}

/** `…/bin/lean` → `…` (a toolchain); a script inside a Node package → the package; otherwise its folder. */
function installPrefix(file: string): string {
  const dir = dirname(file)
  if (basename(dir) === 'bin') return dirname(dir)
  for (let d = dir, i = 0; i < 4 && d !== dirname(d); i++, d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d
  }
  return dir
}

function shebangInterpreter(file: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return undefined
    const head = readFileSync(file, { encoding: 'latin1' }).slice(0, 200)
    const m = /^#!\s*(\S+)/.exec(head)
    return m ? safeRealpath(m[1]) : undefined
  } catch {
    return undefined
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p)
  } catch {
    return undefined
  }
}
