// Signature help (triggered by a space, as Lean advertises) and inlay hints (auto-bound implicits; Lean asks for a
// refresh with `workspace/inlayHint/refresh` while it elaborates).
import type { Backend } from '../backend/backend'
import { LEAN_LANGUAGE_ID } from '../editor/lean-language'
import { monaco } from '../editor/monaco'
import { documentation } from './convert'
import type { InlayHint, SignatureHelp } from './lsp-types'
import { fromLspPosition, fromLspRange, toLspPosition, toLspRange } from './positions'
import type { LeanRequester } from './request'

export const INLAY_HINT_REFRESH = 'workspace/inlayHint/refresh'

function toMonacoHint(h: InlayHint): monaco.languages.InlayHint {
  const label =
    typeof h.label === 'string'
      ? h.label
      : h.label.map((part) => ({ label: part.value, tooltip: documentation(part.tooltip) }))
  return {
    label,
    position: fromLspPosition(h.position),
    kind: h.kind === 1 || h.kind === 2 ? h.kind : undefined,
    tooltip: documentation(h.tooltip),
    paddingLeft: h.paddingLeft,
    paddingRight: h.paddingRight,
    textEdits: h.textEdits?.map((e) => ({ range: fromLspRange(e.range), text: e.newText })),
  }
}

export function registerHints(req: LeanRequester, backend: Backend): monaco.IDisposable[] {
  const hintsChanged = new monaco.Emitter<void>()
  const refresh = backend.subscribe('lsp', { method: INLAY_HINT_REFRESH, direction: 'server' }, (ev) => {
    if (ev.method === INLAY_HINT_REFRESH) hintsChanged.fire()
  })
  return [
    hintsChanged,
    refresh,
    monaco.languages.registerSignatureHelpProvider(LEAN_LANGUAGE_ID, {
      signatureHelpTriggerCharacters: [' '],
      async provideSignatureHelp(model, position, token, context) {
        const help = await req.request<SignatureHelp | null>(
          model,
          'textDocument/signatureHelp',
          (uri) => ({
            textDocument: { uri },
            position: toLspPosition(position),
            context: {
              triggerKind: context.triggerKind,
              triggerCharacter: context.triggerCharacter,
              isRetrigger: context.isRetrigger,
            },
          }),
          token,
        )
        if (!help || help.signatures.length === 0) return undefined
        return {
          value: {
            signatures: help.signatures.map((s) => ({
              label: s.label,
              documentation: documentation(s.documentation),
              parameters: (s.parameters ?? []).map((p) => ({
                label: p.label,
                documentation: documentation(p.documentation),
              })),
              activeParameter: s.activeParameter,
            })),
            activeSignature: help.activeSignature ?? 0,
            activeParameter: help.activeParameter ?? 0,
          },
          dispose: () => undefined,
        }
      },
    }),
    monaco.languages.registerInlayHintsProvider(LEAN_LANGUAGE_ID, {
      displayName: 'Lean 4',
      onDidChangeInlayHints: hintsChanged.event,
      async provideInlayHints(model, range, token) {
        const hints = await req.request<InlayHint[] | null>(
          model,
          'textDocument/inlayHint',
          (uri) => ({ textDocument: { uri }, range: toLspRange(range) }),
          token,
        )
        return { hints: (hints ?? []).map(toMonacoHint), dispose: () => undefined }
      },
    }),
  ]
}
