// The native menus: which of the renderer's commands go where, with VS Code's menu structure. The renderer sends
// its command table (id, title, keybinding, enabled); `buildMenu` turns it into plain menu data that
// src/main/electron/menu.ts hands to Electron. Commands the renderer does not have are left out.
import type { MenuCommandState } from '../../shared/shell'

export type { MenuCommandState }

/** Plain data for one Electron menu item. */
export interface MenuItemSpec {
  label?: string
  type?: 'separator' | 'submenu'
  role?: string
  accelerator?: string
  enabled?: boolean
  /** Renderer command to run when clicked. */
  command?: string
  /** Handled by the shell itself. */
  action?: 'about'
  submenu?: MenuItemSpec[]
}

type Entry = { command: string; label?: string } | { role: string; label?: string; accelerator?: string } | { action: 'about'; label: string } | 'separator'

interface TopMenu {
  label: string
  /** Shown only on macOS / only elsewhere. */
  platform?: 'mac' | 'other'
  entries: Entry[]
}

const SEP = 'separator' as const

export const MENU_LAYOUT: TopMenu[] = [
  {
    label: 'Lectern',
    platform: 'mac',
    entries: [
      { action: 'about', label: 'About Lectern' }, SEP,
      { command: 'workbench.action.openSettings', label: 'Settings…' }, SEP,
      { role: 'services' }, SEP, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, SEP, { role: 'quit' },
    ],
  },
  {
    label: '&File',
    entries: [
      { command: 'explorer.newFile', label: 'New File…' },
      { command: 'explorer.newFolder', label: 'New Folder…' },
      { command: 'lean4.project.createProject', label: 'New Lean &Project…' }, SEP,
      { command: 'workbench.action.files.openFolder', label: '&Open Folder…' },
      { command: 'workbench.action.openRecent', label: 'Open &Recent…' }, SEP,
      { command: 'workbench.action.addRootFolder', label: 'A&dd Folder to Workspace…' }, SEP,
      { command: 'workbench.action.files.save', label: '&Save' },
      { command: 'workbench.action.files.saveAll', label: 'Save A&ll' }, SEP,
      { command: 'workbench.action.files.revert', label: 'Re&vert File' },
      { command: 'workbench.action.closeActiveEditor', label: '&Close Editor' },
      { command: 'workbench.action.closeAllEditors', label: 'Close All Editors' },
      { command: 'workbench.action.closeFolder', label: 'Close &Folder' }, SEP,
      { command: 'workbench.action.openSettings', label: '&Preferences: Settings' }, SEP,
      { role: 'close', label: 'Close &Window', accelerator: 'CmdOrCtrl+Shift+W' },
      { role: 'quit', label: 'E&xit' },
    ],
  },
  {
    label: '&Edit',
    entries: [
      { role: 'undo' }, { role: 'redo' }, SEP, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, SEP,
      { command: 'workbench.action.findInFiles', label: 'Find &in Files' },
    ],
  },
  { label: '&Selection', entries: [{ role: 'selectAll', label: '&Select All' }] },
  {
    label: '&View',
    entries: [
      { command: 'workbench.action.showCommands', label: '&Command Palette…' }, SEP,
      { command: 'workbench.actions.view.problems', label: '&Problems' },
      { command: 'workbench.action.output.toggleOutput', label: '&Output' },
      { command: 'lean4.toggleInfoview', label: '&Infoview' }, SEP,
      { command: 'workbench.action.splitEditor', label: 'Split &Editor' }, SEP,
      { role: 'togglefullscreen', label: '&Full Screen' },
      { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'resetZoom' },
    ],
  },
  {
    label: '&Go',
    entries: [
      { command: 'workbench.action.quickOpen', label: 'Go to &File…' },
      { command: 'workbench.action.showAllSymbols', label: 'Go to Symbol in &Workspace…' }, SEP,
      { command: 'references-view.findReferences', label: 'Find All &References' },
      { command: 'references-view.showCallHierarchy', label: 'Show &Call Hierarchy' },
      { command: 'lean4.leanModuleHierarchy.showModuleHierarchy', label: 'Show &Module Hierarchy' },
      { command: 'lean4.leanModuleHierarchy.showInverseModuleHierarchy', label: 'Show &Inverse Module Hierarchy' }, SEP,
      { command: 'workbench.action.nextEditor', label: '&Next Editor' },
      { command: 'workbench.action.previousEditor', label: '&Previous Editor' },
    ],
  },
  {
    label: '&Lean',
    entries: [
      { command: 'lean4.restartFile', label: 'Restart &File' },
      { command: 'lean4.restartServer', label: 'Restart &Server' },
      { command: 'lean4.stopServer', label: 'S&top Server' }, SEP,
      { command: 'lean4.project.build', label: '&Build Project' },
      { command: 'lean4.project.fetchCache', label: 'Fetch Mathlib &Cache' },
      { command: 'lean4.project.updateDependency', label: '&Update Dependencies' },
      { command: 'lean4.project.clean', label: 'C&lean Project' }, SEP,
      { command: 'lean4.toggleInfoview', label: 'Toggle &Infoview' },
      { command: 'lean4.displayList', label: 'Infoview: Toggle All Messages' },
      { command: 'lean4.infoView.toggleUpdating', label: 'Infoview: Toggle Updating' },
      { command: 'lean4.infoView.toggleStickyPosition', label: 'Infoview: Toggle Pin' },
      { command: 'lean4.infoView.copyToComment', label: 'Infoview: Copy Contents to Comment' }, SEP,
      { command: 'lean4.troubleshooting.showOutput', label: 'Show Server &Log' },
    ],
  },
  {
    label: '&Window',
    entries: [{ role: 'minimize' }, { role: 'zoom', label: 'Zoom' }, SEP, { role: 'front' }],
    platform: 'mac',
  },
  { label: '&Window', platform: 'other', entries: [{ role: 'minimize' }] },
  {
    label: '&Help',
    entries: [
      { command: 'workbench.action.showCommands', label: 'Show All Commands' },
      { command: 'lean4.troubleshooting.showSetupInformation', label: 'Copy &Setup Report' },
      { command: 'lean4.docs.showAbbreviations', label: 'Show All &Abbreviations' },
      { command: 'lean4.troubleshooting.showOutput', label: 'Show Server Log' }, SEP,
      { role: 'toggleDevTools', label: 'Toggle Developer Tools' }, SEP,
      { action: 'about', label: '&About Lectern' },
    ],
  },
]

const KEY_NAMES: Record<string, string> = { Enter: 'Enter', PageDown: 'PageDown', PageUp: 'PageUp', Escape: 'Esc' }

/** Our keybinding notation → Electron's accelerator ("CtrlCmd+Shift+P" → "CmdOrCtrl+Shift+P"). */
export function toAccelerator(spec: string): string {
  const parts = spec.split('+')
  const key = parts.pop() ?? ''
  const mods = parts.map((m) => (m.toLowerCase() === 'ctrlcmd' ? 'CmdOrCtrl' : m.toLowerCase() === 'ctrl' ? 'Ctrl' : m))
  return [...mods, KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key)].join('+')
}

/** Drops separators at the edges and doubled ones (left by commands the renderer does not have). */
function tidy(items: MenuItemSpec[]): MenuItemSpec[] {
  const out: MenuItemSpec[] = []
  for (const item of items) {
    if (item.type === 'separator' && (out.length === 0 || out[out.length - 1].type === 'separator')) continue
    out.push(item)
  }
  while (out.at(-1)?.type === 'separator') out.pop()
  return out
}

export function buildMenu(commands: readonly MenuCommandState[], platform: string): MenuItemSpec[] {
  const byId = new Map(commands.map((c) => [c.id, c]))
  const mac = platform === 'darwin'
  const menus: MenuItemSpec[] = []
  for (const top of MENU_LAYOUT) {
    if ((top.platform === 'mac' && !mac) || (top.platform === 'other' && mac)) continue
    const items: MenuItemSpec[] = []
    for (const entry of top.entries) {
      if (entry === SEP) items.push({ type: 'separator' })
      else if ('command' in entry) {
        const c = byId.get(entry.command)
        if (!c) continue
        if (mac && top.label === '&File' && entry.command === 'workbench.action.openSettings') continue
        items.push({
          label: entry.label ?? c.title.replace(/^[^:]+: /, ''),
          command: c.id,
          enabled: c.enabled,
          // Electron accelerators cannot express chords (Ctrl+K Ctrl+O): those keep their keys in the page only.
          ...(c.keybinding && !c.keybinding.includes(' ') ? { accelerator: toAccelerator(c.keybinding) } : {}),
        })
      } else if ('role' in entry) {
        if (mac && entry.role === 'quit' && top.label === '&File') continue
        items.push({ role: entry.role, ...(entry.label ? { label: entry.label } : {}), ...(entry.accelerator ? { accelerator: entry.accelerator } : {}) })
      } else items.push({ label: entry.label, action: entry.action })
    }
    const submenu = tidy(items)
    if (submenu.length > 0) menus.push({ label: top.label, type: 'submenu', submenu })
  }
  return menus
}

/** Every command id the layout refers to (for the test that they all exist in the renderer's table). */
export function layoutCommandIds(): string[] {
  return [...new Set(MENU_LAYOUT.flatMap((m) => m.entries.flatMap((e) => (typeof e === 'object' && 'command' in e ? [e.command] : []))))]
}
