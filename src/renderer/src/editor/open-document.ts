// One open file in the workbench: its Monaco model bound to the core uri, the sync with the core, and the
// presenters of its diagnostics and processing progress. Disposing it releases all of them (the caller tells
// the core with `doc.close`).
import type { OpenedDocument } from '../../../shared/api'
import { DiagnosticsParts } from '../../../shared/diagnostics-parts'
import type { Backend, Disposable } from '../backend/backend'
import { type DiagnosticsStore } from '../workbench/diagnostics-store'
import { DisposableStore, Emitter } from '../workbench/disposables'
import { bindModelToUri } from './document-uris'
import { DocumentSync } from './document-sync'
import { LEAN_LANGUAGE_ID } from './lean-language'
import { ModelDiagnostics } from './markers'
import type { GutterIcons } from './gutter-icons'
import { monaco } from './monaco'
import { ModelProgress } from './progress-gutter'

/** Diagnostics per message: 500 parse in a few ms, where 5,000 in one message took a long task. */
const DIAGNOSTICS_CHUNK = 500

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  md: 'markdown',
  toml: 'ini',
  json: 'json',
  yml: 'yaml',
  yaml: 'yaml',
  sh: 'shell',
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

export function languageForPath(path: string): string {
  const ext = baseName(path).split('.').pop()?.toLowerCase() ?? ''
  if (ext === 'lean') return LEAN_LANGUAGE_ID
  const id = LANGUAGE_BY_EXTENSION[ext]
  if (id && monaco.languages.getLanguages().some((l) => l.id === id)) return id
  return 'plaintext'
}

export class OpenDocument implements Disposable {
  readonly uri: string
  readonly path: string
  readonly name: string
  readonly isLean: boolean
  readonly restoredFromBackup: boolean
  readonly model: monaco.editor.ITextModel
  readonly sync: DocumentSync
  private readonly diagnosticsView: ModelDiagnostics
  private readonly progressView: ModelProgress
  private readonly disposables = new DisposableStore()
  private readonly processingChanged = new Emitter<void>()
  readonly onDidChangeProcessing = this.processingChanged.event
  /** Lean's message when this file's worker crashed and has not been restarted yet (an edit or Restart File does). */
  workerCrash: string | undefined

  constructor(backend: Backend, opened: OpenedDocument, diagnostics: DiagnosticsStore) {
    this.uri = opened.uri
    this.path = opened.path
    this.name = baseName(opened.path)
    this.restoredFromBackup = opened.restoredFromBackup === true
    const language = languageForPath(opened.path)
    this.isLean = language === LEAN_LANGUAGE_ID
    this.model = monaco.editor.createModel(opened.text, language, monaco.Uri.parse(opened.uri))
    this.model.updateOptions({ tabSize: 2, indentSize: 2, insertSpaces: true, trimAutoWhitespace: true })
    bindModelToUri(this.model, opened.uri)
    this.sync = this.disposables.add(new DocumentSync(backend, this.model, opened))
    this.diagnosticsView = this.disposables.add(new ModelDiagnostics(this.model))
    this.progressView = this.disposables.add(new ModelProgress(this.model))

    const uri = this.uri
    this.disposables.add(
      diagnostics.onDidChange((changed) => {
        if (changed === uri) this.diagnosticsView.update(diagnostics.get(uri))
      }),
    )
    // Long lists come in slices (one message each, so no single task parses megabytes), joined here.
    const parts = new DiagnosticsParts()
    this.disposables.add(
      backend.subscribe('diagnostics', { uri, chunk: DIAGNOSTICS_CHUNK }, (ev) => {
        const whole = ev.uri === uri ? parts.accept(ev) : undefined
        if (whole) diagnostics.set(uri, whole.diagnostics, whole.version)
      }),
    )
    this.disposables.add(
      backend.subscribe('progress', { uri }, (ev) => {
        if (ev.uri !== uri) return
        const was = this.progressView.isProcessing
        const crashWas = this.workerCrash
        this.workerCrash = ev.workerCrash
        this.progressView.update(ev.processing)
        if (was !== this.progressView.isProcessing || crashWas !== this.workerCrash) this.processingChanged.fire()
      }),
    )
    this.disposables.add({ dispose: () => diagnostics.delete(uri) })
    this.disposables.add(this.processingChanged)
  }

  /** Its gutter icons, drawn for the lines the editors report they show. */
  get gutter(): GutterIcons {
    return this.diagnosticsView.gutter
  }

  get isProcessing(): boolean {
    return this.progressView.isProcessing
  }

  get dirty(): boolean {
    return this.sync.dirty
  }

  get readonly(): boolean {
    return this.sync.readonly
  }

  dispose(): void {
    this.disposables.dispose()
    this.model.dispose()
  }
}
