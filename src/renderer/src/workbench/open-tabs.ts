// The editor group seen as the tabs a rename or delete in the explorer must close and reopen.
import type { EditorGroup } from '../editor/editor-group'
import type { OpenTabs } from './file-actions'

function isAtOrInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`) || path.startsWith(`${folder}\\`)
}

export function openTabsOf(group: EditorGroup): OpenTabs {
  return {
    under: (path) =>
      group
        .documents()
        .filter((d) => isAtOrInside(d.path, path))
        .map((d) => ({ path: d.path, dirty: d.dirty, active: d === group.activeDocument() })),
    close: async (path) => {
      const doc = group.findByPath(path)
      if (doc && !doc.dirty) await group.close(doc)
    },
    open: (path) => group.open(path),
  }
}
