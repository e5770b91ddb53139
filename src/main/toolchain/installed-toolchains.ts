// Which toolchain a new project (or the scratch project) pins: one the user actually has, so it opens offline.
// elan's default when it names a release, else the newest installed release, else the default as it is.
import { runDetectionCommand } from './run-command'

/**
 * `elan toolchain list` prints one toolchain per line, the default marked ` (default)` (also ` (override)`,
 * ` (active)` in some versions), or `no installed toolchains`. Names are `leanprover/lean4:v4.9.0`,
 * `leanprover/lean4:stable`, `leanprover/lean4:nightly-2024-05-01`, or a bare `stable` in old elan.
 */
export function parseToolchainList(text: string): { installed: string[]; default?: string } {
  const installed: string[] = []
  let def: string | undefined
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || /^no installed toolchains/i.test(line) || /^(installed toolchains|-+)$/i.test(line)) continue
    const m = /^(\S+)(?:\s+\((.*)\))?$/.exec(line)
    if (!m) continue
    installed.push(m[1])
    if (m[2] && /\bdefault\b/.test(m[2])) def = m[1]
  }
  return { installed, ...(def ? { default: def } : {}) }
}

/** `leanprover/lean4:v4.20.0-rc2` → [4, 20, 0, 2] with releases sorting above their release candidates. */
function releaseKey(name: string): number[] | undefined {
  const m = /:v?(\d+)\.(\d+)\.(\d+)(?:-rc(\d+))?$/.exec(name)
  if (!m) return undefined
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? Number.MAX_SAFE_INTEGER : Number(m[4])]
}

export function chooseToolchain(list: { installed: string[]; default?: string }): string | undefined {
  if (list.default && releaseKey(list.default)) return list.default
  const releases = list.installed
    .map((name) => ({ name, key: releaseKey(name) }))
    .filter((r): r is { name: string; key: number[] } => r.key !== undefined)
    .sort((a, b) => {
      for (let i = 0; i < 4; i++) if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i]
      return 0
    })
  return releases[0]?.name ?? list.default ?? list.installed[0]
}

/** Asks elan (bounded by a timeout) which toolchain to pin; undefined without elan or toolchains. */
export async function pickInstalledToolchain(elan: string | undefined, env: NodeJS.ProcessEnv, cwd: string, timeoutMs = 5000): Promise<string | undefined> {
  if (!elan) return undefined
  const step = await runDetectionCommand([elan, 'toolchain', 'list'], { cwd, env, timeoutMs })
  if (step.timedOut || step.exitCode !== 0) return undefined
  return chooseToolchain(parseToolchainList(step.stdout))
}
