// File: Open Folder… / Open Recent… / Add Folder to Workspace… / Close Folder, and Remove Folder from Workspace on
// a root's context menu. The core switches the folders and announces it on the `workspace` channel; every window
// (this one, another browser tab) then brings itself to the new folders through `apply`, one switch at a time.
// The command ids are VS Code's, so native menus can name them.
import type { AppInfo, WorkspaceState } from '../../../../../shared/api'
import type { Backend } from '../../../backend/backend'
import type { monaco } from '../../../editor/monaco'
import type { CommandRegistry, Command } from '../../commands'
import type { Dialogs } from '../../dialogs'
import { DisposableStore, type Disposable } from '../../disposables'
import { button, h } from '../../dom'
import type { Notifications } from '../../notifications'
import type { QuickPick } from '../../quick-pick'
import { monacoKeybinding } from '../../workbench-commands'
import { showFolderBrowser } from './folder-browser'
import { showRecentFolders } from './recent-folders'
import './folders.css'
import { FOLDER_COMMAND_SPECS, FOLDER_COMMANDS } from './command-ids'

export { FOLDER_COMMANDS }

export interface FolderCommandsDeps {
  backend: Backend
  commands: CommandRegistry
  /** Adds an action to every editor (each editor group's). */
  editor: Pick<monaco.editor.IStandaloneCodeEditor, 'addAction'>
  picker: QuickPick
  dialogs: Dialogs
  notifications: Notifications
  /** The workbench's AppInfo; `roots` and `scratch` are kept current by `apply`. */
  info: AppInfo
  /** Brings the workbench to the new folders (tabs, explorer, server states, the folder's last session). */
  apply: (state: WorkspaceState) => Promise<void>
  run: (id: string) => void
}

/** Electron's preload adds a native folder dialog; a browser page has none and uses the in-app browser. */
type NativeFolderPicker = (options: { title: string; buttonLabel: string }) => Promise<string | undefined>

function nativeFolderPicker(): NativeFolderPicker | undefined {
  const fn = (window.lectern as { pickFolder?: unknown } | undefined)?.pickFolder
  return typeof fn === 'function' ? (fn as NativeFolderPicker) : undefined
}

export class FolderCommands implements Disposable {
  private readonly disposables = new DisposableStore()
  private applying: Promise<void> = Promise.resolve()

  constructor(private readonly deps: FolderCommandsDeps) {
    const { commands, editor } = deps
    const notScratch = () => !deps.info.scratch
    const run: Record<string, () => unknown> = {
      [FOLDER_COMMANDS.openFolder]: () => this.openFolder(),
      [FOLDER_COMMANDS.openRecent]: () => this.openRecent(),
      [FOLDER_COMMANDS.addRootFolder]: () => this.addFolder(),
      [FOLDER_COMMANDS.closeFolder]: () => this.switch('workspace.closeFolder', {}),
    }
    const specs: Command[] = FOLDER_COMMAND_SPECS.map((spec) => ({
      ...spec,
      ...(spec.id === FOLDER_COMMANDS.closeFolder ? { enabled: notScratch } : {}),
      run: run[spec.id],
    }))
    for (const spec of specs) {
      this.disposables.add(commands.register(spec))
      // The editor owns the keys while it has focus, so its chords are its own actions too.
      const chord = spec.keybinding ? monacoKeybinding(spec.keybinding) : undefined
      if (chord !== undefined) this.disposables.add(editor.addAction({ id: spec.id, label: spec.title, keybindings: [chord], run: () => deps.run(spec.id) }))
    }
    this.disposables.add(deps.backend.subscribe('workspace', {}, (state) => this.onWorkspace(state)))
  }

  openFolder(): void {
    this.chooseFolder('Open Folder', (path) => void this.switch('workspace.openFolder', { path }))
  }

  /** Opens `path` in place of the open folders (New Project's result, a folder handed over by the shell). */
  openPath(path: string): Promise<void> {
    return this.switch('workspace.openFolder', { path })
  }

  addFolder(): void {
    this.chooseFolder('Add Folder to Workspace', (path) => void this.switch('workspace.addFolder', { path }))
  }

  openRecent(): Promise<void> {
    return showRecentFolders(this.deps.picker, this.deps.backend, this.deps.dialogs, {
      openRoots: () => this.deps.info.roots,
      open: (path) => void this.switch('workspace.openFolder', { path }),
      onError: (title, err) => this.deps.notifications.error(title, err),
    })
  }

  removeFolder(path: string): Promise<void> {
    return this.switch('workspace.removeFolder', { path })
  }

  /** The explorer's footer in the scratch project: how to get to one's own project. */
  explorerHint(): HTMLElement | undefined {
    if (!this.deps.info.scratch) return undefined
    return h('div', { class: 'lx-explorer-hint', attrs: { 'data-testid': 'explorer-folder-hint' } }, [
      h('p', { text: 'This is the scratch project, for trying Lean out. Work on your own project:' }),
      button('Open Folder…', () => this.deps.run(FOLDER_COMMANDS.openFolder), { primary: true }),
      button('Open Recent…', () => this.deps.run(FOLDER_COMMANDS.openRecent)),
    ])
  }

  private chooseFolder(title: string, then: (path: string) => void): void {
    const onError = (err: unknown) => this.deps.notifications.error(`${title} failed`, err)
    const native = nativeFolderPicker()
    if (native) {
      void native({ title, buttonLabel: title.startsWith('Add') ? 'Add' : 'Open' }).then((path) => path && then(path), onError)
      return
    }
    // At the home folder, where a user's projects usually are; any other place is a typed path away.
    void showFolderBrowser(this.deps.picker, this.deps.backend, { title, onPick: then, onError })
  }

  private async switch(method: 'workspace.openFolder' | 'workspace.addFolder' | 'workspace.removeFolder' | 'workspace.closeFolder', params: { path?: string }): Promise<void> {
    try {
      // The channel event arrives too; whichever comes first applies, the other finds nothing to do.
      this.onWorkspace(await this.deps.backend.call(method, params as never))
      await this.applying
    } catch (err) {
      this.deps.notifications.error(method === 'workspace.closeFolder' || method === 'workspace.removeFolder' ? 'Could not close the folder' : 'Could not open the folder', err)
    }
  }

  private onWorkspace(state: WorkspaceState): void {
    this.applying = this.applying.then(async () => {
      const info = this.deps.info
      if (info.scratch === state.scratch && sameList(info.roots, state.roots)) return
      await this.deps.apply(state)
    }).catch((err) => this.deps.notifications.error('Switching folders failed', err))
  }

  dispose(): void {
    this.disposables.dispose()
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

