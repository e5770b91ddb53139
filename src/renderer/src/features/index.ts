// Lean editor features on Monaco, all over `lean.request` (the core forwards to the Lean server owning the uri).
//
// Wiring (workbench):
//   registerLeanLanguage()                         // editor/lean-language.ts, before creating Lean models
//   const features = registerLeanFeatures(backend)  // once; dispose on shutdown; features.requester for others
//   setDocumentOpener(async (uri, range) => { … open `uri` (doc.open by path), reveal `range`; return true })
//   editor option 'semanticHighlighting.enabled': true, theme 'vs' or 'vs-dark' (Lean rules are added to both)
//
// setDocumentOpener: Monaco calls it for go-to-definition targets that are not the editor's current model: another
// open tab, or a file not open yet (e.g. a toolchain or .lake dependency source, which the core serves read-only
// through doc.open). `uri` is the core uri as the server sent it; `range` is the LSP range to select. Resolve
// true when the document was shown, false to let Monaco do nothing. Peek Definition only works for targets that
// already have a model (Monaco's standalone model service resolves no others).
import type { Backend, Disposable } from '../backend/backend'
import { registerCodeActions } from './code-actions'
import { registerCompletion } from './completion'
import { registerHints } from './hints'
import { registerHover } from './hover'
import { registerNavigation } from './navigation'
import { LeanRequester } from './request'
import { registerSemanticTokens } from './semantic-tokens'
import { ServerInfo } from './server-info'
import { registerReferencesAndRename } from './references-rename'
import { registerSymbols } from './symbols'

export { setDocumentOpener, type DocumentOpener } from './navigation'

export interface LeanFeatures extends Disposable {
  /** Asks the owning server, and only for what its capabilities offer. */
  readonly requester: LeanRequester
}

export function registerLeanFeatures(backend: Backend): LeanFeatures {
  const info = new ServerInfo(backend)
  const req = new LeanRequester(backend, undefined, (uri) => info.capabilities(uri))
  const disposables: Disposable[] = [
    info,
    registerHover(req),
    registerCompletion(req),
    ...registerNavigation(req),
    ...registerReferencesAndRename(req),
    ...registerSymbols(req),
    ...registerSemanticTokens(req, info, backend),
    ...registerHints(req, backend),
    registerCodeActions(req),
  ]
  return {
    requester: req,
    dispose() {
      for (const d of disposables.splice(0).reverse()) d.dispose()
    },
  }
}
