// Starts a real Core (+ optional Bridge) on a temp workspace for integration tests, and cleans up.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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
  dispose(): Promise<void>
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
  const core = await Core.create({
    mode: 'serve',
    workspace,
    userDataDir: join(tmp, 'user-data'),
    env: opts.env ?? { ...process.env, LECTERN_LEAN_SERVER: DOUBLE },
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
    async dispose() {
      await bridge?.close()
      await core.dispose()
      rmSync(tmp, { recursive: true, force: true })
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
