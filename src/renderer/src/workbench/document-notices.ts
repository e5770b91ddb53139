// Bars between the tabs and the editor about the active document: it changed on disk under unsaved edits
// (Overwrite / Reload from disk; never a silent overwrite), it was deleted, its imports are out of date
// (Restart File), Lean's worker for it crashed (Restart File), or its unsaved text was restored from a backup.
import type { EditorGroup } from '../editor/editor-group'
import type { OpenDocument } from '../editor/open-document'
import { mentionsStaleImports, type DiagnosticsStore } from './diagnostics-store'
import { DisposableStore, type Disposable } from './disposables'
import { button, h, icon } from './dom'

export interface DocumentNoticeActions {
  overwrite(doc: OpenDocument): void
  reload(doc: OpenDocument): void
  save(doc: OpenDocument): void
  restartFile(doc: OpenDocument): void
}

export class DocumentNotices implements Disposable {
  private readonly disposables = new DisposableStore()
  private readonly dismissedBackupNotice = new WeakSet<OpenDocument>()

  constructor(
    private readonly container: HTMLElement,
    private readonly group: EditorGroup,
    private readonly diagnostics: DiagnosticsStore,
    private readonly actions: DocumentNoticeActions,
  ) {
    this.disposables.add(group.onDidChangeActive(() => this.render()))
    this.disposables.add(group.onDidChangeDocuments(() => this.render()))
    this.disposables.add(group.onDidChangeProcessing(() => this.render())) // a worker crashed or restarted
    this.disposables.add(
      diagnostics.onDidChange((uri) => {
        if (uri === group.activeDocument()?.uri) this.render()
      }),
    )
    this.render()
  }

  private bar(kind: string, tone: 'warning' | 'info', text: string, buttons: HTMLElement[]): HTMLElement {
    return h('div', { class: `lx-notice lx-notice-${tone}`, attrs: { role: 'alert', 'data-notice': kind } }, [
      icon(tone === 'warning' ? 'warning' : 'info'),
      h('span', { class: 'lx-notice-text', text }),
      h('span', { class: 'lx-notice-actions' }, buttons),
    ])
  }

  private render(): void {
    const doc = this.group.activeDocument()
    const bars: HTMLElement[] = []
    if (doc) {
      const conflict = doc.sync.conflict
      if (conflict === 'changed-on-disk' || conflict === 'save-conflict') {
        bars.push(
          this.bar('conflict', 'warning', `${doc.name} changed on disk and has unsaved changes here. Keep which version?`, [
            button('Overwrite', () => this.actions.overwrite(doc), { title: 'Save this buffer over the file on disk' }),
            button('Reload from disk', () => this.actions.reload(doc), { title: 'Discard the unsaved changes here' }),
          ]),
        )
      } else if (conflict === 'deleted') {
        bars.push(
          this.bar('deleted', 'warning', `${doc.name} was deleted on disk. Saving writes it again.`, [
            button('Save', () => this.actions.save(doc)),
          ]),
        )
      }
      if (doc.workerCrash !== undefined) {
        bars.push(
          this.bar('worker-crashed', 'warning', `Lean stopped processing this file: ${doc.workerCrash} Edit the file or restart it.`, [
            button('Restart File', () => this.actions.restartFile(doc), { primary: true, title: 'Ctrl+Shift+X' }),
          ]),
        )
      }
      if (this.diagnostics.get(doc.uri).some(mentionsStaleImports)) {
        bars.push(
          this.bar('stale-imports', 'info', 'Imports are out of date: restart the file to rebuild them.', [
            button('Restart File', () => this.actions.restartFile(doc), { primary: true, title: 'Ctrl+Shift+X' }),
          ]),
        )
      }
      if (doc.restoredFromBackup && !this.dismissedBackupNotice.has(doc)) {
        bars.push(
          this.bar('restored', 'info', 'Unsaved changes to this file were restored from a backup.', [
            button('Dismiss', () => {
              this.dismissedBackupNotice.add(doc)
              this.render()
            }),
          ]),
        )
      }
    }
    this.container.replaceChildren(...bars)
  }

  dispose(): void {
    this.disposables.dispose()
    this.container.replaceChildren()
  }
}
