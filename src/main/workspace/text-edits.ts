// Edits for files that are not open in an editor (a rename's WorkspaceEdit spans files nobody opened): read,
// apply the LSP TextEdits, write atomically. Open documents are edited in their editor (undoable), never here,
// unless the document is clean, when the disk write reloads it as any outside change does.
import type { TextEdit } from '../../shared/lsp'
import { LecternErrorCodes } from '../../shared/api'
import { applyTextEdits } from '../../shared/text'
import type { DocumentStore } from '../lean/documents'
import { ApiError, errorMessage } from '../util/errors'
import { pathToUri } from '../util/uri'
import { readText, writeAtomic } from './files'
import type { PathPolicy } from './paths'
import { INVALID_PARAMS } from '../api/validate'

export async function editFileOnDisk(
  policy: PathPolicy,
  documents: DocumentStore,
  path: string,
  edits: unknown,
): Promise<{ mtimeMs: number }> {
  if (!Array.isArray(edits)) throw new ApiError(INVALID_PARAMS, "'edits' must be an array of text edits")
  const { path: target } = policy.check(path, { write: true })
  const open = documents.get(pathToUri(target))
  if (open && documents.isDirty(open)) {
    throw new ApiError(LecternErrorCodes.UnsavedChanges, `${path} has unsaved changes: edit it in its editor.`)
  }
  const { text } = await readText(target).catch((err: unknown) => {
    throw new ApiError(LecternErrorCodes.NotFound, `${path} cannot be read: ${errorMessage(err)}`)
  })
  let next: string
  try {
    next = applyTextEdits(text, edits as TextEdit[])
  } catch (err) {
    throw new ApiError(INVALID_PARAMS, `${errorMessage(err)} (${path})`)
  }
  return { mtimeMs: await writeAtomic(target, next) }
}
