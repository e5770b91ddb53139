// The project commands' ids, titles and keys as plain data (no DOM, no CSS): the native menus and their test read
// them beside the workbench's own command table.
import type { ProjectTaskKind } from '../../../../../shared/api'

export const PROJECT_COMMANDS: readonly { id: string; title: string; kind: ProjectTaskKind }[] = [
  { id: 'lean4.project.build', title: 'Lean 4: Build Project', kind: 'build' },
  { id: 'lean4.project.fetchCache', title: 'Lean 4: Fetch Mathlib Cache', kind: 'cache' },
  { id: 'lean4.project.updateDependency', title: 'Lean 4: Update Dependencies', kind: 'update' },
  { id: 'lean4.project.clean', title: 'Lean 4: Clean Project', kind: 'clean' },
]

export const NEW_PROJECT_COMMAND = { id: 'lean4.project.createProject', title: 'Lean 4: New Project…' } as const
export const TOGGLE_OUTPUT_COMMAND = { id: 'workbench.action.output.toggleOutput', title: 'View: Toggle Output', keybinding: 'CtrlCmd+Shift+U' } as const

export const TASK_COMMAND_SPECS: readonly { id: string; title: string; keybinding?: string }[] = [
  ...PROJECT_COMMANDS.map(({ id, title }) => ({ id, title })),
  NEW_PROJECT_COMMAND,
  TOGGLE_OUTPUT_COMMAND,
]
