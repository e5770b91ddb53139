// The workspace's last session, kept by the core: on start, reopen the tabs of last time (in their groups, when the
// editor was split) and every file whose unsaved changes were backed up (they come back dirty, with a notice);
// afterwards, tell the core whenever the tabs, the groups or the active tab change.
import type { EditorGroupSession, WorkspaceSession } from '../../../shared/api'
import type { Backend } from '../backend/backend'
import type { EditorGroup } from '../editor/editor-group'
import type { EditorPane } from '../editor/editor-pane'
import type { OpenDocument } from '../editor/open-document'
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
    this.disposables.add(group.onDidChangePanes(() => this.remember()))
  }

  /** `fallback` opens when there is nothing to restore (the scratch project's Main.lean); `prefetched`: the session, already asked for. */
  async restore(fallback: string | undefined, prefetched?: Promise<WorkspaceSession>): Promise<void> {
    const session = await (prefetched ?? this.backend.call('workspace.session', {})).catch((err) => {
      this.notifications.error('Could not read the last session', err)
      return undefined
    })
    const [left, right] = session?.groups ?? []
    // Without a split, the first group gets every tab; with one, it gets its own and the backed-up files no group had.
    const inGroups = new Set(right ? [...left.openFiles, ...right.openFiles] : [])
    const firstGroup = right ? [...left.openFiles, ...(session?.unsaved ?? []).filter((p) => !inGroups.has(p))] : [...(session?.openFiles ?? []), ...(session?.unsaved ?? [])]
    const paths = [...new Set(firstGroup)]
    if (paths.length === 0 && fallback && !right) paths.push(fallback)
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

  /** Opens a tab in `pane`; a file that cannot be opened any more is skipped (with a notice if it had unsaved changes). */
  private reopen(path: string, session: WorkspaceSession | undefined, pane: EditorPane): Promise<OpenDocument | undefined> {
    return this.group.open(path, { preserveFocus: true, pane }).catch((err) => {
      this.failedToReopen(path, err, session)
      return undefined
    })
  }

  private failedToReopen(path: string, err: unknown, session: WorkspaceSession | undefined): void {
    if (session?.unsaved.includes(path)) this.notifications.error(`Could not reopen ${path} with its unsaved changes`, err)
  }

  /** Splits the editor again with the right group's tabs; its first tab leaves the left group unless it was there too. */
  private async reopenSplit(right: EditorGroupSession, inFirst: Set<string>, first: EditorPane, session: WorkspaceSession | undefined): Promise<EditorPane | undefined> {
    let second: EditorPane | undefined
    for (const path of right.openFiles) {
      if (second) {
        await this.reopen(path, session, second)
        continue
      }
      const doc = await this.reopen(path, session, first)
      if (!doc) continue
      this.group.split(doc, first, !inFirst.has(path))
      second = this.group.panes().find((pane) => pane !== first)
    }
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
