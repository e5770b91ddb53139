// Tasks in the workbench: the project commands (Build, Fetch Mathlib Cache, Update Dependencies, Clean, New
// Project…), the task in the status bar with Cancel, the Output panel, build problems in Problems, Restart File
// offered after a build, and Install elan / Install toolchain from the server banner.
import type { ServerEvent, TaskEvent } from '../../../../../shared/channels'
import type { ProjectTaskKind } from '../../../../../shared/api'
import type { Backend } from '../../../backend/backend'
import type { CommandRegistry } from '../../commands'
import type { Dialogs } from '../../dialogs'
import { DisposableStore, type Disposable } from '../../disposables'
import type { Notifications } from '../../notifications'
import { BuildProblems } from './build-problems'
import { NEW_PROJECT_COMMAND, PROJECT_COMMANDS, TOGGLE_OUTPUT_COMMAND } from './command-ids'
import { showNewProjectDialog } from './new-project-dialog'
import { OutputPanel } from './output-panel'
import type { PanelTabs } from './panel-tabs'
import { filesToRestart } from './restart-offer'
import { TaskStatusItem } from './task-status'
import { TaskStore } from './task-store'

export { createPanelTabs, type PanelTabs } from './panel-tabs'

export interface TasksFeatureDeps {
  backend: Backend
  commands: CommandRegistry
  dialogs: Dialogs
  notifications: Notifications
  panels: PanelTabs
  addStatusItem(el: HTMLElement): void
  /** Shows the bottom panel (Problems/Output) when hidden. */
  showPanel(): void
  hidePanel(): void
  /** The project of the active file (its Lean server's root), else the first workspace folder. */
  activeProject(): string | undefined
  openLeanDocuments(): { uri: string; text: string }[]
  restartFile(uri: string): Promise<void>
  /** Servers that could not start (no toolchain) are retried after an install. */
  retryServers(): void
  /**
   * WIRING POINT (issue 7, open-folder half): opens a folder as the workspace. Undefined until the open-folder API
   * exists; New Project then says where the project is instead of opening it.
   */
  openFolder?: (path: string) => Promise<void>
}


/** Which install the banner offers for a server that found no toolchain, from its fix command. */
export function installFor(event: ServerEvent): { what: 'elan' | 'toolchain'; label: string } | undefined {
  if (event.state !== 'no-toolchain' || !event.fixCommand) return undefined
  if (event.fixCommand.startsWith('curl https://elan.lean-lang.org/')) return { what: 'elan', label: 'Install elan' }
  if (event.fixCommand.startsWith('elan toolchain install ')) return { what: 'toolchain', label: 'Install toolchain' }
  return undefined
}

export class TasksFeature implements Disposable {
  private readonly disposables = new DisposableStore()
  readonly store = this.disposables.add(new TaskStore())
  readonly buildProblems = new BuildProblems()
  private readonly output: OutputPanel

  constructor(private readonly deps: TasksFeatureDeps) {
    const d = this.disposables
    d.add(this.buildProblems)
    this.output = d.add(new OutputPanel(deps.panels.output, this.store, () => deps.hidePanel()))
    const status = d.add(new TaskStatusItem(this.store, { cancel: (id) => void this.cancel(id), showOutput: (id) => this.showOutput(id) }))
    deps.addStatusItem(status.element)
    d.add(deps.backend.subscribe('tasks', {}, (ev) => this.onEvent(ev)))
    d.add(this.store.onDidEnd((ev) => this.onEnded(ev)))
    for (const c of PROJECT_COMMANDS) d.add(deps.commands.register({ id: c.id, title: c.title, run: () => this.runProjectTask(c.kind) }))
    d.add(deps.commands.register({ ...NEW_PROJECT_COMMAND, run: () => this.newProject() }))
    d.add(deps.commands.register({ ...TOGGLE_OUTPUT_COMMAND, run: () => this.showOutput() }))
  }

  async runProjectTask(kind: ProjectTaskKind, project = this.deps.activeProject()): Promise<TaskEvent | undefined> {
    if (!project) {
      this.deps.notifications.show('Open a Lean project folder first.', 'info')
      return undefined
    }
    const started = await this.deps.backend.call('tasks.start', { kind, project })
    this.onEvent(started)
    this.showOutput(started.id)
    return started
  }

  async install(what: 'elan' | 'toolchain', project?: string): Promise<void> {
    const started = await this.deps.backend.call('toolchain.install', { what, ...(project ? { project } : {}) })
    this.onEvent(started)
    this.showOutput(started.id)
  }

  async cancel(id: string): Promise<void> {
    await this.deps.backend.call('tasks.cancel', { id }).catch((err) => this.deps.notifications.error('Cancel failed', err))
  }

  showOutput(id?: string): void {
    this.deps.showPanel()
    this.deps.panels.show('output')
    if (id) this.output.follow(id)
  }

  private onEvent(ev: TaskEvent): void {
    // The reply to tasks.start may arrive after the first channel event; never let it roll a task back.
    const known = this.store.get(ev.id)
    if (known && ev.output.length === 0 && !ev.fromStart && known.event.state !== 'running' && ev.state === 'running') return
    this.store.apply(ev)
    this.buildProblems.apply(ev)
  }

  private async newProject(): Promise<void> {
    const defaults = await this.deps.backend.call('project.newProjectDefaults', {})
    const task = await showNewProjectDialog(this.deps.dialogs, defaults, (req) => this.deps.backend.call('project.create', req))
    if (!task) return
    this.onEvent(task)
    this.showOutput(task.id)
  }

  private onEnded(ev: TaskEvent): void {
    const { notifications } = this.deps
    if (ev.kind === 'new-project') return void this.projectCreated(ev)
    if ((ev.kind === 'install-elan' || ev.kind === 'install-toolchain') && ev.state === 'done') {
      notifications.show(`${ev.title} finished; starting the Lean server again.`, 'info')
      this.deps.retryServers()
      return
    }
    if (ev.state === 'failed') notifications.show(ev.detail ?? `${ev.title} failed.`, 'error', { label: 'Show Output', run: () => this.showOutput(ev.id) })
    const stale = filesToRestart(this.deps.openLeanDocuments(), ev.rebuiltModules ?? [])
    if (stale.length === 0) return
    const names = stale.map((uri) => decodeURIComponent(uri.split('/').pop() ?? uri))
    notifications.show(`${ev.title} rebuilt imports of ${names.join(', ')}.`, 'info', {
      label: stale.length === 1 ? 'Restart File' : 'Restart Files',
      run: () => stale.forEach((uri) => void this.deps.restartFile(uri)),
    })
  }

  private async projectCreated(ev: TaskEvent): Promise<void> {
    const { notifications } = this.deps
    if (ev.state !== 'done' || !ev.createdPath) {
      notifications.show(ev.detail ?? `${ev.title} failed.`, 'error', { label: 'Show Output', run: () => this.showOutput(ev.id) })
      return
    }
    if (!this.deps.openFolder) {
      notifications.show(`${ev.detail} Open it with Open Folder… to work in it.`, 'info')
      return
    }
    await this.deps.openFolder(ev.createdPath)
    if (/ math$/.test(ev.command)) {
      const fetch = await this.deps.dialogs.choose('Fetch the Mathlib cache?', 'Mathlib is big: download its prebuilt files now (lake exe cache get) instead of building it yourself?', [
        { id: 'fetch', label: 'Fetch Cache', primary: true },
        { id: 'later', label: 'Later' },
      ], 'later')
      if (fetch === 'fetch') await this.runProjectTask('cache', ev.createdPath)
    }
  }

  dispose(): void {
    this.disposables.dispose()
  }
}
