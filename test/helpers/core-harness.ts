// Starts a real Core (+ optional Bridge) on a temp workspace for integration tests, and cleans up.
// Fixture-level check: every Lean server double started by the core records protocol violations in one file
// (LEAN_DOUBLE_VIOLATIONS); dispose() fails the test when that file is not empty.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { Bridge } from '../../src/main/bridge/bridge'
import type { LspEndpointOptions } from '../../src/main/bridge/lsp/endpoint'
import { Core, type CoreOptions } from '../../src/main/core'

export const REPO_ROOT = resolve(__dirname, '../..')
export const DOUBLE = join(REPO_ROOT, 'e2e/lean-double/lean-double')

export interface Harness {
  core: Core
  bridge?: Bridge
  tmp: string
  workspace: string
  file(rel: string): string
  /** The LEAN_DOUBLE_VIOLATIONS file (for a second core in the same test, e.g. after a relaunch). */
  violationsPath: string
  /** Protocol violations the double has recorded so far (see e2e/lean-double/README.md). */
  violations(): string[]
  /** Stops the bridge and the core, removes the temp folder, then fails if the double saw a protocol violation. */
  dispose(): Promise<void>
}

export function readViolations(path: string): string[] {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []
}

/** Throws when the double recorded violations: the one check every test that drives the double gets. */
export function assertNoViolations(lines: string[]): void {
  if (lines.length) throw new Error(`The Lean server double saw protocol violations:\n  ${lines.join('\n  ')}`)
}

export async function startCore(opts: {
  files?: Record<string, string>
  env?: NodeJS.ProcessEnv
  bridge?: boolean
  core?: Partial<CoreOptions>
  maxPayloadBytes?: number
  /** /lsp limits as launch flags would give them, and where bwrap is. */
  lsp?: LspEndpointOptions
}): Promise<Harness> {
  const tmp = mkdtempSync(join(tmpdir(), 'lectern-test-'))
  const workspace = join(tmp, 'ws')
  mkdirSync(workspace)
  for (const [rel, text] of Object.entries(opts.files ?? {})) {
    mkdirSync(dirname(join(workspace, rel)), { recursive: true })
    writeFileSync(join(workspace, rel), text)
  }
  const violationsPath = join(tmp, 'double-violations.txt')
  const core = await Core.create({
    mode: 'serve',
    workspace,
    userDataDir: join(tmp, 'user-data'),
    env: { ...(opts.env ?? { ...process.env, LECTERN_LEAN_SERVER: DOUBLE }), LEAN_DOUBLE_VIOLATIONS: violationsPath },
    ...opts.core,
  })
  let bridge: Bridge | undefined
  if (opts.bridge) {
    bridge = new Bridge({ core, maxPayloadBytes: opts.maxPayloadBytes, lsp: opts.lsp })
    await bridge.listen()
  }
  return {
    core,
    bridge,
    tmp,
    workspace: core.roots[0],
    file: (rel) => join(core.roots[0], rel),
    violationsPath,
    violations: () => readViolations(violationsPath),
    async dispose() {
      await bridge?.close()
      await core.dispose()
      // Read after the core has shut its servers down: the shutdown handshake is checked too.
      const seen = readViolations(violationsPath)
      rmSync(tmp, { recursive: true, force: true })
      assertNoViolations(seen)
    },
  }
}

/** Polls until `check` returns a value (not undefined/false) or the time runs out. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const v = await check()
    if (v !== undefined && v !== false) return v as T
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}
