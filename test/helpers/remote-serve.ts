// A second Lectern in serve mode (src/main/serve.ts, as the e2e fixture starts the built one) whose /lsp
// serves the Lean server double: the "big machine" of a remote-Lean setup, for tests and the bench.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DOUBLE, REPO_ROOT } from './core-harness'

export interface RemoteServe {
  child: ChildProcess
  port: number
  output(): string
  stop(): Promise<void>
}

export interface RemoteServeOptions {
  /** The remote machine's project folder. */
  workspace: string
  /** Scratch folder for user data and a stand-in renderer. */
  tmp: string
  token: string
  port?: number
  doubleLog?: string
  /** The serve entry to run: the TypeScript source under tsx (default) or the built out/main/serve.js. */
  serveScript?: string
}

export async function startRemoteServe(opts: RemoteServeOptions): Promise<RemoteServe> {
  const renderer = join(opts.tmp, 'renderer')
  mkdirSync(renderer, { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>remote</title>')
  const env: NodeJS.ProcessEnv = { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LECTERN_TOKEN: opts.token, LECTERN_RENDERER_DIR: renderer }
  if (opts.doubleLog) env.LEAN_DOUBLE_LOG = opts.doubleLog
  const script = opts.serveScript ?? join(REPO_ROOT, 'src/main/serve.ts')
  const args = [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script, '--workspace', opts.workspace, '--port', String(opts.port ?? 0), '--no-browser', '--user-data', join(opts.tmp, 'user-data')]
  // /lsp sessions run sandboxed, as for a user; a test that reads the double's log needs it outside the sandbox's
  // private /tmp (the sandbox itself is tested in lsp-sandbox.test.ts).
  if (opts.doubleLog) args.push('--lsp-no-sandbox')
  const child = spawn(process.execPath, args, { env, cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  child.stderr!.on('data', (d) => (output += d))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`remote serve printed no URL:\n${output}`)), 60_000)
    child.stdout!.on('data', (d) => {
      output += d
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    })
    child.once('exit', (code) => reject(new Error(`remote serve exited (${code}):\n${output}`)))
  })
  return {
    child,
    port,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const gone = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await gone
    },
  }
}
