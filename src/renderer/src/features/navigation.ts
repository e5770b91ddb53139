// Go to definition / declaration / type definition, and the editor opener that lets Monaco jump into documents
// that are not the one in the editor (another tab, or a toolchain / dependency source the core serves read-only).
import type { Range as LspRange } from '../../../shared/lsp'
import { LEAN_LANGUAGE_ID } from '../editor/lean-language'
import { monaco } from '../editor/monaco'
import { targetLocations } from './convert'
import type { DefinitionResult } from './lsp-types'
import { fromLspRange, lspRangeOfSelection, toLspPosition } from './positions'
import type { LeanRequester } from './request'
import { leanUriForResource, resourceForLeanUri } from './targets'

/** Opens `uri` (a core document uri) in the workbench and reveals `range`; resolves true if it did. */
export type DocumentOpener = (uri: string, range?: LspRange) => Promise<boolean>

let documentOpener: DocumentOpener | undefined

export function setDocumentOpener(opener: DocumentOpener | undefined): void {
  documentOpener = opener
}

async function locate(
  req: LeanRequester,
  method: string,
  model: monaco.editor.ITextModel,
  position: monaco.Position,
  token: monaco.CancellationToken,
): Promise<monaco.languages.LocationLink[] | undefined> {
  const result = await req.request<DefinitionResult>(
    model,
    method,
    (uri) => ({ textDocument: { uri }, position: toLspPosition(position) }),
    token,
  )
  const targets = targetLocations(result)
  if (targets.length === 0) return undefined
  return targets.map((t) => ({
    uri: resourceForLeanUri(t.uri),
    range: fromLspRange(t.range),
    targetSelectionRange: fromLspRange(t.selectionRange),
    originSelectionRange: t.originSelectionRange ? fromLspRange(t.originSelectionRange) : undefined,
  }))
}

export function registerNavigation(req: LeanRequester): monaco.IDisposable[] {
  const { languages } = monaco
  return [
    languages.registerDefinitionProvider(LEAN_LANGUAGE_ID, {
      provideDefinition: (model, position, token) => locate(req, 'textDocument/definition', model, position, token),
    }),
    languages.registerDeclarationProvider(LEAN_LANGUAGE_ID, {
      provideDeclaration: (model, position, token) => locate(req, 'textDocument/declaration', model, position, token),
    }),
    languages.registerTypeDefinitionProvider(LEAN_LANGUAGE_ID, {
      provideTypeDefinition: (model, position, token) =>
        locate(req, 'textDocument/typeDefinition', model, position, token),
    }),
    // Monaco handles a target in the editor's own model itself; everything else comes here.
    monaco.editor.registerEditorOpener({
      async openCodeEditor(_source, resource, selectionOrPosition) {
        if (!documentOpener) return false
        try {
          return await documentOpener(leanUriForResource(resource), lspRangeOfSelection(selectionOrPosition))
        } catch (err) {
          console.warn('Could not open the definition target:', err)
          return false
        }
      },
    }),
  ]
}
