// EditorApi.insertText and applyEdit on Monaco. Only Monaco *types* are imported, so this runs under node:test
// with fake editors and models.
import { sameFileUri } from '../../../shared/uri-key'
import type { monaco } from '../editor/monaco'
import type { Position, Range } from '../../../shared/lsp'
import { toLspPosition, toMonacoRange } from '../editor/position'
import type { TextInsertKind } from './protocol'

type Editor = monaco.editor.ICodeEditor
type Model = monaco.editor.ITextModel

export interface EditTargets {
  /** The focused Lean editor and its core uri. */
  activeEditor(): { editor: Editor; uri: string } | undefined
  /** The open model of a core uri (any editor or none). */
  modelForUri(uri: string): Model | undefined
}

interface LspTextEdit {
  range: Range
  newText: string
}

const SOURCE = 'lean4.infoview'

function where(targets: EditTargets, uri: string | undefined): { editor?: Editor; model: Model; uri: string } {
  const active = targets.activeEditor()
  if (active && (uri === undefined || sameFileUri(uri, active.uri))) {
    const model = active.editor.getModel()
    if (model) return { editor: active.editor, model, uri: active.uri }
  }
  if (uri === undefined) throw new Error('There is no Lean editor to insert into.')
  const model = targets.modelForUri(uri)
  if (!model) throw new Error(`${uri} is not open in an editor.`)
  return { model, uri }
}

function apply(target: { editor?: Editor; model: Model; uri: string }, edits: LspTextEdit[]): void {
  const ops = edits.map((e) => ({ range: toMonacoRange(e.range), text: e.newText, forceMoveMarkers: true }))
  if (target.editor) {
    target.editor.pushUndoStop()
    const ok = target.editor.executeEdits(SOURCE, ops)
    target.editor.pushUndoStop()
    if (ok === false) throw new Error(`${target.uri} is read-only.`)
    return
  }
  target.model.pushStackElement()
  target.model.pushEditOperations(null, ops, () => null)
  target.model.pushStackElement()
}

/** The text to write on a new line above `line`: each line indented like the line it goes above. */
export function textAbove(text: string, currentLine: string): string {
  const indent = /^[ \t]*/.exec(currentLine)?.[0] ?? ''
  return indent + text.replace(/\r?\n/g, `\n${indent}`) + '\n'
}

export function insertText(
  targets: EditTargets,
  text: string,
  kind: TextInsertKind,
  pos?: { textDocument: { uri: string }; position: Position },
): void {
  const target = where(targets, pos?.textDocument.uri)
  let at: Position
  if (pos) at = pos.position
  else {
    const cursor = target.editor?.getPosition()
    if (!cursor) throw new Error('There is no cursor to insert at.')
    at = toLspPosition(cursor)
  }
  const lineCount = target.model.getLineCount()
  const line = Math.max(0, Math.min(at.line, lineCount - 1))
  if (kind === 'above') {
    const current = target.model.getLineContent(line + 1)
    const start = { line, character: 0 }
    apply(target, [{ range: { start, end: start }, newText: textAbove(text, current) }])
  } else {
    const start = { line, character: Math.max(0, at.character) }
    apply(target, [{ range: { start, end: start }, newText: text }])
  }
}

interface WorkspaceEditLike {
  changes?: Record<string, LspTextEdit[]>
  documentChanges?: unknown[]
}

/** Text edits on open documents only: file creation, renames and deletions are refused. */
export function applyWorkspaceEdit(targets: EditTargets, edit: WorkspaceEditLike): void {
  const byUri = new Map<string, LspTextEdit[]>()
  const add = (uri: unknown, edits: unknown): void => {
    if (typeof uri !== 'string' || !Array.isArray(edits)) throw new Error('Malformed workspace edit.')
    const list = byUri.get(uri) ?? []
    for (const e of edits as LspTextEdit[]) {
      if (!e || typeof e.newText !== 'string' || !e.range) throw new Error('Malformed text edit.')
      list.push({ range: e.range, newText: e.newText })
    }
    byUri.set(uri, list)
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) add(uri, edits)
  for (const change of edit.documentChanges ?? []) {
    const c = change as { kind?: string; textDocument?: { uri?: unknown }; edits?: unknown }
    if (c.kind !== undefined || !c.textDocument) throw new Error('Only text edits can be applied from the infoview.')
    add(c.textDocument.uri, c.edits)
  }
  // Resolve every target first, so nothing is applied when one document is not open.
  const targetsByUri = [...byUri.keys()].map((uri) => where(targets, uri))
  targetsByUri.forEach((target, i) => apply(target, [...byUri.values()][i]))
}
