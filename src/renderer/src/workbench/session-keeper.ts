// The workspace's last session, kept by the core: on start, reopen the tabs of last time and every file whose
// unsaved changes were backed up (they come back dirty, with a notice); afterwards, tell the core whenever the
// tabs or the active tab change.
import type { WorkspaceSession } from '../../../shared/api'
import type { Backend } from '../backend/backend'
import type { EditorGroup } from '../editor/editor-group'
import { DisposableStore, type Disposable } from './disposables'
import type { Notifications } from './notifications'

export class SessionKeeper implements Disposable {
  private readonly disposables = new DisposableStore()
  /** Until the session is restored, an empty editor must not overwrite what the core remembers. */
  private restored = false

  constructor(
    private readonly backend: Backend,
    private readonly group: EditorGroup,
    private readonly notifications: Notifications,
    /** The workspace the tabs belong to (its first root), so a remember never lands in another folder's session. */
    private readonly root: () => string | undefined = () => undefined,
  ) {
    this.disposables.add(group.onDidChangeDocuments(() => this.remember()))
    this.disposables.add(group.onDidChangeActive(() => this.remember()))
  }

  /** `fallback` opens when there is nothing to restore (the scratch project's Main.lean); `prefetched`: the session, already asked for. */
  async restore(fallback: string | undefined, prefetched?: Promise<WorkspaceSession>): Promise<void> {
    const session = await (prefetched ?? this.backend.call('workspace.session', {})).catch((err) => {
      this.notifications.error('Could not read the last session', err)
      return undefined
    })
    const paths = [...new Set([...(session?.openFiles ?? []), ...(session?.unsaved ?? [])])]
    if (paths.length === 0 && fallback) paths.push(fallback)
    for (const path of paths) {
      await this.group.open(path, { preserveFocus: true }).catch((err) => {
        if (session?.unsaved.includes(path)) this.notifications.error(`Could not reopen ${path} with its unsaved changes`, err)
      })
    }
    const active = (session?.active && this.group.findByPath(session.active)) || this.group.documents()[0]
    if (active) this.group.activate(active)
    this.restored = true
    this.remember()
  }

  /** A folder switch is under way: the tabs shown no longer belong to the workspace until `restore`. */
  suspend(): void {
    this.restored = false
  }

  private remember(): void {
    if (!this.restored || this.disposables.isDisposed) return
    const openFiles = this.group.documents().filter((d) => !d.readonly).map((d) => d.path)
    const active = this.group.activeDocument()?.path
    const root = this.root()
    void this.backend.call('workspace.rememberSession', { openFiles, ...(active ? { active } : {}), ...(root ? { root } : {}) }).catch(() => undefined)
  }

  dispose(): void {
    this.disposables.dispose()
  }
}
