// Runs one detection command with a hard timeout. Elan proxies may start a download or hang on a lock,
// so every call is bounded and killed together with anything it started (its process group).
import type { ChildProcess } from 'node:child_process'
import { signalGroup, spawnGroupLeader } from '../util/process-group'
import type { DetectionStep } from './types'

/** Enough for any version/show output; more is almost certainly a runaway and only bloats the report. */
const MAX_OUTPUT_CHARS = 64 * 1024
/** After the process exits, how long a grandchild may keep its stdout open before we stop waiting. */
const CLOSE_GRACE_MS = 300
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g

export interface RunOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  timeoutMs: number
  /** Ends the command (its whole group) early, e.g. when the core shuts down. */
  signal?: AbortSignal
}

class OutputBuffer {
  private text = ''
  private truncated = false
  append(chunk: string): void {
    if (this.text.length >= MAX_OUTPUT_CHARS) {
      this.truncated = true
      return
    }
    this.text += chunk
  }
  result(): string {
    const clean = this.text.slice(0, MAX_OUTPUT_CHARS).replace(ANSI_ESCAPE, '').trim()
    return this.truncated || this.text.length > MAX_OUTPUT_CHARS ? `${clean}\n[output truncated]` : clean
  }
}

/** How long a stopped command's group has to run its exit traps before it is killed outright. */
const KILL_GRACE_MS = 1500

/**
 * Stops the command and everything it started: SIGTERM first, so a shell's EXIT traps run (pyenv's rehash, run by
 * many login shells, holds a lock file that only its trap removes: killed outright, every later shell waits 60 s
 * for that lock), then SIGKILL for whatever ignored it. Nobody waits for the second step.
 */
function stopProcessGroup(child: ChildProcess): void {
  signalGroup(child, 'SIGTERM')
  setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_GRACE_MS).unref()
}

export function runDetectionCommand(argv: string[], options: RunOptions): Promise<DetectionStep> {
  const started = performance.now()
  const stdout = new OutputBuffer()
  const stderr = new OutputBuffer()

  return new Promise((resolve) => {
    let finished = false
    let timedOut = false
    let exitCode: number | null = null
    let signal: string | null = null
    let spawnError: string | undefined
    const timers: NodeJS.Timeout[] = []

    const finish = (): void => {
      if (finished) return
      finished = true
      timers.forEach(clearTimeout)
      resolve({
        argv,
        cwd: options.cwd,
        exitCode,
        signal,
        stdout: stdout.result(),
        stderr: stderr.result(),
        durationMs: Math.round(performance.now() - started),
        timedOut,
        ...(spawnError !== undefined ? { spawnError } : {}),
      })
    }

    let child: ChildProcess
    try {
      child = spawnGroupLeader(argv, { cwd: options.cwd, env: options.env })
    } catch (error) {
      spawnError = error instanceof Error ? error.message : String(error)
      finish()
      return
    }

    // setEncoding keeps a multi-byte character split across chunks intact.
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => stdout.append(chunk))
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.append(chunk))
    child.on('error', (error) => {
      spawnError = error.message
      finish()
    })
    child.on('exit', (code, sig) => {
      exitCode = code
      signal = sig
      if (finished) return
      // A background grandchild may hold the pipes open; don't let it keep us waiting.
      timers.push(
        setTimeout(() => {
          stopProcessGroup(child)
          finish()
        }, CLOSE_GRACE_MS),
      )
    })
    child.on('close', finish)
    options.signal?.addEventListener('abort', () => {
      signal = 'SIGTERM'
      stopProcessGroup(child)
      timers.push(setTimeout(finish, CLOSE_GRACE_MS))
    })
    timers.push(
      setTimeout(() => {
        timedOut = true
        signal = 'SIGTERM'
        stopProcessGroup(child)
        // The signal closes the pipes almost at once; the grace bounds the wait if something survives it.
        timers.push(setTimeout(finish, CLOSE_GRACE_MS))
      }, options.timeoutMs),
    )
  })
}
