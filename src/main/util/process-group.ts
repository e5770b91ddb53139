// Commands that start others (lake, a login shell, elan) run as the leader of a process group of their own, so
// stopping one stops everything it started: a build's compilers, a shell's children.
import { type ChildProcess, spawn } from 'node:child_process'

/** Spawns `argv` leading its own process group (outside Windows), output piped, no console window on Windows. */
export function spawnGroupLeader(argv: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): ChildProcess {
  return spawn(argv[0], argv.slice(1), {
    cwd: options.cwd,
    env: options.env,
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  })
}

/** Sends `signal` to the child's whole group; to the child alone where there is no group (Windows) or it is gone. */
export function signalGroup(child: ChildProcess | undefined, signal: NodeJS.Signals): void {
  if (child?.pid === undefined) return
  try {
    // Negative pid = the whole group; the child leads it because it was spawned detached.
    if (process.platform !== 'win32') process.kill(-child.pid, signal)
    else child.kill(signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // Already gone.
    }
  }
}
