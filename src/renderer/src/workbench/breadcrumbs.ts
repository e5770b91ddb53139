// The breadcrumbs bar above the editor, like VS Code's: the active file's name, then the chain of the Lean
// server's document symbols enclosing the cursor (namespace › declaration), each clickable to jump to it.
// Symbols are asked for once per model version (after edits settle, or when processing ends), never on cursor
// moves; a failed request keeps the last good symbols. Nothing here throws into the workbench.
import type { EditorGroup } from '../editor/editor-group'
import { monaco } from '../editor/monaco'
import { toLspPosition } from '../editor/position'
import { LeanRequester } from '../features/request'
import '../styles/breadcrumbs.css'
import { type BreadcrumbSymbol, type ServerSymbol, symbolIconName, symbolPathAt } from './breadcrumb-path'
import { DisposableStore, listen, toDisposable, type Disposable } from './disposables'
import { h, icon } from './dom'

type Model = monaco.editor.ITextModel

const CURSOR_DELAY_MS = 150
const SYMBOLS_DELAY_MS = 500

export class Breadcrumbs implements Disposable {
  private readonly disposables = new DisposableStore()
  /** The last good symbols of each model, with the model version they describe. */
  private readonly cache = new WeakMap<Model, { version: number; symbols: readonly ServerSymbol[] }>()
  private inflight: { model: Model; version: number; source: monaco.CancellationTokenSource } | undefined
  private cursorTimer: ReturnType<typeof setTimeout> | undefined
  private symbolsTimer: ReturnType<typeof setTimeout> | undefined
  /** What is on screen: the model and the crumbs a click refers to, and a key to skip identical renders. */
  private shown: { model: Model | null; path: BreadcrumbSymbol[]; key: string } = { model: null, path: [], key: '' }
  private disposed = false

  constructor(
    private readonly container: HTMLElement,
    private readonly group: EditorGroup,
    private readonly requester: LeanRequester,
  ) {
    const d = this.disposables
    d.add(group.onDidChangeActive(() => this.onActiveChanged()))
    // Only the focused group's editor moves the crumbs.
    d.add(
      group.forEachEditor((editor) => {
        const subs = [
          editor.onDidChangeCursorPosition(() => editor === group.editor && this.scheduleRender()),
          editor.onDidChangeModelContent(() => editor === group.editor && this.scheduleSymbols()),
        ]
        return { dispose: () => subs.forEach((s) => s.dispose()) }
      }),
    )
    d.add(
      group.onDidChangeProcessing(() => {
        // Processing finished: the server's symbols may be new (or the last request failed while it started).
        const doc = group.activeDocument()
        if (doc?.isLean && !doc.isProcessing && !this.isFresh(doc.model)) this.scheduleSymbols()
      }),
    )
    d.add(listen(container, 'click', (ev) => this.onClick(ev)))
    d.add(
      toDisposable(() => {
        this.disposed = true
        clearTimeout(this.cursorTimer)
        clearTimeout(this.symbolsTimer)
        this.inflight?.source.cancel()
        this.inflight?.source.dispose()
        this.inflight = undefined
        container.replaceChildren()
      }),
    )
    this.onActiveChanged()
  }

  private onActiveChanged(): void {
    clearTimeout(this.cursorTimer)
    this.render()
    const doc = this.group.activeDocument()
    if (doc?.isLean && !this.isFresh(doc.model)) void this.fetchSymbols(doc.model)
  }

  private isFresh(model: Model): boolean {
    return this.cache.get(model)?.version === model.getVersionId()
  }

  private scheduleRender(): void {
    clearTimeout(this.cursorTimer)
    this.cursorTimer = setTimeout(() => this.render(), CURSOR_DELAY_MS)
  }

  private scheduleSymbols(): void {
    clearTimeout(this.symbolsTimer)
    this.symbolsTimer = setTimeout(() => {
      const doc = this.group.activeDocument()
      if (doc?.isLean && !this.isFresh(doc.model)) void this.fetchSymbols(doc.model)
    }, SYMBOLS_DELAY_MS)
  }

  private async fetchSymbols(model: Model): Promise<void> {
    const version = model.getVersionId()
    if (this.inflight?.model === model && this.inflight.version === version) return
    if (this.inflight?.model === model) this.inflight.source.cancel()
    const source = new monaco.CancellationTokenSource()
    const request = { model, version, source }
    this.inflight = request
    try {
      const outcome = await this.requester.send<ServerSymbol[] | null>(
        model,
        'textDocument/documentSymbol',
        (uri) => ({ textDocument: { uri } }),
        source.token,
      )
      if (this.disposed || !outcome.ok || model.isDisposed()) return
      const previous = this.cache.get(model)
      if (previous && previous.version > version) return // a newer answer got here first
      this.cache.set(model, { version, symbols: Array.isArray(outcome.value) ? outcome.value : [] })
      if (this.group.editor.getModel() === model) this.render()
    } catch (err) {
      console.warn('Breadcrumbs: document symbols failed', err)
    } finally {
      if (this.inflight === request) this.inflight = undefined
      source.dispose()
    }
  }

  private render(): void {
    if (this.disposed) return
    try {
      const doc = this.group.activeDocument()
      const model = this.group.editor.getModel()
      if (!doc || !model || doc.model !== model) {
        this.show(null, [], '', [])
        return
      }
      const position = this.group.editor.getPosition()
      const symbols = doc.isLean ? this.cache.get(model)?.symbols : undefined
      const path = position ? symbolPathAt(symbols, toLspPosition(position)) : []
      const key = JSON.stringify([doc.uri, doc.name, path])
      if (this.shown.model === model && this.shown.key === key) return
      const parts: Node[] = [
        h('span', { class: 'lx-crumb lx-crumb-file', title: doc.path }, [
          icon('file', 'lx-crumb-icon'),
          h('span', { class: 'lx-crumb-label', text: doc.name }),
        ]),
      ]
      path.forEach((s, index) => {
        parts.push(icon('chevron-right', 'lx-crumb-separator'))
        parts.push(
          h('button', { class: 'lx-crumb lx-crumb-symbol', title: s.name, attrs: { type: 'button', 'data-index': String(index) } }, [
            icon(symbolIconName(s.kind), 'lx-crumb-icon'),
            h('span', { class: 'lx-crumb-label', text: s.name }),
          ]),
        )
      })
      this.show(model, path, key, parts)
    } catch (err) {
      console.warn('Breadcrumbs: render failed', err)
    }
  }

  private show(model: Model | null, path: BreadcrumbSymbol[], key: string, parts: Node[]): void {
    this.shown = { model, path, key }
    this.container.replaceChildren(...parts)
  }

  private onClick(ev: MouseEvent): void {
    const button = (ev.target as HTMLElement | null)?.closest<HTMLElement>('.lx-crumb-symbol')
    const symbol = button ? this.shown.path[Number(button.dataset.index)] : undefined
    if (!symbol || this.shown.model !== this.group.editor.getModel()) return
    this.group.reveal(symbol.selectionRange, true)
    this.group.editor.focus()
  }

  dispose(): void {
    this.disposables.dispose()
  }
}
