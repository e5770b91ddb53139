// The "setup report": everything about the machine, project and toolchain detection a bug report needs,
// as Markdown the user can copy. Raw command output is included verbatim.
import * as os from 'node:os'
import { formatCommandLine } from './command-line'
import type { ElanDiscovery } from './elan-discovery'
import type { DetectionStep, ProjectInfo, ServerCommandPlan } from './types'

/** A fenced block that survives backticks in the content: the fence is longer than any run inside. */
function codeBlock(text: string, language = 'text'): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(Math.max(3, longestRun + 1))
  return `${fence}${language}\n${text}\n${fence}`
}

/** Inline code that survives backticks in the content. */
function inlineCode(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const ticks = '`'.repeat(longestRun + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${text}${pad}${ticks}`
}

function tableRow(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join(' | ')} |`
}

function describeExit(step: DetectionStep): string {
  if (step.timedOut) return `timed out, killed after ${step.durationMs} ms`
  if (step.spawnError !== undefined) return `could not start: ${step.spawnError}`
  const exit = step.exitCode !== null ? `exit ${step.exitCode}` : `signal ${step.signal ?? 'unknown'}`
  return `${exit}, ${step.durationMs} ms`
}

function stepSection(step: DetectionStep, index: number): string {
  const parts = [`### ${index + 1}. ${inlineCode(formatCommandLine(step.argv))}`, '', `${describeExit(step)}; cwd ${inlineCode(step.cwd)}`]
  for (const [name, text] of [['stdout', step.stdout], ['stderr', step.stderr]] as const) {
    parts.push('', text === '' ? `${name}: (empty)` : `${name}:\n${codeBlock(text)}`)
  }
  return parts.join('\n')
}

function platformLine(): string {
  return `${os.type()} ${os.release()} (${process.platform}, ${os.arch()})`
}

export function setupReport(plan: ServerCommandPlan, project: ProjectInfo, extra?: { appVersion?: string; elanDiscovery?: ElanDiscovery }): string {
  const tools = plan.tools ?? {}
  const out: string[] = ['# Lectern setup report', '']

  out.push('## System', '', tableRow(['', '']), tableRow(['---', '---']))
  out.push(tableRow(['Lectern', extra?.appVersion ?? 'unknown']))
  out.push(tableRow(['OS', platformLine()]))
  out.push(tableRow(['Node', process.version]))
  if (process.versions.electron) out.push(tableRow(['Electron', process.versions.electron]))
  out.push('')

  out.push('## Project', '')
  out.push(`- Root: ${inlineCode(project.root)}`)
  out.push(`- Kind: ${project.kind}`)
  if (project.toolchainFile) {
    out.push(`- lean-toolchain: ${inlineCode(project.toolchainFile)}, content: ${project.toolchain ? inlineCode(project.toolchain) : '(empty)'}`)
  } else {
    out.push('- lean-toolchain: none found')
  }
  out.push(`- Lakefile: ${project.lakefile ? inlineCode(project.lakefile) : 'none'}`)
  if (project.problem) out.push(`- Problem: ${project.problem}`)
  out.push('')

  out.push('## Result', '')
  out.push(`- Status: ${plan.status} (${plan.ok ? 'a server can start' : 'no server can start'})`)
  out.push(`- Summary: ${plan.summary}`)
  if (plan.fixCommand) out.push(`- Fix: ${inlineCode(plan.fixCommand)}`)
  if (plan.toolchain) out.push(`- Toolchain: ${plan.toolchain}`)
  if (plan.command && /^wss?:\/\//i.test(plan.command[0])) {
    // A report is made to be shared: the remote server's URL goes in without its token.
    const url = new URL(plan.command[0])
    if (url.searchParams.has('token')) url.searchParams.set('token', '…')
    out.push(`- Remote Lean server: ${inlineCode(url.href)}`)
  } else if (plan.command) out.push(`- Server command: ${inlineCode(formatCommandLine(plan.command))} (cwd = project root)`)
  if (plan.fallbackCommand) out.push(`- Fallback if \`lake serve\` fails: ${inlineCode(formatCommandLine(plan.fallbackCommand))}`)
  out.push('')

  out.push('## Tools', '', tableRow(['tool', 'path', 'version']), tableRow(['---', '---', '---']))
  const versions = { elan: plan.elanVersion, lean: plan.leanVersion, lake: plan.lakeVersion }
  for (const name of ['elan', 'lean', 'lake'] as const) {
    out.push(tableRow([name, tools[name] ?? 'not found', versions[name] ?? '—']))
  }
  out.push('')

  const discovery = extra?.elanDiscovery
  if (discovery) {
    out.push('## Where elan was looked for', '', `- Result: ${discovery.summary}`)
    for (const line of discovery.searched) out.push(`- ${line}`)
    out.push(`- Login shell: ${discovery.loginShell.status} — ${discovery.loginShell.detail}`, '')
  }

  out.push('## Detection steps', '')
  if (plan.detection.length === 0) {
    out.push(plan.status === 'override' ? 'None: the server command was overridden.' : 'None were run.')
  } else {
    out.push(plan.detection.map(stepSection).join('\n\n'))
  }
  return `${out.join('\n')}\n`
}
