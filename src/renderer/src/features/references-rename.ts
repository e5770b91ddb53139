// Find All References (Shift+F12 peek) and Rename Symbol (F2, with prepareRename) over Lean's own requests.
// A rename's WorkspaceEdit may span files nobody opened: open documents are edited through their models (one
// undoable step each, synced like typing); the others are written by the core atomically (workspace.applyTextEdits).
import { modelForUri } from '../editor/document-uris'
import { LEAN_LANGUAGE_ID } from '../editor/lean-language'
import { monaco } from '../editor/monaco'
import { fileUriToPath } from '../workbench/file-uri'
import { textEditsByUri } from './convert'
import type { Location, Range, TextEdit, WorkspaceEdit } from './lsp-types'
import { fromLspRange, toLspPosition } from './positions'
import type { LeanRequester } from './request'
import { resourceForLeanUri } from './targets'

type PrepareRenameResult = Range | { range: Range; placeholder: string } | { defaultBehavior: boolean } | null

/** Splits a rename's edits into Monaco edits on open models and per-file edits for the core to write. */
export function splitWorkspaceEdit(edit: WorkspaceEdit | null | undefined): {
  open: monaco.languages.IWorkspaceTextEdit[]
  closed: { path: string; edits: TextEdit[] }[]
  unreachable: string[]
} {
  const open: monaco.languages.IWorkspaceTextEdit[] = []
  const closed: { path: string; edits: TextEdit[] }[] = []
  const unreachable: string[] = []
  for (const [uri, edits] of textEditsByUri(edit ?? undefined)) {
    const model = modelForUri(uri)
    if (model) {
      for (const e of edits) open.push({ resource: model.uri, versionId: undefined, textEdit: { range: fromLspRange(e.range), text: e.newText } })
      continue
    }
    const path = fileUriToPath(uri)
    if (path) closed.push({ path, edits })
    else unreachable.push(uri)
  }
  return { open, closed, unreachable }
}

export function registerReferencesAndRename(req: LeanRequester): monaco.IDisposable[] {
  const { languages } = monaco
  return [
    languages.registerReferenceProvider(LEAN_LANGUAGE_ID, {
      async provideReferences(model, position, context, token) {
        const locations = await req.request<Location[] | null>(
          model,
          'textDocument/references',
          (uri) => ({ textDocument: { uri }, position: toLspPosition(position), context: { includeDeclaration: context.includeDeclaration } }),
          token,
        )
        return locations?.map((l) => ({ uri: resourceForLeanUri(l.uri), range: fromLspRange(l.range) }))
      },
    }),
    languages.registerRenameProvider(LEAN_LANGUAGE_ID, {
      async resolveRenameLocation(model, position, token) {
        const outcome = await req.send<PrepareRenameResult>(
          model,
          'textDocument/prepareRename',
          (uri) => ({ textDocument: { uri }, position: toLspPosition(position) }),
          token,
        )
        // No prepareRename (not offered, or failed quietly): Monaco renames the word at the cursor.
        if (!outcome.ok) return undefined
        const result = outcome.value
        const word = model.getWordAtPosition(position)
        if (result === null) {
          const range = word ? new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn) : new monaco.Range(position.lineNumber, position.column, position.lineNumber, position.column)
          return { range, text: word?.word ?? '', rejectReason: 'Lean cannot rename this.' }
        }
        if ('defaultBehavior' in result) return undefined
        const range = fromLspRange('range' in result ? result.range : result)
        const text = 'placeholder' in result ? result.placeholder : model.getValueInRange(range)
        return { range, text }
      },
      async provideRenameEdits(model, position, newName, token) {
        const outcome = await req.send<WorkspaceEdit | null>(
          model,
          'textDocument/rename',
          (uri) => ({ textDocument: { uri }, position: toLspPosition(position), newName }),
          token,
        )
        if (!outcome.ok) return { edits: [], rejectReason: 'Lean did not answer the rename.' }
        const { open, closed, unreachable } = splitWorkspaceEdit(outcome.value)
        if (unreachable.length) return { edits: [], rejectReason: `The rename edits files Lectern cannot write: ${unreachable.join(', ')}` }
        // Files on disk first: if one cannot be written, the open buffers stay as they were.
        for (const file of closed) {
          try {
            await req.backend.call('workspace.applyTextEdits', file)
          } catch (err) {
            return { edits: [], rejectReason: `Renaming in ${file.path} failed: ${err instanceof Error ? err.message : String(err)}` }
          }
        }
        return { edits: open }
      },
    }),
  ]
}
