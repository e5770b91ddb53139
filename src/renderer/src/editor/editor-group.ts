// The one Monaco editor and the documents open in it (tab order, the active one, view state per tab).
// Opening goes through `doc.open`; closing a dirty document asks the workbench first.
import { sameFileUri } from '../../../shared/uri-key'
import type { Range } from '../../../shared/lsp'
import type { Backend, Disposable } from '../backend/backend'
import type { DiagnosticsStore } from '../workbench/diagnostics-store'
import { DisposableStore, Emitter } from '../workbench/disposables'
import { monaco } from './monaco'
import { OpenDocument } from './open-document'
import { toMonacoRange } from './position'
import { monacoThemeOf } from '../workbench/features/theme/color-theme'

export interface EditorAppearance {
  theme: 'dark' | 'light'
  highContrast: boolean
  fontSize: number
  fontFamily: string
}

export type CloseDecision = 'save' | 'discard' | 'cancel'

export interface OpenOptions {
  /** LSP range to select and reveal. */
  selection?: Range
  /** Leave keyboard focus where it is. */
  preserveFocus?: boolean
  /** Put the cursor at the start of `selection` instead of selecting it (still revealing all of it). */
  cursorAtStart?: boolean
}

export class EditorGroup implements Disposable {
  readonly editor: monaco.editor.IStandaloneCodeEditor
  private docs: OpenDocument[] = []
  private active: OpenDocument | undefined
  private readonly opening = new Map<string, Promise<OpenDocument>>()
  private readonly disposables = new DisposableStore()
  private readonly perDocument = new Map<OpenDocument, Disposable[]>()
  private readonly documentsChanged = new Emitter<void>()
  private readonly activeChanged = new Emitter<void>()
  private readonly processingChanged = new Emitter<void>()
  /** Tabs opened, closed, or a document's dirty / conflict state changed. */
  readonly onDidChangeDocuments = this.documentsChanged.event
  readonly onDidChangeActive = this.activeChanged.event
  readonly onDidChangeProcessing = this.processingChanged.event

  constructor(
    container: HTMLElement,
    private readonly backend: Backend,
    private readonly diagnostics: DiagnosticsStore,
    appearance: EditorAppearance,
    private readonly confirmClose: (doc: OpenDocument) => Promise<CloseDecision>,
  ) {
    this.editor = monaco.editor.create(container, {
      model: null,
      theme: monacoThemeOf({ kind: appearance.theme, highContrast: appearance.highContrast }),
      fontSize: appearance.fontSize,
      fontFamily: appearance.fontFamily,
      glyphMargin: true,
      automaticLayout: true,
      lineDecorationsWidth: 12,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
      wordBasedSuggestions: 'off',
      minimap: { enabled: false },
      fixedOverflowWidgets: true,
      renderWhitespace: 'none',
      'semanticHighlighting.enabled': true,
      readOnlyMessage: { value: 'This file is read-only (a dependency or toolchain source).' },
    })
    this.disposables.add(this.editor)
    this.disposables.add(this.documentsChanged)
    this.disposables.add(this.activeChanged)
    this.disposables.add(this.processingChanged)
  }

  documents(): readonly OpenDocument[] {
    return this.docs
  }

  activeDocument(): OpenDocument | undefined {
    return this.active
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
    monaco.editor.setTheme(monacoThemeOf({ kind: appearance.theme, highContrast: appearance.highContrast }))
    this.editor.updateOptions({ fontSize: appearance.fontSize, fontFamily: appearance.fontFamily })
  }

  /** Opens (or focuses) the file at `path`. Rejects with the core's error if it cannot be opened. */
  async open(path: string, options: OpenOptions = {}): Promise<OpenDocument> {
    const doc = this.findByPath(path) ?? (await this.load(path))
    this.activate(doc, options)
    return doc
  }

  private load(path: string): Promise<OpenDocument> {
    const pending = this.opening.get(path)
    if (pending) return pending
    const promise = this.backend
      .call('doc.open', { path })
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
    if (this.active !== doc) {
      if (this.active) this.active.viewState = this.editor.saveViewState()
      this.active = doc
      this.editor.setModel(doc.model)
      this.editor.updateOptions({
        readOnly: doc.readonly,
        wordBasedSuggestions: doc.isLean ? 'off' : 'currentDocument',
      })
      if (doc.viewState) this.editor.restoreViewState(doc.viewState)
      this.activeChanged.fire()
    }
    if (options.selection) this.reveal(options.selection, options.cursorAtStart)
    if (!options.preserveFocus) this.editor.focus()
  }

  /** Selects an LSP range (or puts the cursor at its start) in the active document and scrolls it into view. */
  reveal(range: Range, cursorAtStart = false): void {
    const r = toMonacoRange(range)
    if (cursorAtStart) this.editor.setPosition({ lineNumber: r.startLineNumber, column: r.startColumn })
    else this.editor.setSelection(r)
    this.editor.revealRangeInCenterIfOutsideViewport(r, monaco.editor.ScrollType.Smooth)
  }

  /** Closes a tab; a dirty one asks first. Resolves false if the user cancelled or saving failed. */
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

  private remove(doc: OpenDocument): void {
    const index = this.docs.indexOf(doc)
    this.docs.splice(index, 1)
    for (const d of this.perDocument.get(doc) ?? []) d.dispose()
    this.perDocument.delete(doc)
    if (this.active === doc) {
      this.active = undefined
      const next = this.docs[Math.min(index, this.docs.length - 1)]
      if (next) this.activate(next)
      else {
        this.editor.setModel(null)
        this.activeChanged.fire()
      }
    }
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
    this.disposables.dispose()
  }
}
