// Drives test/fixtures/core-process.ts: a Core in a child process that a test can SIGKILL.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'

const SCRIPT = resolve(__dirname, '../fixtures/core-process.ts')

export interface CoreProcess {
  child: ChildProcessWithoutNullStreams
  call(method: string, params?: unknown): Promise<any>
  /** Resolves once the process has exited (by any signal). */
  exited: Promise<NodeJS.Signals | number | null>
}

export async function spawnCoreProcess(workspace: string, userDataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<CoreProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, workspace, userDataDir], { env, stdio: 'pipe' })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise<NodeJS.Signals | number | null>((r) => child.once('exit', (code, signal) => r(signal ?? code)))
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>()
  let ready!: () => void
  const isReady = new Promise<void>((r) => (ready = r))
  createInterface({ input: child.stdout }).on('line', (line) => {
    const msg = JSON.parse(line)
    if (msg.ready) return ready()
    const w = waiting.get(msg.id)
    waiting.delete(msg.id)
    if (msg.error) w?.reject(msg.error)
    else w?.resolve(msg.result)
  })
  await Promise.race([isReady, exited.then((how) => Promise.reject(new Error(`the core process exited (${how}) before it was ready:\n${stderr}`)))])
  let nextId = 1
  return {
    child,
    exited,
    call: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++
        waiting.set(id, { resolve, reject })
        child.stdin.write(`${JSON.stringify({ id, method, params })}\n`)
      }),
  }
}
