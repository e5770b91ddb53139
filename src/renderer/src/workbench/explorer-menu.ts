// The explorer's right-click menu and its F2 / Delete keys, over the workbench's file actions.
import type { DirEntry } from '../../../shared/api'
import { showContextMenu, type MenuItem } from './context-menu'
import { copyToClipboard } from './dialogs'
import type { ExplorerEntryActions } from './explorer'
import type { FileActions } from './file-actions'

export function explorerEntryActions(options: {
  host: HTMLElement
  files: () => FileActions
  isRoot: (entry: DirEntry) => boolean
  openFile: (path: string) => void
  onError: (title: string, err: unknown) => void
  /** Remove Folder from Workspace, on a root's menu. */
  removeRoot?: (path: string) => void
  rootRemovable?: () => boolean
}): ExplorerEntryActions {
  const guard = (title: string, run: () => Promise<unknown>) => () => void run().catch((err) => options.onError(title, err))
  const rename = (entry: DirEntry) => guard('Rename failed', () => options.files().rename(entry))()
  const remove = (entry: DirEntry) => guard('Delete failed', () => options.files().delete(entry))()
  return {
    rename,
    delete: remove,
    contextMenu: (entry, x, y) => {
      const root = options.isRoot(entry)
      const items: (MenuItem | null)[] = []
      if (entry.kind === 'file') items.push({ label: 'Open', run: () => options.openFile(entry.path) }, null)
      else items.push({ label: 'New File…', run: guard('New File failed', () => options.files().newFile()) }, { label: 'New Folder…', run: guard('New Folder failed', () => options.files().newFolder()) }, null)
      if (!root) items.push({ label: 'Rename…', key: 'F2', run: () => rename(entry) }, { label: 'Delete', key: 'Delete', run: () => remove(entry) }, null)
      const removeRoot = options.removeRoot
      if (root && removeRoot && options.rootRemovable?.() !== false) items.push({ label: 'Remove Folder from Workspace', run: () => removeRoot(entry.path) }, null)
      items.push({ label: 'Copy Path', run: () => void copyToClipboard(entry.path) })
      showContextMenu(options.host, x, y, items)
    },
  }
}
