// What the chromium benches share: serve mode against the Lean server double in a temp workspace (as
// e2e/fixtures.ts starts it), the double's timestamped message log, the bare-Monaco floor page, the browser.
import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { Browser } from '@playwright/test'

export const REPO = resolve(__dirname, '..')
const DOUBLE = join(REPO, 'e2e/lean-double/lean-double')
const SERVE_JS = join(REPO, 'out/main/serve.js')
export const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "bench"\n' }

export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]
  return { n: s.length, p50: q(0.5), p90: q(0.9), max: s[s.length - 1] }
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('@playwright/test')
  const { findBrowser } = require(join(REPO, 'scripts/find-browser.cjs')) as { findBrowser(): { path?: string; error?: string } }
  const found = findBrowser()
  if (!found.path) throw new Error(found.error)
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  return chromium.launch({ executablePath: found.path, args })
}

/** Reads the double's JSON-lines log incrementally (it can hold megabytes of didOpen text). */
export class DoubleLog {
  private offset = 0
  private rest = ''
  constructor(readonly path: string) {}

  /** Entries appended since the last call. */
  read(): { dir: 'in' | 'out'; t: number; msg: any }[] {
    if (!existsSync(this.path)) return []
    const size = statSync(this.path).size
    if (size <= this.offset) return []
    const buf = Buffer.alloc(size - this.offset)
    const fd = openSync(this.path, 'r')
    readSync(fd, buf, 0, buf.length, this.offset)
    closeSync(fd)
    this.offset = size
    const lines = (this.rest + buf.toString('utf8')).split('\n')
    this.rest = lines.pop() ?? ''
    return lines.filter(Boolean).map((l) => JSON.parse(l))
  }

  /** Waits for the first new entry that `pred` accepts. */
  async next(pred: (e: { dir: string; t: number; msg: any }) => boolean, what: string, timeoutMs = 60_000): Promise<{ t: number; msg: any }> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const hit = this.read().find(pred)
      if (hit) return hit
      if (Date.now() > deadline) throw new Error(`bench: no ${what} in the double's log within ${timeoutMs} ms`)
      await new Promise((r) => setTimeout(r, 2))
    }
  }
}

export interface Served {
  url: string
  serve: ChildProcess
  startedAt: number
  workspace: string
  log: DoubleLog
  /** didOpen/didChange as they reached the server's input pipe (bench/stdin-stamp.mjs), when asked for. */
  stdinLog: DoubleLog
  dispose(): Promise<void>
}

/** Starts serve mode on a fresh workspace with `files`, opening `open` (launch arguments), Lean = the double. */
export async function startServe(files: Record<string, string>, open: string[], opts: { stampStdin?: boolean } = {}): Promise<Served> {
  if (!existsSync(SERVE_JS)) throw new Error('out/main/serve.js is missing: run `npm run build` first.')
  const tmp = mkdtempSync(join(tmpdir(), 'lectern-bench-ui-'))
  const workspace = join(tmp, 'workspace')
  const userData = join(tmp, 'user-data')
  mkdirSync(userData)
  for (const [rel, text] of Object.entries({ ...PROJECT, ...files })) {
    mkdirSync(dirname(join(workspace, rel)), { recursive: true })
    writeFileSync(join(workspace, rel), text)
  }
  const logPath = join(tmp, 'double.log')
  const stampPath = join(tmp, 'stdin.log')
  const server = opts.stampStdin ? join(REPO, 'bench/stamped-double') : DOUBLE
  const env = { ...process.env, LECTERN_LEAN_SERVER: server, LEAN_DOUBLE_LOG: logPath, LEAN_DOUBLE_DELAY_MS: '0', BENCH_STAMP_LOG: stampPath }
  const startedAt = Date.now()
  const serve = spawn(process.execPath, [SERVE_JS, '--port', '0', '--no-browser', '--user-data', userData, '--workspace', workspace, ...open], { env, cwd: workspace })
  const url = await printedUrl(serve)
  return {
    url,
    serve,
    startedAt,
    workspace,
    log: new DoubleLog(logPath),
    stdinLog: new DoubleLog(stampPath),
    dispose: async () => {
      if (serve.exitCode === null && serve.signalCode === null) {
        const gone = new Promise((r) => serve.once('exit', r))
        serve.kill('SIGTERM')
        await gone
      }
      removeLater(tmp)
    },
  }
}

const leftBehind = new Set<string>()
/**
 * Removes a served run's temp folder. A child that outlived the server by a moment (the double finishing a parse,
 * then logging) may still write there: what cannot be removed now is removed when the bench exits, not a failure.
 */
function removeLater(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
  } catch {
    if (leftBehind.size === 0) process.once('exit', removeLeftBehind)
    leftBehind.add(dir)
  }
}

function removeLeftBehind(): void {
  for (const dir of leftBehind) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 })
    } catch (err) {
      console.error(`bench: could not remove ${dir}: ${(err as Error).message}`)
    }
  }
}

export function printedUrl(proc: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let printed = ''
    proc.stdout?.on('data', (d) => {
      printed += d
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(printed)
      if (m) resolveUrl(m[1])
    })
    proc.once('exit', (code) => reject(new Error(`exited (${code}) before printing its URL:\n${printed}`)))
  })
}

/** Resident set size of a process in KiB (Linux /proc). */
export function rssKb(pid: number): number | undefined {
  try {
    const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8') as string
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1])
  } catch {
    return undefined
  }
}
