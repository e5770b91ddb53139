// File: Open Recent…: the folders opened last (kept by the core in the user data folder), filtered as you type.
// A folder that has gone is marked; choosing it offers to remove it, and the × on any row removes it at once.
import type { RecentFolder } from '../../../../../shared/api'
import type { Backend } from '../../../backend/backend'
import { filterCommands } from '../../commands'
import type { Dialogs } from '../../dialogs'
import { h, icon } from '../../dom'
import type { QuickPick } from '../../quick-pick'

export interface RecentFoldersOptions {
  /** The folders open now are not offered again. */
  openRoots: () => readonly string[]
  open: (path: string) => void
  onError: (title: string, err: unknown) => void
}

export async function showRecentFolders(picker: QuickPick, backend: Backend, dialogs: Dialogs, options: RecentFoldersOptions): Promise<void> {
  let recent: RecentFolder[]
  try {
    recent = await backend.call('workspace.recentFolders', {})
  } catch (err) {
    return options.onError('Could not read the recent folders', err)
  }
  const forget = async (folder: RecentFolder) => {
    await backend.call('workspace.forgetRecentFolder', { path: folder.path }).catch((err) => options.onError('Could not update the recent folders', err))
  }
  const candidates = recent.filter((r) => !options.openRoots().includes(r.path)).map((r) => ({ ...r, title: `${r.name} ${r.path}` }))
  picker.show({
    ariaLabel: 'Open Recent',
    placeholder: 'Select a folder to open (type to filter)',
    emptyText: (query) => (query ? 'No matching folders' : 'No recent folders yet: use File: Open Folder…'),
    items: (query) => filterCommands(candidates, query),
    render: (folder) => {
      const remove = h('button', { class: 'lx-palette-toggle lx-recent-remove', title: 'Remove from Recently Opened', attrs: { type: 'button', 'aria-label': `Remove ${folder.name} from Recently Opened` } }, [icon('close')])
      // Before the list's own mousedown, which would open the folder.
      remove.addEventListener('mousedown', (ev) => {
        ev.preventDefault()
        ev.stopPropagation()
        void forget(folder).then(() => showRecentFolders(picker, backend, dialogs, options))
      })
      return [
        icon(folder.missing ? 'warning' : 'folder'),
        h('span', { class: 'lx-palette-title', text: folder.name }),
        h('span', { class: 'lx-palette-description', text: folder.missing ? `${folder.path} — missing` : folder.path }),
        remove,
      ]
    },
    accept: (folder) => {
      if (!folder.missing) return options.open(folder.path)
      void dialogs
        .choose('Folder not found', `${folder.path} does not exist any more. Remove it from the recent folders?`, [
          { id: 'remove', label: 'Remove', primary: true },
          { id: 'keep', label: 'Keep' },
        ], 'keep')
        .then((choice) => (choice === 'remove' ? forget(folder) : undefined))
    },
  })
}
