// Every workbench command with its VS Code / vscode-lean4 keybinding. Commands that act on the text are also
// Monaco actions (editor context menu); the keybinding service owns the keys, so nothing runs twice.
import { monaco } from '../editor/monaco'
import type { CommandRegistry, Command } from './commands'
import { DisposableStore, type Disposable } from './disposables'
import type { DocumentActions } from './document-actions'
import { parseKeybinding } from './keybindings'
import type { ServerActions } from './server-actions'

export interface CommandTargets {
  showPalette(): void
  goToFile(): unknown
  newFile(): unknown
  newFolder(): unknown
  searchSymbols(): void
  findInFiles(): void
  showAbbreviations(): void
  documents: DocumentActions
  servers: ServerActions
  toggleInfoview(): void
  /** Shows the focused document in a second editor group (Ctrl+\\). */
  splitEditor(): void
  infoviewAction(kind: string): void
  toggleProblems(): void
  openSettings(): void
  hasActiveDocument(): boolean
  hasDirtyDocument(): boolean
  hasActiveLeanDocument(): boolean
}

interface CommandSpec extends Command {
  /** Also shown in the editor's context menu, in this group. */
  editorMenuGroup?: string
}

export function commandSpecs(t: CommandTargets): CommandSpec[] {
  const hasDoc = () => t.hasActiveDocument()
  const hasLean = () => t.hasActiveLeanDocument()
  return [
    { id: 'workbench.action.showCommands', title: 'Show All Commands', keybinding: 'CtrlCmd+Shift+P', alternativeKeybindings: ['F1'], run: () => t.showPalette() },
    { id: 'workbench.action.quickOpen', title: 'Go to File…', keybinding: 'CtrlCmd+P', alternativeKeybindings: ['CtrlCmd+E'], run: () => t.goToFile() },
    { id: 'workbench.action.showAllSymbols', title: 'Go to Symbol in Workspace…', keybinding: 'CtrlCmd+T', run: () => t.searchSymbols() },
    { id: 'workbench.action.findInFiles', title: 'Search: Find in Files…', keybinding: 'CtrlCmd+Shift+F', run: () => t.findInFiles() },
    { id: 'explorer.newFile', title: 'File: New File…', run: () => t.newFile() },
    { id: 'explorer.newFolder', title: 'File: New Folder…', run: () => t.newFolder() },
    { id: 'workbench.action.files.save', title: 'File: Save', keybinding: 'CtrlCmd+S', enabled: hasDoc, run: () => t.documents.save() },
    { id: 'workbench.action.files.saveAll', title: 'File: Save All', enabled: () => t.hasDirtyDocument(), run: () => t.documents.saveAll() },
    { id: 'workbench.action.closeAllEditors', title: 'View: Close All Editors', enabled: hasDoc, run: () => t.documents.closeAll() },
    { id: 'workbench.action.files.revert', title: 'File: Revert File (reload from disk)', enabled: hasDoc, run: () => t.documents.reload() },
    { id: 'workbench.action.closeActiveEditor', title: 'View: Close Editor', keybinding: 'CtrlCmd+W', enabled: hasDoc, run: () => t.documents.close() },
    { id: 'workbench.action.splitEditor', title: 'View: Split Editor', keybinding: 'CtrlCmd+\\', enabled: hasDoc, run: () => t.splitEditor() },
    { id: 'workbench.action.nextEditor', title: 'View: Open Next Editor', keybinding: 'Ctrl+PageDown', enabled: hasDoc, run: () => t.documents.cycle(1) },
    { id: 'workbench.action.previousEditor', title: 'View: Open Previous Editor', keybinding: 'Ctrl+PageUp', enabled: hasDoc, run: () => t.documents.cycle(-1) },
    { id: 'workbench.actions.view.problems', title: 'View: Toggle Problems', keybinding: 'CtrlCmd+Shift+M', run: () => t.toggleProblems() },
    { id: 'workbench.action.openSettings', title: 'Preferences: Open Settings', keybinding: 'CtrlCmd+,', run: () => t.openSettings() },
    { id: 'lean4.restartFile', title: 'Lean 4: Restart File', keybinding: 'CtrlCmd+Shift+X', enabled: hasLean, editorMenuGroup: '1_lean', run: () => t.servers.restartFile() },
    { id: 'lean4.restartServer', title: 'Lean 4: Restart Server', editorMenuGroup: '1_lean', run: () => t.servers.restartServer() },
    { id: 'lean4.stopServer', title: 'Lean 4: Stop Server', run: () => t.servers.stopServer() },
    { id: 'lean4.troubleshooting.showOutput', title: 'Lean 4: Show Server Log', run: () => t.servers.showServerLog() },
    { id: 'lean4.troubleshooting.showSetupInformation', title: 'Lean 4: Copy Setup Report', run: () => t.servers.copySetupReport() },
    { id: 'lean4.toggleInfoview', title: 'Lean 4: Toggle Infoview', keybinding: 'CtrlCmd+Shift+Enter', editorMenuGroup: '1_lean', run: () => t.toggleInfoview() },
    { id: 'lean4.displayList', title: 'Lean 4: Infoview: Toggle All Messages', keybinding: 'CtrlCmd+Shift+Alt+Enter', run: () => t.infoviewAction('toggleAllMessages') },
    { id: 'lean4.infoView.toggleUpdating', title: 'Lean 4: Infoview: Toggle Updating', run: () => t.infoviewAction('togglePaused') },
    { id: 'lean4.infoView.toggleStickyPosition', title: 'Lean 4: Infoview: Toggle Pin', run: () => t.infoviewAction('togglePin') },
    { id: 'lean4.docs.showAbbreviations', title: 'Lean 4: Docs: Show All Abbreviations', run: () => t.showAbbreviations() },
    { id: 'lean4.infoView.copyToComment', title: 'Lean 4: Infoview: Copy Contents to Comment', enabled: hasLean, run: () => t.infoviewAction('copyToComment') },
  ]
}

/** Our notation → Monaco's keybinding number (for labels in the editor's context menu); a chord is two presses. */
export function monacoKeybinding(spec: string): number | undefined {
  const [first, second] = spec.split(' ').filter(Boolean).map(monacoPress)
  if (first === undefined) return undefined
  return spec.includes(' ') ? (second === undefined ? undefined : monaco.KeyMod.chord(first, second)) : first
}

function monacoPress(spec: string): number | undefined {
  const kb = parseKeybinding(spec)
  const code = monaco.KeyCode[kb.code as keyof typeof monaco.KeyCode]
  if (code === undefined) return undefined
  let key: number = code
  if (kb.ctrlCmd) key |= monaco.KeyMod.CtrlCmd
  if (kb.ctrl) key |= monaco.KeyMod.WinCtrl
  if (kb.shift) key |= monaco.KeyMod.Shift
  if (kb.alt) key |= monaco.KeyMod.Alt
  return key
}

export function registerWorkbenchCommands(
  registry: CommandRegistry,
  targets: CommandTargets,
  /** Adds an action to every editor (each editor group's). */
  editor: Pick<monaco.editor.IStandaloneCodeEditor, 'addAction'>,
  run: (id: string) => void,
): Disposable {
  const disposables = new DisposableStore()
  for (const spec of commandSpecs(targets)) {
    disposables.add(registry.register(spec))
    if (!spec.editorMenuGroup) continue
    const keybinding = spec.keybinding ? monacoKeybinding(spec.keybinding) : undefined
    disposables.add(
      editor.addAction({
        id: spec.id,
        label: spec.title,
        keybindings: keybinding === undefined ? undefined : [keybinding],
        contextMenuGroupId: spec.editorMenuGroup,
        run: () => run(spec.id),
      }),
    )
  }
  return disposables
}
