// The core's authoritative text of every open document (DESIGN §2). The renderer sends edits; the Lean
// server, backups and saves all read from here. Versions only ever increase for a uri, even across
// close/reopen and server restarts, because Lean drops output for versions it has seen superseded.
import { LecternErrorCodes } from '../../shared/api'
import type { TextChange } from '../../shared/lsp'
import { Emitter } from '../util/disposable'
import { ApiError } from '../util/errors'
import { DocumentText } from './document-text'

export interface OpenDocument {
  uri: string
  path: string
  text: string
  version: number
  /** Text as last read from or written to disk. */
  diskText: string
  /** mtime of the disk file when it was last read or written (for conflict detection). */
  diskMtimeMs: number
  readonly: boolean
  languageId: string
}

export interface DocumentChange {
  doc: OpenDocument
  changes: TextChange[]
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>()
  /** Highest version ever issued per uri, kept after close so a reopen continues above it. */
  private readonly lastVersion = new Map<string, number>()
  private readonly contents = new Map<string, DocumentText>()
  readonly onDidOpen = new Emitter<OpenDocument>()
  readonly onDidChange = new Emitter<DocumentChange>()
  readonly onDidClose = new Emitter<OpenDocument>()

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri)
  }

  all(): OpenDocument[] {
    return [...this.docs.values()]
  }

  open(init: Omit<OpenDocument, 'version'>): OpenDocument {
    const existing = this.docs.get(init.uri)
    if (existing) return existing
    // The text lives in a DocumentText (edits in O(log n)); `doc.text` joins it only when read.
    const content = new DocumentText(init.text)
    const doc: OpenDocument = {
      ...init,
      get text() {
        return content.text
      },
      set text(text: string) {
        content.apply([{ text }])
      },
      version: this.bumpVersion(init.uri),
    }
    this.contents.set(doc.uri, content)
    this.docs.set(doc.uri, doc)
    this.onDidOpen.fire(doc)
    return doc
  }

  /** Applies edits; returns the new version. An empty change list changes nothing (Lean ignores those). */
  change(uri: string, changes: TextChange[]): OpenDocument {
    const doc = this.require(uri)
    if (changes.length === 0) return doc
    this.contents.get(uri)?.apply(changes)
    doc.version = this.bumpVersion(uri)
    this.onDidChange.fire({ doc, changes })
    return doc
  }

  /** A fresh version for a reopen (Restart File, server restart) without a text change. */
  nextVersion(uri: string): number {
    const doc = this.require(uri)
    doc.version = this.bumpVersion(uri)
    return doc.version
  }

  close(uri: string): void {
    const doc = this.docs.get(uri)
    if (!doc) return
    this.docs.delete(uri)
    this.contents.delete(uri)
    this.onDidClose.fire(doc)
  }

  isDirty(doc: OpenDocument): boolean {
    return doc.text !== doc.diskText
  }

  require(uri: string): OpenDocument {
    const doc = this.docs.get(uri)
    // A client's mistake (an edit for a closed tab, say): a clear NotFound, not an internal error.
    if (!doc) throw new ApiError(LecternErrorCodes.NotFound, `Document is not open: ${uri}`)
    return doc
  }

  private bumpVersion(uri: string): number {
    const v = (this.lastVersion.get(uri) ?? 0) + 1
    this.lastVersion.set(uri, v)
    return v
  }
}
