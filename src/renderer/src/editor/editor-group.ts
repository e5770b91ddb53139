// The open documents and the editor groups showing them: one group, or two side by side after a split (each its
// own Monaco editor and tabs, the same model per document). `activeDocument`/`editor` are the focused group's.
// Opening goes through `doc.open`; closing a dirty document's last tab asks the workbench first.
import { sameFileUri } from '../../../shared/uri-key'
import type { Range } from '../../../shared/lsp'
import type { OpenedDocument } from '../../../shared/api'
import type { Backend, Disposable } from '../backend/backend'
import type { DiagnosticsStore } from '../workbench/diagnostics-store'
import { DisposableStore, Emitter } from '../workbench/disposables'
import { monaco } from './monaco'
import { type EditorAppearance, EditorPane, type EditorPaneElements } from './editor-pane'
import { OpenDocument } from './open-document'
import { trackVisibleLines } from './gutter-icons'
import { toMonacoRange } from './position'
import { monacoThemeOf } from '../workbench/features/theme/color-theme'

type ActionDescriptor = monaco.editor.IActionDescriptor

export type { EditorAppearance }

export type CloseDecision = 'save' | 'discard' | 'cancel'

export interface OpenOptions {
  /** LSP range to select and reveal. */
  selection?: Range
  /** Leave keyboard focus where it is. */
  preserveFocus?: boolean
  /** Put the cursor at the start of `selection` instead of selecting it (still revealing all of it). */
  cursorAtStart?: boolean
  /** The group to show it in (default: the focused one). */
  pane?: EditorPane
}

export class EditorGroup implements Disposable {
  private docs: OpenDocument[] = []
  private readonly groups: EditorPane[] = []
  private focused: EditorPane
  private appearance: EditorAppearance
  private readonly opening = new Map<string, Promise<OpenDocument>>()
  /** Answers to doc.open asked for before the group existed (the early start), by path, until a load claims them. */
  private readonly openedAhead = new Map<string, Promise<OpenedDocument>>()
  private readonly disposables = new DisposableStore()
  private readonly perDocument = new Map<OpenDocument, Disposable[]>()
  private readonly perPane = new Map<EditorPane, DisposableStore>()
  private readonly editorHooks = new Map<(editor: monaco.editor.IStandaloneCodeEditor) => Disposable | void, Disposable[]>()
  private readonly documentsChanged = new Emitter<void>()
  private readonly activeChanged = new Emitter<void>()
  private readonly processingChanged = new Emitter<void>()
  private readonly panesChanged = new Emitter<void>()
  /** Tabs opened, closed, or a document's dirty / conflict state changed. */
  readonly onDidChangeDocuments = this.documentsChanged.event
  /** The focused group's document changed, or another group took the focus. */
  readonly onDidChangeActive = this.activeChanged.event
  readonly onDidChangeProcessing = this.processingChanged.event
  /** A group was added (split) or removed (its last tab closed). */
  readonly onDidChangePanes = this.panesChanged.event
  /** Every editor of every group, present and future (for actions bound in the editor). */
  readonly actions = { addAction: (action: ActionDescriptor): Disposable => this.forEachEditor((editor) => editor.addAction(action)) }

  constructor(
    first: EditorPaneElements,
    /** Builds the DOM of a second group (placed by the layout, right of the first). */
    private readonly createPaneElements: () => EditorPaneElements,
    private readonly backend: Backend,
    private readonly diagnostics: DiagnosticsStore,
    appearance: EditorAppearance,
    private readonly confirmClose: (doc: OpenDocument) => Promise<CloseDecision>,
  ) {
    this.appearance = appearance
    this.focused = this.addPane(first)
    first.element.classList.add('lx-editor-group-focused')
    this.disposables.add(this.documentsChanged)
    this.disposables.add(this.activeChanged)
    this.disposables.add(this.processingChanged)
    this.disposables.add(this.panesChanged)
  }

  /** The focused group's editor. */
  get editor(): monaco.editor.IStandaloneCodeEditor {
    return this.focused.editor
  }

  panes(): readonly EditorPane[] {
    return this.groups
  }

  focusedPane(): EditorPane {
    return this.focused
  }

  /** Runs `hook` on every editor now and on each one a split creates; what it returns is disposed with the editor. */
  forEachEditor(hook: (editor: monaco.editor.IStandaloneCodeEditor) => Disposable | void): Disposable {
    const made: Disposable[] = []
    this.editorHooks.set(hook, made)
    for (const pane of this.groups) this.runHook(pane, hook, made)
    return { dispose: () => (this.editorHooks.delete(hook), made.splice(0).forEach((d) => d.dispose())) }
  }

  /** Whichever goes first, the editor or the hook's subscription, disposes what the hook made (once). */
  private runHook(pane: EditorPane, hook: (editor: monaco.editor.IStandaloneCodeEditor) => Disposable | void, made: Disposable[]): void {
    const d = hook(pane.editor)
    if (!d) return
    let done = false
    const once = {
      dispose: () => {
        if (done) return
        done = true
        d.dispose()
      },
    }
    made.push(once)
    this.perPane.get(pane)!.add(once)
  }

  private addPane(elements: EditorPaneElements): EditorPane {
    const pane = new EditorPane(elements, this.appearance)
    const store = new DisposableStore()
    this.groups.push(pane)
    this.perPane.set(pane, store)
    store.add(pane.editor.onDidFocusEditorWidget(() => this.focus(pane)))
    store.add(trackVisibleLines(pane.editor, (model) => this.docs.find((doc) => doc.model === model)?.gutter))
    for (const [hook, made] of this.editorHooks) this.runHook(pane, hook, made)
    return pane
  }

  /** Makes `pane` the focused group (the infoview, status bar and commands follow it). */
  focus(pane: EditorPane): void {
    if (this.focused === pane || !this.groups.includes(pane)) return
    this.focused = pane
    for (const p of this.groups) p.elements.element.classList.toggle('lx-editor-group-focused', p === pane)
    this.activeChanged.fire()
  }

  /**
   * Shows `doc` (default: the focused one's) in the other group, creating it right of the first: Ctrl+\.
   * With `move`, the tab leaves its group unless it is that group's only tab.
   */
  split(doc = this.activeDocument(), from = this.focused, move = false): void {
    if (!doc) return
    let target = this.groups.find((p) => p !== from)
    if (!target) {
      target = this.addPane(this.createPaneElements())
      this.panesChanged.fire()
    }
    if (move && from.tabs.length > 1) from.remove(doc)
    this.activate(doc, { pane: target })
  }

  documents(): readonly OpenDocument[] {
    return this.docs
  }

  activeDocument(): OpenDocument | undefined {
    return this.focused.active
  }

  /** The open document `uri` names, also when Lean escaped the uri differently from the core. */
  findByUri(uri: string): OpenDocument | undefined {
    return this.docs.find((d) => sameFileUri(d.uri, uri))
  }

  findByPath(path: string): OpenDocument | undefined {
    return this.docs.find((d) => d.path === path)
  }

  isProcessing(): boolean {
    return this.docs.some((d) => d.isProcessing)
  }

  setAppearance(appearance: EditorAppearance): void {
    this.appearance = appearance
    monaco.editor.setTheme(monacoThemeOf({ kind: appearance.theme, highContrast: appearance.highContrast }))
    for (const pane of this.groups) pane.editor.updateOptions({ fontSize: appearance.fontSize, fontFamily: appearance.fontFamily })
  }

  /** Opens (or focuses) the file at `path`. Rejects with the core's error if it cannot be opened. */
  async open(path: string, options: OpenOptions = {}): Promise<OpenDocument> {
    const doc = this.findByPath(path) ?? (await this.load(path))
    this.activate(doc, options)
    return doc
  }

  /**
   * Opens files as tabs at the end of `pane`, in this order, asking the core for all of them at once and showing none
   * (the caller activates one): restoring a session draws one file, not each in turn after its own round trip. A file
   * that cannot be opened is left out, and `failed` hears why.
   */
  async openTabs(paths: readonly string[], pane: EditorPane, failed: (path: string, err: unknown) => void): Promise<void> {
    this.addTabs(await this.openAll(paths, failed), pane)
  }

  /** Opens files without showing them or adding them to a group; resolves in the order asked for, without the failed. */
  async openAll(paths: readonly string[], failed: (path: string, err: unknown) => void): Promise<OpenDocument[]> {
    const known = new Set(this.docs)
    const docs = await Promise.all(
      paths.map(async (path) => {
        try {
          return this.findByPath(path) ?? (await this.load(path))
        } catch (err) {
          failed(path, err)
          return undefined
        }
      }),
    )
    const opened = [...new Set(docs.filter((doc): doc is OpenDocument => doc !== undefined))]
    // The core answers in any order; new documents are listed in the order asked for, as the session remembers them.
    const fresh = opened.filter((doc) => !known.has(doc))
    this.docs = [...this.docs.filter((doc) => !fresh.includes(doc)), ...fresh]
    return opened
  }

  /** Appends tabs to `pane` without showing them. */
  addTabs(docs: readonly OpenDocument[], pane: EditorPane): void {
    for (const doc of docs) pane.append(doc)
    this.documentsChanged.fire()
  }

  /** Answers the early start got for these paths: the next load of each takes its answer instead of asking again. */
  adoptOpenedAhead(answers: ReadonlyMap<string, Promise<OpenedDocument>>): void {
    for (const [path, answer] of answers) this.openedAhead.set(path, answer)
  }

  /** Closes in the core whatever was opened ahead and never became a tab (the start has shown what it shows). */
  releaseOpenedAhead(): void {
    for (const answer of this.openedAhead.values()) {
      void answer
        .then((opened) => (this.findByUri(opened.uri) ? undefined : this.backend.call('doc.close', { uri: opened.uri })))
        .catch(() => undefined)
    }
    this.openedAhead.clear()
  }

  private load(path: string): Promise<OpenDocument> {
    const pending = this.opening.get(path)
    if (pending) return pending
    const ahead = this.openedAhead.get(path)
    this.openedAhead.delete(path)
    const promise = (ahead ?? this.backend.call('doc.open', { path }))
      .then((opened) => {
        const existing = this.findByUri(opened.uri)
        if (existing) return existing
        const doc = new OpenDocument(this.backend, opened, this.diagnostics)
        this.docs.push(doc)
        this.perDocument.set(doc, [
          doc.sync.onDidChangeState(() => this.documentsChanged.fire()),
          doc.onDidChangeProcessing(() => this.processingChanged.fire()),
        ])
        this.documentsChanged.fire()
        return doc
      })
      .finally(() => this.opening.delete(path))
    this.opening.set(path, promise)
    return promise
  }

  activate(doc: OpenDocument, options: OpenOptions = {}): void {
    const pane = options.pane && this.groups.includes(options.pane) ? options.pane : this.focused
    const changed = pane.active !== doc
    const added = !pane.has(doc)
    pane.show(doc)
    if (pane !== this.focused && !options.preserveFocus) this.focus(pane)
    else if (changed && pane === this.focused) this.activeChanged.fire()
    // Tabs of a group without the focus are drawn from the documents' event.
    if (added || (changed && pane !== this.focused)) this.documentsChanged.fire()
    if (options.selection) this.reveal(options.selection, options.cursorAtStart)
    if (!options.preserveFocus) pane.editor.focus()
  }

  /** Selects an LSP range (or puts the cursor at its start) in the focused group and scrolls it into view. */
  reveal(range: Range, cursorAtStart = false): void {
    const r = toMonacoRange(range)
    if (cursorAtStart) this.editor.setPosition({ lineNumber: r.startLineNumber, column: r.startColumn })
    else this.editor.setSelection(r)
    this.editor.revealRangeInCenterIfOutsideViewport(r, monaco.editor.ScrollType.Smooth)
  }

  /**
   * Closes one tab (default: in the focused group). The document stays open while another group shows it;
   * its last tab closes the document, asking first when it is dirty. Resolves false if that was cancelled.
   */
  async closeTab(doc: OpenDocument, pane = this.focused): Promise<boolean> {
    if (this.groups.some((p) => p !== pane && p.has(doc)) && pane.has(doc)) {
      this.dropTab(pane, doc)
      this.documentsChanged.fire()
      return true
    }
    return this.close(doc)
  }

  /** Closes a document in every group; a dirty one asks first. Resolves false if the user cancelled or saving failed. */
  async close(doc: OpenDocument): Promise<boolean> {
    if (!this.docs.includes(doc)) return true
    if (doc.dirty && !doc.readonly) {
      const decision = await this.confirmClose(doc)
      if (decision === 'cancel') return false
      if (decision === 'save' && !(await doc.sync.save())) return false
      if (decision === 'discard') await doc.sync.revert().catch(() => undefined)
    }
    if (!this.docs.includes(doc)) return true
    this.remove(doc)
    void this.backend.call('doc.close', { uri: doc.uri }).catch((err) => console.warn('doc.close failed', err))
    return true
  }

  /**
   * Drops a tab the core has closed already (its folder was closed; unsaved text was backed up there). No question
   * asked and no `doc.close`, which would throw the backup away.
   */
  forget(doc: OpenDocument): void {
    if (this.docs.includes(doc)) this.remove(doc)
  }

  /** Takes a tab out of one group; a group left without tabs goes away when another remains (the split collapses). */
  private dropTab(pane: EditorPane, doc: OpenDocument): void {
    const wasActive = pane.active === doc
    if (pane.remove(doc) || this.groups.length === 1) {
      if (wasActive && pane === this.focused) this.activeChanged.fire()
      return
    }
    this.groups.splice(this.groups.indexOf(pane), 1)
    this.perPane.get(pane)?.dispose()
    this.perPane.delete(pane)
    pane.dispose()
    pane.elements.element.remove()
    if (this.focused === pane) {
      this.focused = this.groups[0]
      this.focused.elements.element.classList.add('lx-editor-group-focused')
      this.activeChanged.fire()
    }
    this.panesChanged.fire()
  }

  private remove(doc: OpenDocument): void {
    this.docs.splice(this.docs.indexOf(doc), 1)
    for (const d of this.perDocument.get(doc) ?? []) d.dispose()
    this.perDocument.delete(doc)
    for (const pane of [...this.groups]) if (pane.has(doc)) this.dropTab(pane, doc)
    doc.dispose()
    this.documentsChanged.fire()
    this.processingChanged.fire()
  }

  /** After a reconnect: make sure the core has exactly the text of every model. */
  resyncAll(): void {
    for (const doc of this.docs) void doc.sync.resync()
  }

  dispose(): void {
    for (const list of this.perDocument.values()) for (const d of list) d.dispose()
    this.perDocument.clear()
    for (const doc of this.docs) doc.dispose()
    this.docs = []
    for (const pane of this.groups) {
      this.perPane.get(pane)?.dispose()
      pane.dispose()
    }
    this.perPane.clear()
    this.disposables.dispose()
  }
}
