// `workspace/didChangeWatchedFiles` for one project's Lean server: the watchers the running process registered,
// a TreeWatcher over the project root while there are any, and every change they match sent with Lean's own
// uris. As in VS Code, every change on disk counts, Lectern's own saves included (they also go as didSave).
import type { Hub } from '../../hub/hub'
import { DisposableStore, type Disposable } from '../../util/disposable'
import type { LeanProcess } from '../lean-process'
import { leanPathToUri } from './lean-uri'
import { ignoredInLeanProject, WatcherRegistrations } from './registrations'
import { type FileChange, TreeWatcher } from './tree-watcher'

export interface WatchedFilesOptions {
  root: string
  hub: Hub
  /** Makes the tree watcher (tests pass short settle times). */
  watch?: (root: string, onChanges: (changes: FileChange[]) => void) => Disposable
}

export class WatchedFiles implements Disposable {
  private proc: LeanProcess | undefined
  private registrations: WatcherRegistrations
  private watcher: Disposable | undefined
  private processListeners = new DisposableStore()
  private disposed = false

  constructor(private readonly options: WatchedFilesOptions) {
    this.registrations = new WatcherRegistrations(options.root)
  }

  /** A new process is running: its registrations (including any made before this call) replace the old ones. */
  attach(proc: LeanProcess): void {
    this.detach()
    this.proc = proc
    for (const r of proc.capabilityRequests) this.registrations.apply(r.method, r.params)
    let seen = proc.capabilityRequests.length
    this.processListeners.add(
      proc.onServerRequest.event(() => {
        // Replayed from the process's own list, so a request is applied once whichever way it arrives.
        const fresh = proc.capabilityRequests.slice(seen)
        seen = proc.capabilityRequests.length
        for (const r of fresh) this.registrations.apply(r.method, r.params)
        if (fresh.length) this.update()
      }),
    )
    this.update()
  }

  /** The process went away: nothing is registered any more. */
  detach(): void {
    this.processListeners.dispose()
    this.processListeners = new DisposableStore()
    this.proc = undefined
    this.registrations = new WatcherRegistrations(this.options.root)
    this.update()
  }

  private update(): void {
    if (this.disposed || this.registrations.isEmpty) {
      this.watcher?.dispose()
      this.watcher = undefined
      return
    }
    const make = this.options.watch ?? ((root, onChanges) => new TreeWatcher({ root, ignoreDir: ignoredInLeanProject, onChanges }))
    this.watcher ??= make(this.options.root, (changes) => this.send(changes))
  }

  private send(changes: FileChange[]): void {
    const proc = this.proc
    if (!proc?.isAlive) return
    const wanted = changes.filter((c) => this.registrations.wants(c.path, c.type)).map((c) => ({ uri: leanPathToUri(c.path), type: c.type }))
    if (wanted.length === 0) return
    const method = 'workspace/didChangeWatchedFiles'
    const params = { changes: wanted }
    void proc.sendNotification(method, params)
    if (this.options.hub.wantsLsp(method, 'client')) this.options.hub.publish('lsp', { direction: 'client', method, params })
  }

  dispose(): void {
    this.disposed = true
    this.processListeners.dispose()
    this.watcher?.dispose()
    this.watcher = undefined
  }
}
