// Tasks (DESIGN §1): the task manager, Lake commands, New Project and elan installs, as one service the core owns.
import { homedir } from 'node:os'
import type { NewProjectDefaults, ProjectTemplate } from '../../shared/api'
import type { TaskEvent } from '../../shared/channels'
import type { Hub } from '../hub/hub'
import type { ToolchainEnvironment } from '../toolchain/elan-discovery'
import { pickInstalledToolchain } from '../toolchain/installed-toolchains'
import type { Disposable } from '../util/disposable'
import { createProject } from './new-project'
import { ProjectTasks } from './project-tasks'
import { TaskManager } from './task-manager'

export class TaskServices implements Disposable {
  readonly manager: TaskManager
  readonly projectTasks: ProjectTasks

  constructor(
    hub: Hub,
    readonly toolchain: ToolchainEnvironment,
    roots: () => string[],
  ) {
    this.manager = new TaskManager(hub)
    this.projectTasks = new ProjectTasks({ tasks: this.manager, toolchain, roots })
  }

  createProject(name: string, location: string, template: ProjectTemplate): Promise<TaskEvent> {
    return createProject({ projectTasks: this.projectTasks, toolchain: this.toolchain }, name, location, template)
  }

  async newProjectDefaults(): Promise<NewProjectDefaults> {
    const discovery = await this.toolchain.resolve()
    const location = discovery.env.HOME ?? homedir()
    const toolchain = await pickInstalledToolchain(discovery.elan?.path, discovery.env, location)
    return { location, ...(toolchain ? { toolchain } : {}), elan: discovery.summary }
  }

  dispose(): void {
    this.manager.dispose()
    this.toolchain.dispose()
  }
}
