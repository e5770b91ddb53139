// Lean's folds (`textDocument/foldingRange`) for Monaco. Lean answers only once the whole file is elaborated
// (its handler waits for every command's snapshot), so while Lean works each edit cancels the request before
// it. Monaco falls back to indentation folds whenever a provider gives nothing, and on a cancelled request it
// computes them anyway, for the whole file, only to throw them away: a cancelled request therefore never
// settles here. No Monaco value import: node:test drives it with a fake backend.
import type { monaco } from '../editor/monaco'
import type { FoldingRange } from './lsp-types'
import type { CancellationTokenLike, LeanRequester } from './request'

/** Monaco's folding range without its kind class (the caller maps `kind`). */
export interface LeanFold {
  start: number
  end: number
  kind?: string
}

export async function leanFoldingRanges(
  req: LeanRequester,
  model: monaco.editor.ITextModel,
  token: CancellationTokenLike,
): Promise<LeanFold[] | undefined> {
  const result = await req.request<FoldingRange[] | null>(model, 'textDocument/foldingRange', (uri) => ({ textDocument: { uri } }), token)
  // Monaco has dropped this request already (its own promise rejected on cancel); nothing holds this one.
  if (token.isCancellationRequested) return new Promise<never>(() => undefined)
  return result?.filter((r) => r.endLine > r.startLine).map((r) => ({ start: r.startLine + 1, end: r.endLine + 1, kind: r.kind }))
}
