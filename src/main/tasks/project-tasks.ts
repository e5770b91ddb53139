// Lake commands and elan installs as tasks. The renderer names a kind and a project, never a program: which
// program runs is decided here (lake found through the elan discovery), and only inside a workspace project.
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { LecternErrorCodes, type ProjectTaskKind } from '../../shared/api'
import type { TaskEvent } from '../../shared/channels'
import { ELAN_INSTALL_COMMAND, resolveProjectRoot } from '../toolchain'
import type { ToolchainEnvironment } from '../toolchain/elan-discovery'
import { findBeside, findOnPath } from '../toolchain/path-lookup'
import { ApiError } from '../util/errors'
import { isInside, realpathLoose } from '../workspace/paths'
import { CacheGetParser, LakeBuildParser, PlainOutputParser } from './lake-output'
import { TaskBusyError, type OutputParser, type TaskManager, type TaskSpec } from './task-manager'

/** The official installer, non-interactive (`-y`), exactly as elan's README gives it plus `-s -- -y`. */
export const ELAN_INSTALL_TASK_COMMAND = `${ELAN_INSTALL_COMMAND} -s -- -y`

const PROJECT_COMMANDS: Record<ProjectTaskKind, { title: string; args: string[] }> = {
  build: { title: 'Build Project', args: ['build'] },
  cache: { title: 'Fetch Mathlib Cache', args: ['exe', 'cache', 'get'] },
  update: { title: 'Update Dependencies', args: ['update'] },
  clean: { title: 'Clean Project', args: ['clean'] },
}

export interface ProjectTasksDeps {
  tasks: TaskManager
  toolchain: ToolchainEnvironment
  roots: () => string[]
}

export class ProjectTasks {
  constructor(private readonly deps: ProjectTasksDeps) {}

  /** `lake build` / `lake exe cache get` / `lake update` / `lake clean` in a project root of the workspace. */
  async start(kind: ProjectTaskKind, project: string): Promise<TaskEvent> {
    const root = await this.confinedProject(project)
    const { env } = await this.deps.toolchain.resolve()
    const lake = await findLake(env)
    const spec = PROJECT_COMMANDS[kind]
    const parser: OutputParser = kind === 'build' ? new LakeBuildParser(root) : kind === 'cache' ? new CacheGetParser(root) : new PlainOutputParser()
    // Lake shares `.lake` between these commands: one of them per project at a time.
    return this.run({ kind, project: root, title: spec.title, argv: [lake, ...spec.args], cwd: root, env, parser, exclusiveKey: root })
  }

  /** Runs elan's official installer script in a shell, output visible; offline it fails with curl's own error. */
  async installElan(): Promise<TaskEvent> {
    const { env } = await this.deps.toolchain.resolve()
    const home = env.HOME ?? process.cwd()
    return this.run({
      kind: 'install-elan',
      project: home,
      title: 'Install elan',
      argv: ['sh', '-c', ELAN_INSTALL_TASK_COMMAND],
      preamble: [`$ ${ELAN_INSTALL_TASK_COMMAND}`],
      cwd: home,
      env,
      parser: new PlainOutputParser(),
      exclusiveKey: 'elan',
      finish: async (task) => {
        const found = await this.deps.toolchain.refresh()
        if (task.state !== 'done' || found.elan) return {}
        return { state: 'failed', detail: 'The installer ended, but elan is still not found.' }
      },
    })
  }

  /** `elan toolchain install <name>` for the toolchain a project's lean-toolchain names. */
  async installToolchain(project: string): Promise<TaskEvent> {
    const root = await this.confinedProject(project, false)
    const info = await resolveProjectRoot(join(root, 'Main.lean'), this.deps.roots())
    if (!info.toolchain) throw new ApiError(LecternErrorCodes.NotFound, `${root} has no lean-toolchain file naming a toolchain.`)
    const discovery = await this.deps.toolchain.resolve()
    if (!discovery.elan) throw new ApiError(LecternErrorCodes.NotFound, 'elan is not installed: install elan first.')
    return this.run({
      kind: 'install-toolchain',
      project: root,
      title: `Install toolchain ${info.toolchain}`,
      argv: [discovery.elan.path, 'toolchain', 'install', info.toolchain],
      cwd: root,
      env: discovery.env,
      parser: new PlainOutputParser(),
      exclusiveKey: `toolchain:${info.toolchain}`,
    })
  }

  run(spec: TaskSpec): TaskEvent {
    try {
      return this.deps.tasks.start(spec)
    } catch (err) {
      if (err instanceof TaskBusyError) throw new ApiError(LecternErrorCodes.TaskBusy, err.message)
      throw err
    }
  }

  /** The project must be a Lake project at or inside an open root (tasks write into its `.lake`). */
  private async confinedProject(project: string, needLakefile = true): Promise<string> {
    const root = realpathLoose(project)
    if (!this.deps.roots().some((r) => isInside(realpathLoose(r), root))) {
      throw new ApiError(LecternErrorCodes.PathOutsideWorkspace, `${project} is not inside an open workspace folder.`)
    }
    if (needLakefile && !(await hasLakefile(root))) {
      throw new ApiError(LecternErrorCodes.NotFound, `${project} is not a Lake project (no lakefile.lean or lakefile.toml).`)
    }
    return root
  }
}

export async function hasLakefile(dir: string): Promise<boolean> {
  for (const name of ['lakefile.lean', 'lakefile.toml']) {
    if (await fs.stat(join(dir, name)).then((s) => s.isFile(), () => false)) return true
  }
  return false
}

/** `lake` on the discovered PATH (elan's proxy comes first there), else beside elan. */
export async function findLake(env: NodeJS.ProcessEnv): Promise<string> {
  const lake = (await findOnPath('lake', env)) ?? (await findOnPath('elan', env).then((elan) => (elan ? findBeside(elan, 'lake', env) : undefined)))
  if (!lake) throw new ApiError(LecternErrorCodes.NotFound, `No \`lake\` was found: install elan (${ELAN_INSTALL_COMMAND}).`)
  return lake
}
