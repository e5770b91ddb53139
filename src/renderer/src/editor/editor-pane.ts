// One editor group of a split: its own Monaco editor, its own tabs (a subset of the open documents, in order),
// the one it shows and the view state (scroll, cursor, folds) of each of its tabs. Documents and their models are
// shared with the other group: two views of one file edit the same model.
import type { Disposable } from '../backend/backend'
import { monaco } from './monaco'
import type { OpenDocument } from './open-document'
import { monacoThemeOf } from '../workbench/features/theme/color-theme'

export interface EditorAppearance {
  theme: 'dark' | 'light'
  highContrast: boolean
  fontSize: number
  fontFamily: string
}

/** The DOM of one group: the element placed in the editor area, its tab strip and the editor's container. */
export interface EditorPaneElements {
  element: HTMLElement
  tabs: HTMLElement
  editor: HTMLElement
}

function createEditor(container: HTMLElement, appearance: EditorAppearance): monaco.editor.IStandaloneCodeEditor {
  return monaco.editor.create(container, {
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
}

export class EditorPane implements Disposable {
  readonly editor: monaco.editor.IStandaloneCodeEditor
  private readonly tabList: OpenDocument[] = []
  private shown: OpenDocument | undefined
  private readonly viewStates = new Map<OpenDocument, monaco.editor.ICodeEditorViewState | null>()

  constructor(
    readonly elements: EditorPaneElements,
    appearance: EditorAppearance,
  ) {
    this.editor = createEditor(elements.editor, appearance)
  }

  get tabs(): readonly OpenDocument[] {
    return this.tabList
  }

  get active(): OpenDocument | undefined {
    return this.shown
  }

  has(doc: OpenDocument): boolean {
    return this.tabList.includes(doc)
  }

  /** Adds a tab right after the shown one (or at the end). */
  add(doc: OpenDocument): void {
    if (this.has(doc)) return
    const at = this.shown ? this.tabList.indexOf(this.shown) + 1 : this.tabList.length
    this.tabList.splice(at, 0, doc)
  }

  /** Adds a tab at the end, wherever the shown one is. */
  append(doc: OpenDocument): void {
    if (!this.has(doc)) this.tabList.push(doc)
  }

  /** Shows one of its tabs in the editor, keeping the view state of the one it leaves. */
  show(doc: OpenDocument): void {
    this.add(doc)
    if (this.shown === doc) return
    if (this.shown) this.viewStates.set(this.shown, this.editor.saveViewState())
    this.shown = doc
    this.editor.setModel(doc.model)
    this.editor.updateOptions({ readOnly: doc.readonly, wordBasedSuggestions: doc.isLean ? 'off' : 'currentDocument' })
    const state = this.viewStates.get(doc)
    if (state) this.editor.restoreViewState(state)
  }

  /** Drops a tab; the neighbour takes its place. Returns false when the group has no tabs left. */
  remove(doc: OpenDocument): boolean {
    const index = this.tabList.indexOf(doc)
    if (index < 0) return this.tabList.length > 0
    this.tabList.splice(index, 1)
    this.viewStates.delete(doc)
    if (this.shown === doc) {
      this.shown = undefined
      const next = this.tabList[Math.min(index, this.tabList.length - 1)]
      if (next) this.show(next)
      else this.editor.setModel(null)
    }
    return this.tabList.length > 0
  }

  dispose(): void {
    this.editor.setModel(null)
    this.editor.dispose()
  }
}
