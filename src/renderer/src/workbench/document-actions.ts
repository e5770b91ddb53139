// Save, revert, close and conflict resolution for open documents, with failures reported to the user.
import type { CloseDecision, EditorGroup } from '../editor/editor-group'
import type { OpenDocument } from '../editor/open-document'
import type { Dialogs } from './dialogs'
import type { Notifications } from './notifications'

export class DocumentActions {
  constructor(
    private readonly group: EditorGroup,
    private readonly notifications: Notifications,
  ) {}

  /** Saves; on a conflict the document's notice bar asks the user (never a silent overwrite). */
  async save(doc = this.group.activeDocument()): Promise<void> {
    if (!doc || doc.readonly) return
    try {
      await doc.sync.save()
    } catch (err) {
      this.notifications.error(`Could not save ${doc.name}`, err)
    }
  }

  /** Saves every dirty editable document, one after another; each failure is reported on its own. */
  async saveAll(): Promise<void> {
    for (const doc of this.group.documents()) if (doc.dirty) await this.save(doc)
  }

  /** Closes every tab; dirty ones ask as usual, and a Cancel stops there. */
  async closeAll(): Promise<void> {
    for (const doc of [...this.group.documents()]) {
      if (!(await this.group.close(doc).catch(() => false))) return
    }
  }

  async overwrite(doc: OpenDocument): Promise<void> {
    try {
      await doc.sync.save(true)
    } catch (err) {
      this.notifications.error(`Could not save ${doc.name}`, err)
    }
  }

  async reload(doc = this.group.activeDocument()): Promise<void> {
    if (!doc) return
    try {
      await doc.sync.revert()
    } catch (err) {
      this.notifications.error(`Could not reload ${doc.name}`, err)
    }
  }

  async close(doc = this.group.activeDocument()): Promise<void> {
    if (!doc) return
    try {
      await this.group.closeTab(doc)
    } catch (err) {
      this.notifications.error(`Could not close ${doc.name}`, err)
    }
  }

  /** Activates the neighbouring tab (delta +1 / -1), wrapping around. */
  cycle(delta: 1 | -1): void {
    const docs = this.group.focusedPane().tabs
    const active = this.group.activeDocument()
    if (docs.length < 2 || !active) return
    const next = docs[(docs.indexOf(active) + delta + docs.length) % docs.length]
    this.group.activate(next)
  }
}

/** Asks what to do with a dirty document being closed; Escape cancels. */
export function confirmClose(dialogs: Dialogs, doc: OpenDocument): Promise<CloseDecision> {
  return dialogs.choose<CloseDecision>(
    'Unsaved changes',
    `Do you want to save the changes you made to ${doc.name}? Your changes will be lost if you don't save them.`,
    [
      { id: 'save', label: 'Save', primary: true },
      { id: 'discard', label: "Don't Save" },
      { id: 'cancel', label: 'Cancel' },
    ],
    'cancel',
  )
}
