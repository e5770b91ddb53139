// The `app` fixture: a real serve-mode Lectern (the built app, a real HTTP/WebSocket server, real files)
// driven in Chromium, with the Lean server double standing in for `lean --server`.
// Fixture-level checks at teardown: no unexpected console errors, and no protocol violation recorded by any double
// the app started (LEAN_DOUBLE_VIOLATIONS), including during the app's own shutdown.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { test as base, expect, type FrameLocator, type Page } from '@playwright/test'

declare global {
  interface Window {
    /** The renderer's read-only test probe (src/renderer/src/workbench-main.ts). */
    __lectern?: { modelText(path: string): string | undefined; ready: boolean }
  }
}

export const REPO_ROOT = resolve(__dirname, '..')
export const DOUBLE = join(REPO_ROOT, 'e2e/lean-double/lean-double')
const SERVE_JS = join(REPO_ROOT, 'out/main/serve.js')

/** A small Lake-style project, so the double is started as for a real user project. */
export const DEFAULT_FILES: Record<string, string> = {
  'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
  'lakefile.toml': 'name = "demo"\n',
  'Main.lean': 'theorem one : 1 = 1 := by\n  rfl\n',
}

export interface AppOptions {
  /** Files of the temp workspace; `null` = start without --workspace (the scratch project). */
  workspaceFiles: Record<string, string> | null
  /**
   * 'double' sets LECTERN_LEAN_SERVER to the double; 'none' runs with a PATH that has no Lean at all;
   * 'real' finds the installed toolchain as a user's machine would (the LECTERN_TEST_LEAN tier);
   * a ws:// URL makes another Lectern's /lsp the Lean server (remote Lean).
   */
  leanServer: 'double' | 'none' | 'real' | `ws://${string}`
  /** Extra environment for the double (LEAN_DOUBLE_DELAY_MS, …). */
  doubleEnv: Record<string, string>
  /** Console errors the test expects (substring match); any other error fails the test. */
  allowedConsoleErrors: string[]
  /** More command-line arguments (files to open: `Main.lean:2:3`, relative to the workspace, serve's cwd). */
  launchArgs: string[]
}

export interface LecternApp {
  page: Page
  url: string
  workspace: string
  userData: string
  serve: ChildProcess
  /** Quits Lectern as a user's Ctrl+C / logout does (SIGTERM), then starts it again on the same user data and workspace. */
  relaunch(): Promise<void>
  /** Protocol violations the double has recorded so far (the fixture fails the test if any remain at teardown). */
  violations(): string[]
  /** Every message the double received and sent, parsed from its JSON-lines log. */
  doubleLog(): { dir: 'in' | 'out'; msg: { method?: string; params?: unknown; id?: unknown; result?: unknown } }[]
  consoleErrors: string[]
  /** Absolute path of a workspace file. */
  file(rel: string): string
  readFile(rel: string): string
  writeFile(rel: string, text: string): void
}

export const test = base.extend<AppOptions & { app: LecternApp }>({
  workspaceFiles: [DEFAULT_FILES, { option: true }],
  leanServer: ['double', { option: true }],
  doubleEnv: [{}, { option: true }],
  allowedConsoleErrors: [[], { option: true }],
  launchArgs: [[], { option: true }],
  app: async ({ page, workspaceFiles, leanServer, doubleEnv, allowedConsoleErrors, launchArgs }, use, testInfo) => {
    if (!existsSync(SERVE_JS)) throw new Error('out/main/serve.js is missing: run `npm run build` first.')
    const tmp = mkdtempSync(join(tmpdir(), 'lectern-e2e-'))
    const userData = join(tmp, 'user-data')
    const workspace = join(tmp, 'workspace')
    const doubleLogPath = join(tmp, 'double.log')
    const violationsPath = join(tmp, 'double-violations.txt')
    mkdirSync(userData)
    if (workspaceFiles) {
      for (const [rel, text] of Object.entries(workspaceFiles)) {
        mkdirSync(dirname(join(workspace, rel)), { recursive: true })
        writeFileSync(join(workspace, rel), text)
      }
    }
    const env: NodeJS.ProcessEnv = { ...process.env, LEAN_DOUBLE_LOG: doubleLogPath, LEAN_DOUBLE_VIOLATIONS: violationsPath, ...doubleEnv }
    delete env.LECTERN_LEAN_SERVER
    if (leanServer === 'double') env.LECTERN_LEAN_SERVER = DOUBLE
    else if (leanServer.startsWith('ws://')) env.LECTERN_LEAN_SERVER = leanServer
    else if (leanServer === 'none') env.PATH = '/usr/bin:/bin' // a machine with no elan, lean or lake anywhere
    const args = [SERVE_JS, '--port', '0', '--no-browser', '--user-data', userData]
    if (workspaceFiles) args.push('--workspace', workspace)
    args.push(...launchArgs)
    const cwd = workspaceFiles ? workspace : tmp
    let output = ''
    let launched = await launchServe(args, env, cwd, (text) => (output += text))
    const consoleErrors: string[] = []
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text())
    })
    page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`))
    await page.goto(launched.url)
    const app: LecternApp = {
      page,
      get url() {
        return launched.url
      },
      workspace: workspaceFiles ? workspace : join(userData, 'scratch'),
      userData,
      get serve() {
        return launched.serve
      },
      relaunch: async () => {
        // Leave the page first, so it does not (rightly) log reconnect attempts to the server going away.
        await page.goto('about:blank')
        await stopServe(launched.serve)
        output += '\n--- relaunched ---\n'
        launched = await launchServe(args, env, cwd, (text) => (output += text))
        await page.goto(launched.url)
      },
      consoleErrors,
      violations: () => (existsSync(violationsPath) ? readFileSync(violationsPath, 'utf8').split('\n').filter(Boolean) : []),
      doubleLog: () =>
        existsSync(doubleLogPath)
          ? readFileSync(doubleLogPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
          : [],
      file: (rel) => join(app.workspace, rel),
      readFile: (rel) => readFileSync(app.file(rel), 'utf8'),
      writeFile: (rel, text) => writeFileSync(app.file(rel), text),
    }
    await use(app)
    const unexpected = consoleErrors.filter((e) => !allowedConsoleErrors.some((a) => e.includes(a)))
    // Close the page first: a page whose server vanishes would (rightly) log its reconnect attempts.
    await page.close()
    await stopServe(launched.serve)
    await testInfo.attach('serve-output', { body: output, contentType: 'text/plain' })
    const violations = app.violations()
    rmSync(tmp, { recursive: true, force: true })
    expect(unexpected, 'console errors in the page').toEqual([])
    expect(violations, 'protocol violations seen by the Lean server double').toEqual([])
  },
})

export { expect }

/** Starts serve mode and waits for the URL it prints (with the token). */
async function launchServe(args: string[], env: NodeJS.ProcessEnv, cwd: string, onOutput: (text: string) => void): Promise<{ serve: ChildProcess; url: string }> {
  const serve = spawn(process.execPath, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] })
  let printed = ''
  serve.stderr?.on('data', (d) => onOutput(String(d)))
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve mode printed no URL:\n${printed}`)), 30_000)
    serve.stdout?.on('data', (d) => {
      onOutput(String(d))
      printed += d
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(printed)
      if (m) {
        clearTimeout(timer)
        resolveUrl(m[1])
      }
    })
    serve.on('exit', (code) => reject(new Error(`serve mode exited (${code}):\n${printed}`)))
  })
  return { serve, url }
}

async function stopServe(serve: ChildProcess): Promise<void> {
  const exited = serve.exitCode !== null || serve.signalCode !== null
  if (!exited) {
    const gone = new Promise((r) => serve.once('exit', r))
    serve.kill('SIGTERM')
    await gone
  }
}

/** Puts the keyboard focus in the editor (Monaco 0.57 edits through `.native-edit-context`, not a textarea). */
export async function focusEditor(page: Page): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click()
}

/** The sandboxed infoview frame's content. */
export function infoviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Lean Infoview"]')
}
