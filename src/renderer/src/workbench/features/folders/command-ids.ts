// The folder commands' ids, titles and keys as plain data (no DOM, no CSS): the native menus and their test read
// them beside the workbench's own command table.

export const FOLDER_COMMANDS = {
  openFolder: 'workbench.action.files.openFolder',
  openRecent: 'workbench.action.openRecent',
  addRootFolder: 'workbench.action.addRootFolder',
  closeFolder: 'workbench.action.closeFolder',
} as const

export const FOLDER_COMMAND_SPECS: readonly { id: string; title: string; keybinding?: string }[] = [
  { id: FOLDER_COMMANDS.openFolder, title: 'File: Open Folder…', keybinding: 'CtrlCmd+K CtrlCmd+O' },
  { id: FOLDER_COMMANDS.openRecent, title: 'File: Open Recent…' },
  { id: FOLDER_COMMANDS.addRootFolder, title: 'File: Add Folder to Workspace…' },
  { id: FOLDER_COMMANDS.closeFolder, title: 'File: Close Folder', keybinding: 'CtrlCmd+K F' },
]
