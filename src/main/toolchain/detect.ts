// Detects elan, lean and lake for a project and decides the server command, or says what is missing.
// Order: elan --version, elan show, lean --version, lake --version. Any timeout stops detection at once.
import * as os from 'node:os'
import * as path from 'node:path'
import { existsSync } from 'node:fs'
import { formatCommandLine, shellQuote } from './command-line'
import {
  DOWNLOAD_FAILED,
  NO_DEFAULT_TOOLCHAIN,
  parseElanShow,
  parseElanVersion,
  parseLakeVersion,
  parseLeanVersion,
  type ElanShowInfo,
} from './parse-output'
import { findBeside, findOnPath } from './path-lookup'
import { runDetectionCommand } from './run-command'
import type { DetectionStep, ProjectInfo, ServerCommandPlan, ToolPaths } from './types'

export const ELAN_INSTALL_COMMAND = 'curl https://elan.lean-lang.org/elan-init.sh -sSf | sh'
const DEFAULT_TOOLCHAIN_FIX = 'elan default leanprover/lean4:stable'

export interface Detection {
  project: ProjectInfo
  env: NodeJS.ProcessEnv
  timeoutMs: number
  serverArgs: string[]
  tools: ToolPaths
  steps: DetectionStep[]
  elanVersion?: string
}

type PlanResult = Omit<ServerCommandPlan, 'tools' | 'detection' | 'elanVersion'>

async function run(d: Detection, argv: string[]): Promise<DetectionStep> {
  const step = await runDetectionCommand(argv, { cwd: d.project.root, env: d.env, timeoutMs: d.timeoutMs })
  d.steps.push(step)
  return step
}

const outputOf = (step: DetectionStep): string => `${step.stdout}\n${step.stderr}`

function timedOutPlan(d: Detection, step: DetectionStep): PlanResult {
  const shown = formatCommandLine([path.basename(step.argv[0]), ...step.argv.slice(1)])
  const seconds = Math.round(d.timeoutMs / 100) / 10
  return {
    status: 'detection-timeout',
    ok: false,
    summary: `Lean toolchain detection timed out: \`${shown}\` did not answer within ${seconds} s.`,
    ...(d.project.toolchain ? { toolchain: d.project.toolchain } : {}),
  }
}

function missingToolchainPlan(d: Detection, name: string, downloadFailed: boolean): PlanResult {
  const origin = name === d.project.toolchain ? ' (from lean-toolchain)' : ''
  const summary = downloadFailed
    ? `Lean toolchain ${name}${origin} is not installed, and elan could not download it (offline?).`
    : `Lean toolchain ${name}${origin} is not installed; install it to start the Lean server.`
  return {
    status: downloadFailed ? 'download-failed' : 'toolchain-not-installed',
    ok: false,
    summary,
    fixCommand: `elan toolchain install ${shellQuote(name)}`,
    toolchain: name,
  }
}

function noDefaultToolchainPlan(d: Detection): PlanResult {
  const elan = d.elanVersion ? `elan ${d.elanVersion}` : 'elan'
  return {
    status: 'no-lean',
    ok: false,
    summary: `No Lean toolchain found: ${elan} is installed but has no default toolchain.`,
    fixCommand: DEFAULT_TOOLCHAIN_FIX,
  }
}

/** Where elan keeps an installed toolchain: `leanprover/lean4:v4.9.0` → `<ELAN_HOME>/toolchains/leanprover--lean4---v4.9.0`. */
function toolchainFolderExists(name: string, env: NodeJS.ProcessEnv): boolean {
  const elanHome = env.ELAN_HOME ?? path.join(env.HOME ?? os.homedir(), '.elan')
  return existsSync(path.join(elanHome, 'toolchains', name.replace(/\//g, '--').replace(/:/g, '---')))
}

/**
 * Decides from `elan show` alone that the toolchain is missing, so we never call a proxy that would
 * start a download. Debian elan 1.4.2 prints an error dump here; newer elan says "will be installed on first use".
 */
function missingFromElanShow(d: Detection, show: ElanShowInfo): PlanResult | undefined {
  const name = d.project.toolchain ?? show.activeToolchain
  if (name === undefined) return undefined
  if (show.activeNotInstalled || show.downloadFailed) return missingToolchainPlan(d, name, show.downloadFailed)
  // An error dump usually means the toolchain could not be resolved; if its folder exists it is something else,
  // and `lean --version` (which then cannot download) will tell us more.
  if (show.error !== undefined && !toolchainFolderExists(name, d.env)) return missingToolchainPlan(d, name, false)
  return undefined
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? ''
}

/** `lean --version` printed no version: say why, from its text. */
function leanFailedPlan(d: Detection, step: DetectionStep, show: ElanShowInfo | undefined): PlanResult {
  const text = outputOf(step)
  const name = d.project.toolchain ?? show?.activeToolchain
  if (DOWNLOAD_FAILED.test(text) && name) return missingToolchainPlan(d, name, true)
  if (/not installed/i.test(text) && name) return missingToolchainPlan(d, name, false)
  if (NO_DEFAULT_TOOLCHAIN.test(text) || show?.noActiveToolchain) return noDefaultToolchainPlan(d)
  const why = step.spawnError ?? (firstLine(text) || `exit code ${step.exitCode ?? step.signal}`)
  return {
    status: 'no-lean',
    ok: false,
    summary: `\`lean --version\` did not report a Lean version: ${why}`,
    ...(name ? { toolchain: name } : {}),
  }
}

/** elan, lean and lake on PATH; lean and lake also beside elan, and lake beside lean (a toolchain's bin folder). */
async function findTools(env: NodeJS.ProcessEnv): Promise<ToolPaths> {
  const tools: ToolPaths = {}
  const elan = await findOnPath('elan', env)
  const lean = (await findOnPath('lean', env)) ?? (elan ? await findBeside(elan, 'lean', env) : undefined)
  let lake = await findOnPath('lake', env)
  if (!lake && lean) lake = await findBeside(lean, 'lake', env)
  if (!lake && elan) lake = await findBeside(elan, 'lake', env)
  if (elan) tools.elan = elan
  if (lean) tools.lean = lean
  if (lake) tools.lake = lake
  return tools
}

export async function detectServerCommand(d: Detection): Promise<ServerCommandPlan> {
  const plan = (result: PlanResult): ServerCommandPlan => ({
    ...result,
    ...(d.elanVersion ? { elanVersion: d.elanVersion } : {}),
    tools: d.tools,
    detection: d.steps,
  })
  const { tools, project } = d
  Object.assign(tools, await findTools(d.env))

  if (!tools.elan && !tools.lean) {
    return plan({
      status: 'no-elan',
      ok: false,
      summary: 'No Lean toolchain found: neither elan nor lean is on PATH.',
      fixCommand: ELAN_INSTALL_COMMAND,
    })
  }

  let show: ElanShowInfo | undefined
  if (tools.elan) {
    const versionStep = await run(d, [tools.elan, '--version'])
    if (versionStep.timedOut) return plan(timedOutPlan(d, versionStep))
    const elanVersion = parseElanVersion(outputOf(versionStep))
    if (elanVersion) d.elanVersion = elanVersion
    const showStep = await run(d, [tools.elan, 'show'])
    if (showStep.timedOut) return plan(timedOutPlan(d, showStep))
    show = parseElanShow(outputOf(showStep))
    const missing = missingFromElanShow(d, show)
    if (missing) return plan(missing)
  }

  if (!tools.lean) {
    return plan({
      status: 'no-lean',
      ok: false,
      summary: 'elan is installed, but no `lean` command was found on PATH or beside elan.',
      fixCommand: DEFAULT_TOOLCHAIN_FIX,
    })
  }
  const leanStep = await run(d, [tools.lean, '--version'])
  if (leanStep.timedOut) return plan(timedOutPlan(d, leanStep))
  const lean = parseLeanVersion(outputOf(leanStep))
  if (!lean) return plan(leanFailedPlan(d, leanStep, show))
  const toolchain = project.toolchain ?? show?.activeToolchain
  if (lean.major < 4) {
    return plan({
      status: 'no-lean',
      ok: false,
      summary: `Lean ${lean.version} was found, but Lectern needs Lean 4.`,
      fixCommand: project.toolchain ? `elan toolchain install ${shellQuote(project.toolchain)}` : DEFAULT_TOOLCHAIN_FIX,
      toolchain: toolchain ?? lean.line,
      leanVersion: lean.version,
    })
  }

  const found = {
    ok: true,
    status: 'ok' as const,
    toolchain: toolchain ?? lean.line,
    leanVersion: lean.version,
  }
  const named = toolchain ? ` (${toolchain})` : ''
  const leanServer = [tools.lean, '--server', ...d.serverArgs]
  if (project.kind !== 'lake') {
    return plan({ ...found, command: leanServer, summary: `Lean ${lean.version}${named} found; starting \`lean --server\`.` })
  }
  if (!tools.lake) {
    return plan({
      ...found,
      command: leanServer,
      summary: `Lean ${lean.version}${named} found, but no \`lake\`: starting plain \`lean --server\`, so imports from other packages will not resolve.`,
    })
  }
  const lakeStep = await run(d, [tools.lake, '--version'])
  if (lakeStep.timedOut) return plan(timedOutPlan(d, lakeStep))
  const lakeVersion = parseLakeVersion(outputOf(lakeStep))
  return plan({
    ...found,
    ...(lakeVersion ? { lakeVersion } : {}),
    command: [tools.lake, 'serve', '--', ...d.serverArgs],
    fallbackCommand: leanServer,
    summary: `Lean ${lean.version}${named} found; starting \`lake serve\`.`,
  })
}

