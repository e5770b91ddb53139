// textDocument/hover → Monaco hover. Lean answers markdown whose ```lean fences Monaco highlights with our
// grammar (the language is registered with the alias `lean`).
import { LEAN_LANGUAGE_ID } from '../editor/lean-language'
import { monaco } from '../editor/monaco'
import { hoverContents } from './convert'
import type { Hover } from './lsp-types'
import { fromLspRange, toLspPosition } from './positions'
import type { LeanRequester } from './request'

export function registerHover(req: LeanRequester): monaco.IDisposable {
  return monaco.languages.registerHoverProvider(LEAN_LANGUAGE_ID, {
    async provideHover(model, position, token) {
      const hover = await req.request<Hover | null>(
        model,
        'textDocument/hover',
        (uri) => ({ textDocument: { uri }, position: toLspPosition(position) }),
        token,
      )
      if (!hover) return undefined
      const contents = hoverContents(hover.contents)
      if (contents.length === 0) return undefined
      return { contents, range: hover.range ? fromLspRange(hover.range) : undefined }
    },
  })
}
