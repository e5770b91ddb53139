// The composition root: builds every part of the workbench around one backend and wires them together.
// Everything created here is owned by `disposables` and released by `dispose()`.
import type { AppInfo, FileTarget, WorkspaceSession, WorkspaceState } from '../../../shared/api'
import type { FileEvent } from '../../../shared/channels'
import type { Range } from '../../../shared/lsp'
import type { Backend, ConnectionState } from '../backend/backend'
import { HeldSubscription } from '../backend/held-subscription'
import { EditorGroup } from '../editor/editor-group'
import { registerLeanLanguage } from '../editor/lean-language'
import type { OpenDocument } from '../editor/open-document'
import { registerRestartFileQuickFix } from '../editor/restart-file-action'
import { registerLeanFeatures, setDocumentOpener } from '../features'
import { startInfoview } from './infoview-host'
import { Breadcrumbs } from './breadcrumbs'
import { showCommandPalette } from './command-palette'
import { iconButton } from './dom'
import { FileActions } from './file-actions'
import { explorerEntryActions } from './explorer-menu'
import { openTabsOf } from './open-tabs'
import { QuickPick } from './quick-pick'
import { SessionKeeper } from './session-keeper'
import { showWorkspaceSymbols } from './workspace-symbols'
import { showFindInFiles, singleLineSelection } from './find-in-files'
import { CommandRegistry } from './commands'
import { Dialogs } from './dialogs'
import { DiagnosticsStore } from './diagnostics-store'
import { DisposableStore, Emitter, type Disposable } from './disposables'
import { confirmClose, DocumentActions } from './document-actions'
import { DocumentNotices } from './document-notices'
import { Explorer } from './explorer'
import { fileUriToPath } from './file-uri'
import { isMacPlatform, KeybindingService } from './keybindings'
import type { WorkbenchLayout } from './layout'
import { Notifications } from './notifications'
import { ProblemsPanel } from './problems-panel'
import { ServerActions } from './server-actions'
import { ServerBanner } from './server-banner'
import { ServerStates } from './server-states'
import { connectShell, shellPreload } from './shell-host'
import { SettingsService } from './settings'
import { showSettingsDialog } from './settings-dialog'
import { StatusBar } from './status-bar'
import { EditorArea } from './editor-area'
import { insertSymbol, UnicodeInputBinding, unicodeConfigOf } from './unicode-input-binding'
import { showAbbreviations } from './features/abbreviations/abbreviation-view'
import { registerWorkbenchCommands } from './workbench-commands'
import { WorkbenchStatus } from './workbench-status'
import { FolderCommands } from './features/folders'
import { isUnder } from './server-states'
import { createPanelTabs, installFor, TasksFeature, type PanelTabs } from './features/tasks'
import { installNavigationViews } from './features/references'
import { warmSquiggleImages } from '../editor/squiggle-warmup'
import { scratchFallback } from './session-files'

export class Workbench implements Disposable {
  private readonly disposables = new DisposableStore()
  readonly group: EditorGroup
  private readonly diagnostics = this.disposables.add(new DiagnosticsStore())
  private readonly states = this.disposables.add(new ServerStates())
  private readonly commands = this.disposables.add(new CommandRegistry())
  private readonly notifications: Notifications
  private readonly dialogs: Dialogs
  private readonly documents: DocumentActions
  private readonly servers: ServerActions
  private readonly explorer: Explorer
  private readonly problems: ProblemsPanel
  private readonly tasks: TasksFeature
  private readonly panels: PanelTabs
  private readonly picker: QuickPick
  private readonly files: FileActions
  private readonly session: SessionKeeper
  private readonly folders: FolderCommands
  private readonly themeChanged = this.disposables.add(new Emitter<void>())
  private infoview: ReturnType<typeof startInfoview>
  private wasDisconnected = false

  constructor(
    private readonly layout: WorkbenchLayout,
    private readonly backend: Backend,
    private readonly info: AppInfo,
    private readonly settings: SettingsService,
    statusBar: StatusBar,
    /** The `files` channel, when the early start subscribed before reading the first documents. */
    fileEvents: HeldSubscription<FileEvent> = new HeldSubscription((listener) => backend.subscribe('files', {}, listener)),
  ) {
    const isMac = isMacPlatform()
    const d = this.disposables
    this.notifications = new Notifications(layout.overlays)
    d.add(this.notifications)
    this.dialogs = new Dialogs(layout.overlays)

    registerLeanLanguage()
    this.group = d.add(
      new EditorGroup(
        { element: layout.firstEditorGroup, tabs: layout.tabs, editor: layout.editor },
        () => layout.addEditorGroup(),
        backend, this.diagnostics, settings.appearance(), (doc) => confirmClose(this.dialogs, doc),
      ),
    )
    const features = d.add(registerLeanFeatures(backend))
    d.add(new UnicodeInputBinding(this.group, settings))
    this.documents = new DocumentActions(this.group, this.notifications)
    this.servers = new ServerActions(backend, this.dialogs, this.notifications, this.states, () => this.group.activeDocument())
    d.add(registerRestartFileQuickFix((uri) => void this.servers.restartFile(uri)))
    setDocumentOpener((uri, range) => this.showDocument(uri, range))
    d.add({ dispose: () => setDocumentOpener(undefined) })

    d.add(new EditorArea(layout, this.group))
    d.add(new Breadcrumbs(layout.breadcrumbs, this.group, features.requester))
    d.add(
      new DocumentNotices(layout.notices, this.group, this.diagnostics, {
        overwrite: (doc) => void this.documents.overwrite(doc),
        reload: (doc) => void this.documents.reload(doc),
        save: (doc) => void this.documents.save(doc),
        restartFile: (doc) => void this.servers.restartFile(doc.uri),
      }),
    )
    const entryActions = explorerEntryActions({
      host: layout.overlays,
      files: () => this.files,
      isRoot: (entry) => this.explorer.isRoot(entry),
      openFile: (path) => void this.openPath(path),
      onError: (title, err) => this.notifications.error(title, err),
      removeRoot: (path) => void this.folders.removeFolder(path),
      rootRemovable: () => !this.info.scratch,
    })
    this.explorer = d.add(new Explorer(layout.explorer, backend, (path) => void this.openPath(path), entryActions))
    const panels = (this.panels = d.add(createPanelTabs(layout.panel)))
    this.tasks = d.add(
      new TasksFeature({
        backend,
        commands: this.commands,
        dialogs: this.dialogs,
        notifications: this.notifications,
        panels,
        addStatusItem: (el) => statusBar.addItem(el),
        showPanel: () => this.setPanelVisible(true),
        hidePanel: () => this.setPanelVisible(false),
        activeProject: () => this.states.forPath(this.group.activeDocument()?.path)?.project ?? info.roots[0],
        openLeanDocuments: () => this.group.documents().filter((doc) => doc.isLean).map((doc) => ({ uri: doc.uri, text: doc.model.getValue() })),
        restartFile: (uri) => this.servers.restartFile(uri),
        retryServers: () => this.states.all().filter((e) => e.state === 'no-toolchain').forEach((e) => void this.servers.restartServer(e.project)),
        openFolder: (path) => this.folders.openPath(path),
      }),
    )
    this.problems = d.add(
      new ProblemsPanel(panels.problems, this.diagnostics, {
        nameOf: (uri) => this.group.findByUri(uri)?.name ?? uri.split('/').pop() ?? uri,
        reveal: (uri, range) => void this.showDocument(uri, range, true),
        restartFile: (uri) => void this.servers.restartFile(uri),
        close: () => this.toggleProblems(),
      }, [this.tasks.buildProblems.store]),
    )
    d.add(this.group.onDidChangeDocuments(() => this.problems.schedule()))
    d.add(
      new ServerBanner(layout.banners, this.states, {
        copySetupReport: (project) => void this.servers.copySetupReport(project),
        restartServer: (project) => void this.servers.restartServer(project),
        showServerLog: (project) => void this.servers.showServerLog(project),
        install: (event) => {
          const offer = installFor(event)
          return offer && { label: offer.label, run: () => void this.tasks.install(offer.what, event.project).catch((err) => this.notifications.error(`${offer.label} failed`, err)) }
        },
      }),
    )
    d.add(new WorkbenchStatus(statusBar, this.group, this.diagnostics, this.states, backend))

    this.session = d.add(new SessionKeeper(backend, this.group, this.notifications, () => this.info.roots[0]))
    this.picker = d.add(new QuickPick(layout.overlays))
    this.files = new FileActions({
      backend,
      picker: this.picker,
      dialogs: this.dialogs,
      // In a multi-root workspace, new files go under the root holding the selected folder.
      root: () => {
        const selected = this.explorer.selectedFolder()
        return (selected && info.roots.find((r) => isUnder(selected, r))) || info.roots[0]
      },
      selectedFolder: () => this.explorer.selectedFolder(),
      tabs: openTabsOf(this.group),
      reveal: (path) => void this.explorer.reveal(path),
      searchSymbols: (query) => this.searchSymbols(query),
      notify: (message) => this.notifications.show(message),
    })
    layout.explorerActions.append(
      iconButton('new-file', 'New File…', () => this.runCommand('explorer.newFile')),
      iconButton('new-folder', 'New Folder…', () => this.runCommand('explorer.newFolder')),
    )
    d.add(
      registerWorkbenchCommands(
        this.commands,
        {
          showPalette: () => showCommandPalette(this.picker, this.commands, isMac, (id) => this.runCommand(id)),
          goToFile: () => this.files.goToFile(),
          newFile: () => this.files.newFile(),
          newFolder: () => this.files.newFolder(),
          searchSymbols: () => this.searchSymbols(''),
          findInFiles: () => this.findInFiles(),
          showAbbreviations: () => showAbbreviations(this.picker, unicodeConfigOf(settings.current), (s) => insertSymbol(this.group, s, this.notifications)),
          documents: this.documents,
          servers: this.servers,
          toggleInfoview: () => this.toggleInfoview(),
          splitEditor: () => this.group.split(),
          infoviewAction: (kind) => this.infoview?.requestAction(kind),
          toggleProblems: () => this.toggleProblems(),
          openSettings: () => showSettingsDialog(layout.overlays, settings, (err) => this.notifications.error('Saving settings failed', err)),
          hasActiveDocument: () => !!this.group.activeDocument(),
          hasDirtyDocument: () => this.group.documents().some((doc) => doc.dirty && !doc.readonly),
          hasActiveLeanDocument: () => !!this.group.activeDocument()?.isLean,
        },
        this.group.actions,
        (id) => this.runCommand(id),
      ),
    )
    this.folders = d.add(
      new FolderCommands({
        backend,
        commands: this.commands,
        editor: this.group.actions,
        picker: this.picker,
        dialogs: this.dialogs,
        notifications: this.notifications,
        info,
        apply: (state) => this.applyWorkspace(state),
        run: (id) => this.runCommand(id),
      }),
    )
    const activeLeanUri = () => (this.group.activeDocument()?.isLean ? this.group.activeDocument()?.uri : undefined)
    d.add(installNavigationViews({
      requester: features.requester, editor: this.group.editor, panels, roots: () => this.info.roots, activeLeanUri,
      reveal: (uri, range) => void this.showDocument(uri, range), notify: (m) => this.notifications.show(m, 'info'),
      showPanel: () => this.setPanelVisible(true), hidePanel: () => this.setPanelVisible(false),
    }, this.commands, (id) => this.runCommand(id)))
    d.add(new KeybindingService(this.commands, isMac, () => this.dialogs.isOpen, (err) => this.notifications.error('Command failed', err)))
    const shell = shellPreload(window.lecternShell)
    if (shell) {
      d.add(
        connectShell(shell, {
          commands: () => this.commands.all(),
          isEnabled: (command) => this.commands.isEnabled(command),
          onDidChangeState: (listener) => {
            const store = new DisposableStore()
            store.add(this.commands.onDidChange(listener))
            store.add(this.group.onDidChangeActive(listener))
            store.add(this.group.onDidChangeDocuments(listener))
            return store
          },
          runCommand: (id) => this.runCommand(id),
          openFiles: (files) => void this.openFiles(files),
          notify: (message) => this.notifications.show(message),
          root: layout.root,
        }),
      )
    }

    d.add(backend.subscribe('server', {}, (ev) => this.states.update(ev)))
    d.add(fileEvents.attach((ev) => this.onFileEvent(ev)))
    d.add(settings.onDidChange(() => this.applyAppearance()))
    d.add(this.group.onDidChangeActive(() => this.onActiveChanged()))
    d.add(backend.onConnectionState((state) => this.onConnectionState(state)))
    this.onActiveChanged()
    this.applyAppearance()
  }

  /**
   * Opens the explorer, the first files and then the infoview. Never throws: failures are shown, not fatal.
   * `lastSession`: the workspace's session, asked for while the workbench was being built.
   */
  async start(lastSession?: Promise<WorkspaceSession>): Promise<void> {
    this.startInfoview()
    const root = this.info.roots[0]
    if (!root) this.explorer.showMessage('No folder is open.')
    else void this.explorer.setRoots(this.info.roots, this.folders.explorerHint())
    try {
      if (!root) return
      await this.session.restore(scratchFallback(this.info), lastSession)
      if (this.info.launchFiles?.length) await this.openFiles(this.info.launchFiles)
    } finally {
      // After the first files are drawn and the page is idle: the frame's start (its own renderer process) would
      // compete with theirs on the CPU.
      requestAnimationFrame(() =>
        whenIdle(() => {
          this.infoview?.load()
          if (!this.disposables.isDisposed) this.disposables.add(warmSquiggleImages())
        }),
      )
    }
  }

  /** Files from a command line (`lectern A.lean:12:5`) or a second launch: the cursor at the 1-based position. */
  async openFiles(files: readonly FileTarget[]): Promise<void> {
    for (const file of files) {
      const position = file.line ? { line: file.line - 1, character: Math.max(0, (file.column ?? 1) - 1) } : undefined
      await this.openPath(file.path, position ? { start: position, end: position } : undefined)
    }
  }

  /**
   * Another folder was opened, added or closed (the core has backed up and closed the documents outside the new
   * folders, and ended their servers): drop their tabs, show the new folders, and reopen their last session.
   */
  private async applyWorkspace(state: WorkspaceState): Promise<void> {
    const removed = this.info.roots.some((root) => !state.roots.includes(root))
    // As in the core: adding a folder closes no tab (toolchain sources outside every folder stay too).
    const inside = (path: string) => !removed || state.roots.some((root) => isUnder(path, root))
    this.session.suspend()
    this.info.roots = state.roots
    this.info.scratch = state.scratch
    for (const doc of [...this.group.documents()]) if (!inside(doc.path)) this.group.forget(doc)
    this.states.retain(inside)
    document.title = `${state.roots.map((r) => r.split(/[\\/]/).filter(Boolean).pop()).join(', ')} — Lectern`
    await this.explorer.setRoots(state.roots, this.folders.explorerHint())
    await this.session.restore(scratchFallback(state))
  }

  private startInfoview(): void {
    this.infoview = startInfoview(this.layout, {
      backend: this.backend,
      diagnostics: this.diagnostics,
      infoviewUrl: this.info.infoviewUrl,
      activeEditor: () => {
        const doc = this.group.activeDocument()
        return doc?.isLean ? { editor: this.group.editor, uri: doc.uri } : undefined
      },
      onDidChangeActiveEditor: (listener) => this.group.onDidChangeActive(listener),
      showDocument: async (uri, selection) => void (await this.showDocument(uri, selection)),
      theme: () => {
        const a = this.settings.appearance()
        return { kind: a.theme, highContrast: a.highContrast, fontFamily: a.fontFamily, fontSize: a.fontSize }
      },
      onDidChangeTheme: (listener) => this.themeChanged.event(listener),
    })
    if (this.infoview) this.disposables.add(this.infoview)
  }

  async openPath(path: string, selection?: Range, cursorAtStart = false): Promise<OpenDocument | undefined> {
    try {
      return await this.group.open(path, { selection, cursorAtStart })
    } catch (err) {
      this.notifications.error(`Could not open ${path}`, err)
      return undefined
    }
  }

  /** Opens or focuses the document of a core uri (also toolchain sources outside the workspace, read-only). */
  async showDocument(uri: string, selection?: Range, cursorAtStart = false): Promise<boolean> {
    const open = this.group.findByUri(uri)
    if (open) {
      this.group.activate(open, { selection, cursorAtStart })
      return true
    }
    const path = fileUriToPath(uri)
    if (!path) {
      this.notifications.show(`Cannot open ${uri}: not a file.`)
      return false
    }
    return (await this.openPath(path, selection, cursorAtStart)) !== undefined
  }

  private findInFiles(): void {
    showFindInFiles(this.picker, this.backend, {
      root: this.info.roots[0],
      reveal: (path, range) => void this.openPath(path, range),
      initialQuery: singleLineSelection(this.group.editor),
    })
  }

  private searchSymbols(query: string): void {
    const lean = this.group.activeDocument()?.isLean ? this.group.activeDocument() : this.group.documents().find((d) => d.isLean)
    showWorkspaceSymbols(this.picker, this.backend, {
      leanUri: () => lean?.uri,
      root: this.info.roots[0],
      reveal: (uri, range) => void this.showDocument(uri, { start: range.start, end: range.start }),
      initialQuery: query,
    })
  }

  runCommand(id: string): void {
    this.commands.run(id, (err, command) => this.notifications.error(`${command.title} failed`, err))
  }

  toggleProblems(): void {
    // With the Output tab showing, Problems (Ctrl+Shift+M) switches tabs instead of closing the panel.
    if (this.layout.isPanelVisible() && this.panels.active() !== 'problems') return this.panels.show('problems')
    this.setPanelVisible(!this.layout.isPanelVisible())
  }

  private setPanelVisible(visible: boolean): void {
    this.layout.setPanelVisible(visible)
    this.problems.setVisible(visible)
  }

  toggleInfoview(): void {
    if (!this.infoview) return
    this.infoview.toggle()
    this.layout.setInfoviewVisible(this.infoview.isVisible())
  }

  private onFileEvent(ev: FileEvent): void {
    this.explorer.fileChanged(ev.path, ev.kind)
    const doc = this.group.findByPath(ev.path)
    if (doc) void doc.sync.handleDiskChange(ev.kind)
  }

  private applyAppearance(): void {
    const appearance = this.settings.appearance()
    document.body.classList.toggle('lx-theme-light', appearance.theme === 'light')
    document.body.classList.toggle('lx-theme-dark', appearance.theme !== 'light')
    document.body.classList.toggle('lx-theme-hc', appearance.highContrast)
    document.documentElement.style.setProperty('--lx-editor-font-size', `${appearance.fontSize}px`)
    this.group.setAppearance(appearance)
    this.themeChanged.fire()
  }

  private onActiveChanged(): void {
    const doc = this.group.activeDocument()
    this.layout.root.classList.toggle('lx-no-editor', !doc)
    this.explorer.setActive(doc?.path)
  }

  private onConnectionState(state: ConnectionState): void {
    // Edits sent just before a drop may be lost; after the reconnect, verify every document's text.
    if (state === 'reconnecting') this.wasDisconnected = true
    if (state === 'open' && this.wasDisconnected) {
      this.wasDisconnected = false
      this.group.resyncAll()
    }
  }

  dispose(): void {
    this.disposables.dispose()
  }
}

/** The page's next idle moment (Safari has no requestIdleCallback: there, the next task). */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 })
  else setTimeout(run, 0)
}
