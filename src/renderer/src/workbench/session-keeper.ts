// The workspace's last session, kept by the core: on start, reopen the tabs of last time (in their groups, when the
// editor was split) and every file whose unsaved changes were backed up (they come back dirty, with a notice);
// afterwards, tell the core whenever the tabs, the groups or the active tab change.
import type { EditorGroupSession, WorkspaceSession } from '../../../shared/api'
import type { Backend } from '../backend/backend'
import type { EditorGroup } from '../editor/editor-group'
import type { EditorPane } from '../editor/editor-pane'
import { DisposableStore, type Disposable } from './disposables'
import { sessionTabs } from './session-files'
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
    this.disposables.add(group.onDidChangePanes(() => this.remember()))
  }

  /** `fallback` opens when there is nothing to restore (the scratch project's Main.lean); `prefetched`: the session, already asked for. */
  async restore(fallback: string | undefined, prefetched?: Promise<WorkspaceSession>): Promise<void> {
    const session = await (prefetched ?? this.backend.call('workspace.session', {})).catch((err) => {
      this.notifications.error('Could not read the last session', err)
      return undefined
    })
    const [left] = session?.groups ?? []
    const { first: paths, right } = sessionTabs(session, fallback)
    const first = this.group.panes()[0]
    await this.group.openTabs(paths, first, (path, err) => this.failedToReopen(path, err, session))
    if (right) {
      const second = await this.reopenSplit(right, new Set(paths), first, session)
      this.showActive(first, left)
      if (second) this.showActive(second, right)
      // The group that had the focus gets it back (the left one when both showed that file).
      const focused = [first, second].find((pane) => pane?.active && pane.active.path === session?.active) ?? first
      if (focused?.active) this.group.activate(focused.active, { pane: focused })
    } else {
      const active = (session?.active && this.group.findByPath(session.active)) || this.group.documents()[0]
      if (active) this.group.activate(active)
    }
    this.restored = true
    this.remember()
  }

  private failedToReopen(path: string, err: unknown, session: WorkspaceSession | undefined): void {
    if (session?.unsaved.includes(path)) this.notifications.error(`Could not reopen ${path} with its unsaved changes`, err)
  }

  /**
   * Splits the editor again with the right group's tabs, all asked for at once and none drawn until its active one
   * is; its first tab leaves the left group unless it was there too.
   */
  private async reopenSplit(right: EditorGroupSession, inFirst: Set<string>, first: EditorPane, session: WorkspaceSession | undefined): Promise<EditorPane | undefined> {
    const [head, ...rest] = await this.group.openAll(right.openFiles, (path, err) => this.failedToReopen(path, err, session))
    if (!head) return undefined
    this.group.split(head, first, !inFirst.has(head.path))
    const second = this.group.panes().find((pane) => pane !== first)
    if (second) this.group.addTabs(rest, second)
    return second
  }

  private showActive(pane: EditorPane, group: EditorGroupSession | undefined): void {
    const doc = group?.active ? pane.tabs.find((d) => d.path === group.active) : undefined
    if (doc) this.group.activate(doc, { pane, preserveFocus: true })
  }

  /** A folder switch is under way: the tabs shown no longer belong to the workspace until `restore`. */
  suspend(): void {
    this.restored = false
  }

  private remember(): void {
    if (!this.restored || this.disposables.isDisposed) return
    const openFiles = this.group.documents().filter((d) => !d.readonly).map((d) => d.path)
    const active = this.group.activeDocument()?.path
    const panes = this.group.panes()
    const groups = panes.length > 1 ? panes.map(groupSession) : undefined
    const root = this.root()
    void this.backend
      .call('workspace.rememberSession', { openFiles, ...(active ? { active } : {}), ...(groups ? { groups } : {}), ...(root ? { root } : {}) })
      .catch(() => undefined)
  }

  dispose(): void {
    this.disposables.dispose()
  }
}

/** A group's editable tabs, in order, and the one it shows. */
function groupSession(pane: EditorPane): EditorGroupSession {
  const active = pane.active && !pane.active.readonly ? pane.active.path : undefined
  return { openFiles: pane.tabs.filter((d) => !d.readonly).map((d) => d.path), ...(active ? { active } : {}) }
}
