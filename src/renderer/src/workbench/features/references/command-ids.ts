// The navigation views' commands as plain data (no DOM, no Monaco): the native Go menu and its test read them
// beside the workbench's own command table. Ids and keys are VS Code's and vscode-lean4's.

export const NAVIGATION_COMMANDS = {
  findReferences: 'references-view.findReferences',
  showCallHierarchy: 'references-view.showCallHierarchy',
  showIncomingCalls: 'references-view.showIncomingCalls',
  showOutgoingCalls: 'references-view.showOutgoingCalls',
  showModuleHierarchy: 'lean4.leanModuleHierarchy.showModuleHierarchy',
  showInverseModuleHierarchy: 'lean4.leanModuleHierarchy.showInverseModuleHierarchy',
} as const

export interface NavigationCommandSpec {
  id: string
  title: string
  keybinding?: string
  /** Also in the editor's context menu (Monaco's 'navigation' group), at this order. */
  editorMenuOrder?: number
}

export const NAVIGATION_COMMAND_SPECS: readonly NavigationCommandSpec[] = [
  { id: NAVIGATION_COMMANDS.findReferences, title: 'References: Find All References', keybinding: 'Shift+Alt+F12', editorMenuOrder: 1.45 },
  { id: NAVIGATION_COMMANDS.showCallHierarchy, title: 'Calls: Show Call Hierarchy', keybinding: 'Shift+Alt+H', editorMenuOrder: 1.46 },
  { id: NAVIGATION_COMMANDS.showIncomingCalls, title: 'Calls: Show Incoming Calls' },
  { id: NAVIGATION_COMMANDS.showOutgoingCalls, title: 'Calls: Show Outgoing Calls' },
  { id: NAVIGATION_COMMANDS.showModuleHierarchy, title: 'Lean 4: Show Module Hierarchy', keybinding: 'Shift+Alt+M', editorMenuOrder: 1.47 },
  { id: NAVIGATION_COMMANDS.showInverseModuleHierarchy, title: 'Lean 4: Show Inverse Module Hierarchy', keybinding: 'Shift+Alt+N', editorMenuOrder: 1.48 },
]
