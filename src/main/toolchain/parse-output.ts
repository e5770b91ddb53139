// Reads the text of `elan --version`, `elan show`, `lean --version` and `lake --version`.
// Exit codes are not trustworthy here: Debian's elan 1.4.2 prints an error dump from `elan show` and exits 0.

/** `elan 1.4.2` or `elan 4.1.2 (58e8d545e 2025-05-26)` → "1.4.2". */
export function parseElanVersion(text: string): string | undefined {
  return /\belan\s+v?(\d+\.\d+\.\d+\S*)/i.exec(text)?.[1]
}

export interface LeanVersionInfo {
  /** e.g. "4.20.0" or "4.21.0-rc1". */
  version: string
  /** The whole `Lean (version …)` line. */
  line: string
  major: number
}

/** `Lean (version 4.20.0, x86_64-unknown-linux-gnu, commit abc, Release)` → version info. */
export function parseLeanVersion(text: string): LeanVersionInfo | undefined {
  for (const line of text.split(/\r?\n/)) {
    const match = /Lean \(version (\d+)\.([^,\s)]+)/.exec(line)
    if (match) return { version: `${match[1]}.${match[2]}`, line: line.trim(), major: Number(match[1]) }
  }
  return undefined
}

/** `Lake version 5.0.0-src+abc (Lean version 4.20.0)` → "5.0.0-src+abc". */
export function parseLakeVersion(text: string): string | undefined {
  return /Lake version (\S+)/.exec(text)?.[1]
}

/** Elan's messages when a toolchain is needed but absent. */
export const NO_DEFAULT_TOOLCHAIN = /no default toolchain (is )?configured|no active toolchain/i
export const DOWNLOAD_FAILED = /could not download|failed to download|error downloading|download failed/i
const NOT_INSTALLED = /will be installed on first use|is not installed|not installed/i
const ERROR_DUMP = /\bError\s*\(|^\s*\(?error\b/im

export interface ElanShowInfo {
  /** Toolchain elan would use here, e.g. "leanprover/lean4:v4.9.0" (the reason in parentheses removed). */
  activeToolchain?: string
  /** Why it is active, e.g. "overridden by '/p/lean-toolchain'" or "default". */
  activeReason?: string
  installedToolchains: string[]
  /** `no active toolchain`: elan has no default and nothing overrides it here. */
  noActiveToolchain: boolean
  /** The active toolchain is known not to be installed yet (a proxy call would download it). */
  activeNotInstalled: boolean
  /** An error dump, as Debian elan 1.4.2 prints when it cannot resolve the project's toolchain. */
  error?: string
  downloadFailed: boolean
  /** `Lean (version …)` printed by elan for the active toolchain. */
  leanVersionLine?: string
}

const HEADER_LINE = /^(installed toolchains|active toolchain|default toolchain|active toolchains)$/i
const RULE_LINE = /^-+$/
// Lines elan prints *about* the active toolchain: its Lean version line, or a note in parentheses
// such as "(toolchain will be installed on first use)" or "(error reading lean version)".
const ACTIVE_DETAIL_LINE = /^(Lean \(version|\()/

function splitReason(line: string): { name: string; reason?: string } {
  const match = /^(\S+)\s+\((.*)\)\s*$/.exec(line)
  return match ? { name: match[1], reason: match[2] } : { name: line.split(/\s+/)[0] }
}

/**
 * Loose reading of `elan show` across versions: with several sections it prints headers
 * ("installed toolchains", "active toolchain", each underlined with dashes); with one it prints just
 * `<toolchain> (<reason>)` followed by the toolchain's `lean --version` line or a note in parentheses.
 */
export function parseElanShow(text: string): ElanShowInfo {
  const lines = text.split(/\r?\n/).map((l) => l.trim())
  const info: ElanShowInfo = {
    installedToolchains: [],
    noActiveToolchain: NO_DEFAULT_TOOLCHAIN.test(text),
    activeNotInstalled: NOT_INSTALLED.test(text),
    downloadFailed: DOWNLOAD_FAILED.test(text),
  }
  if (ERROR_DUMP.test(text)) {
    info.error = lines.find((l) => /error/i.test(l)) ?? lines[0]
    // A dump naming a download (`could not download…`, `DownloadingFile`…) means elan tried and failed.
    if (/download/i.test(text)) info.downloadFailed = true
  }

  let section: 'installed' | 'active' | undefined
  const activeCandidates: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '' || RULE_LINE.test(line)) continue
    if (HEADER_LINE.test(line)) {
      section = /installed/i.test(line) ? 'installed' : 'active'
      continue
    }
    if (/^Lean \(version/.test(line)) {
      info.leanVersionLine ??= line
      continue
    }
    if (ACTIVE_DETAIL_LINE.test(line) || ERROR_DUMP.test(line) || NO_DEFAULT_TOOLCHAIN.test(line)) continue
    const next = lines[i + 1] ?? ''
    if (section === 'installed') info.installedToolchains.push(splitReason(line).name)
    // Without headers, the active toolchain is the line followed by its lean version or note.
    else if (section === 'active' || ACTIVE_DETAIL_LINE.test(next)) activeCandidates.push(line)
  }

  const active = activeCandidates[0]
  if (active !== undefined && !info.noActiveToolchain) {
    const { name, reason } = splitReason(active)
    info.activeToolchain = name
    if (reason !== undefined) info.activeReason = reason
  }
  return info
}
