// New Project…: `lake new NAME TEMPLATE` (or `lake init` in an existing empty folder) with a toolchain the user
// has, as a task. Bad input is refused up front in one sentence, with Lake's own rules.
import { promises as fs } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { LecternErrorCodes, type ProjectTemplate } from '../../shared/api'
import type { TaskEvent } from '../../shared/channels'
import type { ToolchainEnvironment } from '../toolchain/elan-discovery'
import { pickInstalledToolchain } from '../toolchain/installed-toolchains'
import { ApiError } from '../util/errors'
import { realpathLoose } from '../workspace/paths'
import { PlainOutputParser } from './lake-output'
import { findLake, hasLakefile, type ProjectTasks } from './project-tasks'

/**
 * Lake's `validatePkgName` (src/lake/Lake/CLI/Init.lean): empty, only dots, or containing `/` or `\` is an
 * "illegal package name"; `init`, `lean`, `lake`, `main` (any case) are reserved. `lake new` then names the
 * folder after the package with `.` replaced by `-`.
 */
export function projectNameProblem(name: string): string | undefined {
  const n = name.trim()
  if (n === '' || /^\.+$/.test(n) || /[/\\]/.test(n)) return `"${name}" is not a name Lake accepts: it must not be empty, only dots, or contain / or \\.`
  if (['init', 'lean', 'lake', 'main'].includes(n.toLowerCase())) return `"${n}" is reserved by Lake (init, lean, lake and main cannot name a package).`
  // Not Lake's rule, but a name the shell, git and Lean modules all handle without surprises.
  if (/[\u0000-\u001f]/.test(n)) return `"${n}" contains control characters.`
  return undefined
}

export function projectFolderName(name: string): string {
  return name.trim().replace(/\./g, '-')
}

async function entriesOf(dir: string): Promise<string[] | undefined> {
  try {
    return await fs.readdir(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new ApiError(LecternErrorCodes.InvalidProject, `${dir} cannot be read: ${(err as Error).message}`)
  }
}

export interface NewProjectDeps {
  projectTasks: ProjectTasks
  toolchain: ToolchainEnvironment
}

export async function createProject(deps: NewProjectDeps, name: string, location: string, template: ProjectTemplate): Promise<TaskEvent> {
  const problem = projectNameProblem(name)
  if (problem) throw new ApiError(LecternErrorCodes.InvalidProject, problem)
  if (!isAbsolute(location)) throw new ApiError(LecternErrorCodes.InvalidProject, `The location must be an absolute folder path, not "${location}".`)
  const parent = realpathLoose(location)
  const stat = await fs.stat(parent).catch(() => undefined)
  if (!stat?.isDirectory()) throw new ApiError(LecternErrorCodes.InvalidProject, `The location ${location} is not an existing folder.`)
  const target = join(parent, projectFolderName(name))
  const existing = await entriesOf(target)
  if (existing && (await hasLakefile(target))) throw new ApiError(LecternErrorCodes.InvalidProject, `${target} already holds a Lake project; open it instead.`)
  if (existing && existing.length > 0) throw new ApiError(LecternErrorCodes.InvalidProject, `${target} already exists and is not empty; choose another name or location.`)

  const discovery = await deps.toolchain.resolve()
  const lake = await findLake(discovery.env)
  const toolchain = await pickInstalledToolchain(discovery.elan?.path, discovery.env, parent)
  // `lake +<toolchain>` is elan's proxy syntax: the new project is made by (and pins) a toolchain the user has.
  const pin = discovery.elan && toolchain ? [`+${toolchain}`] : []
  const trimmed = name.trim()
  const argv = existing ? [lake, ...pin, 'init', trimmed, template] : [lake, ...pin, 'new', trimmed, template]
  return deps.projectTasks.run({
    kind: 'new-project',
    project: parent,
    title: `New Project ${trimmed}`,
    argv,
    cwd: existing ? target : parent,
    env: discovery.env,
    parser: new PlainOutputParser(),
    exclusiveKey: target,
    finish: async (task) => {
      const made = await hasLakefile(target)
      if (task.state === 'done' && made) return { createdPath: target, detail: `Created ${target}${toolchain ? ` (${toolchain})` : ''}.` }
      const left = await entriesOf(target)
      const partial = left && left.length > 0 ? ` Lake left a partial project at ${target} (${left.slice(0, 6).join(', ')}${left.length > 6 ? ', …' : ''}).` : ''
      if (task.state === 'done') return { state: 'failed', detail: `lake ended without creating a lakefile in ${target}.${partial}` }
      return { detail: `${task.detail ?? ''}${partial}` }
    },
  })
}
