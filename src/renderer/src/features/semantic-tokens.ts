// textDocument/semanticTokens/full and /range. The provider declares Lean's legend and re-encodes tokens from a
// server whose legend differs (semantic-legend.ts). The server asks for a refresh while it elaborates
// (`workspace/semanticTokens/refresh`, published by the core on the `lsp` channel): Monaco then asks again.
// A failed or cancelled request throws Monaco's "Canceled" error, which keeps the tokens already shown.
import type { Backend } from '../backend/backend'
import { leanUriOf } from '../editor/document-uris'
import { LEAN_LANGUAGE_ID } from '../editor/lean-language'
import { monaco } from '../editor/monaco'
import type { SemanticTokens } from './lsp-types'
import { toLspRange } from './positions'
import { cancellationError, type LeanRequester } from './request'
import { LEAN_SEMANTIC_LEGEND, legendOfInitializeResult, remapSemanticTokens } from './semantic-legend'
import type { ServerInfo } from './server-info'

export const SEMANTIC_TOKENS_REFRESH = 'workspace/semanticTokens/refresh'

export function registerSemanticTokens(req: LeanRequester, info: ServerInfo, backend: Backend): monaco.IDisposable[] {
  const changed = new monaco.Emitter<void>()
  const refresh = backend.subscribe('lsp', { method: SEMANTIC_TOKENS_REFRESH, direction: 'server' }, (ev) => {
    if (ev.method === SEMANTIC_TOKENS_REFRESH) changed.fire()
  })

  async function fetch(
    model: monaco.editor.ITextModel,
    method: string,
    params: (uri: string) => unknown,
    token: monaco.CancellationToken,
  ): Promise<monaco.languages.SemanticTokens | null> {
    const uri = leanUriOf(model)
    if (uri === undefined) return null
    const [outcome, initializeResult] = await Promise.all([
      req.send<SemanticTokens | null>(model, method, params, token),
      info.initializeResult(uri),
    ])
    if (!outcome.ok) throw cancellationError()
    if (!outcome.value) return null
    const legend = legendOfInitializeResult(initializeResult) ?? LEAN_SEMANTIC_LEGEND
    return { resultId: outcome.value.resultId, data: remapSemanticTokens(outcome.value.data ?? [], legend) }
  }

  return [
    changed,
    refresh,
    monaco.languages.registerDocumentSemanticTokensProvider(LEAN_LANGUAGE_ID, {
      onDidChange: changed.event,
      getLegend: () => LEAN_SEMANTIC_LEGEND,
      provideDocumentSemanticTokens: (model, _lastResultId, token) =>
        fetch(model, 'textDocument/semanticTokens/full', (uri) => ({ textDocument: { uri } }), token),
      releaseDocumentSemanticTokens: () => undefined,
    }),
    monaco.languages.registerDocumentRangeSemanticTokensProvider(LEAN_LANGUAGE_ID, {
      onDidChange: changed.event,
      getLegend: () => LEAN_SEMANTIC_LEGEND,
      provideDocumentRangeSemanticTokens: (model, range, token) =>
        fetch(
          model,
          'textDocument/semanticTokens/range',
          (uri) => ({ textDocument: { uri }, range: toLspRange(range) }),
          token,
        ),
    }),
  ]
}
