// Document structure: symbols (outline, breadcrumbs, Go to Symbol), occurrence highlights, folding ranges and
// smart-select ranges.
import { LEAN_LANGUAGE_ID } from '../editor/lean-language'
import { monaco } from '../editor/monaco'
import { highlightKind, isDeprecated, selectionRangeChain, symbolKindName } from './convert'
import { leanFoldingRanges } from './folding-ranges'
import type { DocumentHighlight, DocumentSymbol, SelectionRange, SymbolInformation } from './lsp-types'
import { fromLspRange, toLspPosition } from './positions'
import type { LeanRequester } from './request'

type MonacoSymbol = monaco.languages.DocumentSymbol

function toMonacoSymbol(s: DocumentSymbol): MonacoSymbol {
  const range = monaco.Range.lift(fromLspRange(s.range))
  const selection = monaco.Range.lift(fromLspRange(s.selectionRange))
  return {
    name: s.name,
    detail: s.detail ?? '',
    kind: monaco.languages.SymbolKind[symbolKindName(s.kind)],
    tags: isDeprecated(s) ? [monaco.languages.SymbolTag.Deprecated] : [],
    range,
    // Monaco's outline expects the selection inside the full range.
    selectionRange: range.containsRange(selection) ? selection : range,
    children: s.children?.map(toMonacoSymbol),
  }
}

function fromSymbolInformation(s: SymbolInformation): MonacoSymbol {
  const range = fromLspRange(s.location.range)
  return {
    name: s.name,
    detail: '',
    kind: monaco.languages.SymbolKind[symbolKindName(s.kind)],
    tags: isDeprecated(s) ? [monaco.languages.SymbolTag.Deprecated] : [],
    containerName: s.containerName,
    range,
    selectionRange: range,
  }
}

export function registerSymbols(req: LeanRequester): monaco.IDisposable[] {
  const { languages } = monaco
  return [
    languages.registerDocumentSymbolProvider(LEAN_LANGUAGE_ID, {
      displayName: 'Lean 4',
      async provideDocumentSymbols(model, token) {
        const result = await req.request<(DocumentSymbol | SymbolInformation)[] | null>(
          model,
          'textDocument/documentSymbol',
          (uri) => ({ textDocument: { uri } }),
          token,
        )
        if (!result) return undefined
        return result.map((s) => ('location' in s ? fromSymbolInformation(s) : toMonacoSymbol(s)))
      },
    }),
    languages.registerDocumentHighlightProvider(LEAN_LANGUAGE_ID, {
      async provideDocumentHighlights(model, position, token) {
        const result = await req.request<DocumentHighlight[] | null>(
          model,
          'textDocument/documentHighlight',
          (uri) => ({ textDocument: { uri }, position: toLspPosition(position) }),
          token,
        )
        return result?.map((h) => ({ range: fromLspRange(h.range), kind: highlightKind(h.kind) }))
      },
    }),
    languages.registerFoldingRangeProvider(LEAN_LANGUAGE_ID, {
      async provideFoldingRanges(model, _context, token) {
        const folds = await leanFoldingRanges(req, model, token)
        return folds?.map((f) => ({ ...f, kind: f.kind ? languages.FoldingRangeKind.fromValue(f.kind) : undefined }))
      },
    }),
    languages.registerSelectionRangeProvider(LEAN_LANGUAGE_ID, {
      async provideSelectionRanges(model, positions, token) {
        // Older servers lack it (lean-protocol.md §3.4): the requester then sends nothing and Monaco uses its
        // word and bracket ranges.
        const result = await req.request<SelectionRange[] | null>(
          model,
          'textDocument/selectionRange',
          (uri) => ({ textDocument: { uri }, positions: positions.map(toLspPosition) }),
          token,
        )
        return result?.map((chain) => selectionRangeChain(chain).map((range) => ({ range: fromLspRange(range) })))
      },
    }),
  ]
}
