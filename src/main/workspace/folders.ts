// Open Folder, Add Folder to Workspace, Remove Folder, Close Folder (DESIGN §1 workspace/: roots change at run time).
// A switch never loses work: the old folders' unsaved buffers are backed up before their documents close (and come
// back when the folder is opened again), their Lean servers end with their whole process groups, and only then is
// the renderer told on the `workspace` channel. Switches run one at a time.
import type { RecentFolder, WorkspaceState } from '../../shared/api'
import type { Hub } from '../hub/hub'
import { ApiError } from '../util/errors'
import { LecternErrorCodes } from '../../shared/api'
import { usableFolder } from './folder-check'
import { realpathLoose } from './paths'
import type { RecentFolders } from './recent-folders'
import type { WorkspaceRoots } from './roots'
import type { Workspace } from './workspace'

export interface WorkspaceFoldersDeps {
  roots: WorkspaceRoots
  workspace: Workspace
  recent: RecentFolders
  hub: Hub
  /** Ends the Lean servers of removed folders (and of nothing else still in use). */
  stopServers(removed: readonly string[], isOpenFolder: (path: string) => boolean): Promise<void>
  /** Creates the scratch project if needed; its real path. */
  scratchProject(): Promise<string>
}

export class WorkspaceFolders {
  private switching: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: WorkspaceFoldersDeps) {
    deps.hub.setReplay('workspace', () => [deps.roots.state()])
  }

  state(): WorkspaceState {
    return this.deps.roots.state()
  }

  open(path: string): Promise<WorkspaceState> {
    return this.serial(async () => {
      const folder = await usableFolder(path)
      return this.switchTo([folder], folder)
    })
  }

  add(path: string): Promise<WorkspaceState> {
    return this.serial(async () => {
      const folder = await usableFolder(path)
      // Adding a folder to the scratch project replaces it: the scratch project is a stand-in for "no folder".
      const kept = this.deps.roots.scratch ? [] : this.deps.roots.roots
      return this.switchTo([...kept, folder], folder)
    })
  }

  remove(path: string): Promise<WorkspaceState> {
    return this.serial(async () => {
      const roots = this.deps.roots.roots
      const root = roots.includes(path) ? path : realpathLoose(path)
      if (!roots.includes(root)) throw new ApiError(LecternErrorCodes.NotFound, `${path} is not a folder of this workspace.`)
      const rest = roots.filter((r) => r !== root)
      return this.switchTo(rest.length > 0 ? rest : [await this.deps.scratchProject()])
    })
  }

  close(): Promise<WorkspaceState> {
    return this.serial(async () => this.switchTo([await this.deps.scratchProject()]))
  }

  async recentFolders(): Promise<RecentFolder[]> {
    return this.deps.recent.list()
  }

  async forgetRecent(path: string): Promise<RecentFolder[]> {
    await this.deps.recent.forget(path)
    return this.deps.recent.list()
  }

  private async switchTo(next: string[], opened?: string): Promise<WorkspaceState> {
    const { roots, workspace, hub } = this.deps
    const change = roots.set(next)
    if (opened && opened !== roots.scratchDir) await this.deps.recent.add(opened).catch((err) => console.error('Recent folders not saved', err))
    if (change.added.length === 0 && change.removed.length === 0) return roots.state()
    await workspace.onRootsChanged(change)
    await this.deps.stopServers(change.removed, (p) => roots.contains(p))
    const state = roots.state()
    hub.publish('workspace', state)
    return state
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.switching.catch(() => undefined).then(run)
    this.switching = next
    return next
  }

  /** Waits for a switch under way (on shutdown). */
  flush(): Promise<void> {
    return this.switching.then(() => this.deps.recent.flush(), () => this.deps.recent.flush())
  }
}
