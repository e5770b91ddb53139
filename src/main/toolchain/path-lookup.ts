// Finds executables on PATH ourselves: a `which` subprocess would be one more thing that can hang or be missing.
import { constants as fsConstants, promises as fs } from 'node:fs'
import * as path from 'node:path'

const isWindows = process.platform === 'win32'

function pathValue(env: NodeJS.ProcessEnv): string {
  // Windows spells it Path; environment keys are case-insensitive there.
  if (isWindows) {
    const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH')
    return key ? (env[key] ?? '') : ''
  }
  return env.PATH ?? ''
}

function candidateNames(name: string, env: NodeJS.ProcessEnv): string[] {
  if (!isWindows) return [name]
  const extensions = (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)
  return [name, ...extensions.map((ext) => name + ext.toLowerCase())]
}

export async function isExecutableFile(p: string): Promise<boolean> {
  try {
    if (!(await fs.stat(p)).isFile()) return false
    // Windows has no executable bit; existence is what counts there.
    if (!isWindows) await fs.access(p, fsConstants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Absolute path of the first executable `name` on the env's PATH, or undefined. */
export async function findOnPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of pathValue(env).split(path.delimiter)) {
    // An empty PATH entry means the current folder in POSIX shells; we don't want that for a server binary.
    if (dir === '' || !path.isAbsolute(dir)) continue
    for (const candidate of candidateNames(name, env)) {
      const full = path.join(dir, candidate)
      if (await isExecutableFile(full)) return full
    }
  }
  return undefined
}

/** `name` in the same folder as `sibling` (elan keeps its lean/lake proxies beside itself; a toolchain's lake sits beside its lean). */
export async function findBeside(sibling: string, name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const candidate of candidateNames(name, env)) {
    const full = path.join(path.dirname(sibling), candidate)
    if (await isExecutableFile(full)) return full
  }
  return undefined
}

/** Resolves an override's program the way a shell would: a name without a slash is looked up on PATH. */
export async function resolveProgram(program: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!program.includes('/') && !(isWindows && program.includes('\\'))) return findOnPath(program, env)
  const full = path.resolve(cwd, program)
  return (await isExecutableFile(full)) ? full : undefined
}
