// The navigation views in the bottom panel: References (grouped by file), Call Hierarchy and Module Hierarchy,
// their commands (palette, keys, native Go menu) and their entries in the editor's context menu.
import type { CommandRegistry } from '../../commands'
import { DisposableStore, type Disposable } from '../../disposables'
import { monacoKeybinding } from '../../workbench-commands'
import { callHierarchyPanel } from '../hierarchy/call-hierarchy'
import { moduleHierarchyPanel } from '../hierarchy/module-hierarchy'
import { NAVIGATION_COMMAND_SPECS, NAVIGATION_COMMANDS } from './command-ids'
import type { LeanViewDeps } from './lean-view-deps'
import { ReferencesPanel } from './references-panel'
import './references.css'

export type { LeanViewDeps } from './lean-view-deps'

export function installNavigationViews(deps: LeanViewDeps, commands: CommandRegistry, run: (id: string) => void): Disposable {
  const d = new DisposableStore()
  const references = d.add(new ReferencesPanel(deps))
  const calls = d.add(callHierarchyPanel(deps))
  const modules = d.add(moduleHierarchyPanel(deps))
  const C = NAVIGATION_COMMANDS
  const actions: Record<string, () => Promise<void>> = {
    [C.findReferences]: () => references.findReferences(),
    [C.showCallHierarchy]: () => calls.show(),
    [C.showIncomingCalls]: () => calls.show('incoming'),
    [C.showOutgoingCalls]: () => calls.show('outgoing'),
    [C.showModuleHierarchy]: () => modules.show('imports'),
    [C.showInverseModuleHierarchy]: () => modules.show('importedBy'),
  }
  const enabled = () => deps.activeLeanUri() !== undefined
  for (const spec of NAVIGATION_COMMAND_SPECS) {
    d.add(commands.register({ id: spec.id, title: spec.title, keybinding: spec.keybinding, enabled, run: actions[spec.id] }))
    if (spec.editorMenuOrder === undefined) continue
    const keybinding = spec.keybinding ? monacoKeybinding(spec.keybinding) : undefined
    // The keybinding service owns the key; Monaco only shows it beside the menu entry.
    d.add(
      deps.editor.addAction({
        id: spec.id,
        label: spec.title.replace(/^[^:]+: /, ''),
        keybindings: keybinding === undefined ? undefined : [keybinding],
        contextMenuGroupId: 'navigation',
        contextMenuOrder: spec.editorMenuOrder,
        precondition: 'editorLangId == lean4',
        run: () => run(spec.id),
      }),
    )
  }
  return d
}
