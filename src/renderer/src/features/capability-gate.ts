// Which server capability each request needs. A Lean server that does not advertise a provider (signature help
// before Lean 4.22, selection ranges on old servers, …) answers its requests with -32601, so the editor asks only
// servers that offer them. Methods not listed here ($/lean/…, RPC) are always sent. Pure: node:test drives it.

export type CapabilityRecord = Record<string, unknown>

/** LSP method → the path in `ServerCapabilities` that must be present and not `false`. */
const REQUIRED_CAPABILITY: Readonly<Record<string, readonly string[]>> = {
  'textDocument/hover': ['hoverProvider'],
  'textDocument/completion': ['completionProvider'],
  'completionItem/resolve': ['completionProvider', 'resolveProvider'],
  'textDocument/signatureHelp': ['signatureHelpProvider'],
  'textDocument/definition': ['definitionProvider'],
  'textDocument/declaration': ['declarationProvider'],
  'textDocument/typeDefinition': ['typeDefinitionProvider'],
  'textDocument/references': ['referencesProvider'],
  'textDocument/documentHighlight': ['documentHighlightProvider'],
  'textDocument/documentSymbol': ['documentSymbolProvider'],
  'workspace/symbol': ['workspaceSymbolProvider'],
  'textDocument/foldingRange': ['foldingRangeProvider'],
  'textDocument/selectionRange': ['selectionRangeProvider'],
  'textDocument/semanticTokens/full': ['semanticTokensProvider', 'full'],
  'textDocument/semanticTokens/range': ['semanticTokensProvider', 'range'],
  'textDocument/codeAction': ['codeActionProvider'],
  'codeAction/resolve': ['codeActionProvider', 'resolveProvider'],
  'textDocument/inlayHint': ['inlayHintProvider'],
  'textDocument/prepareRename': ['renameProvider', 'prepareProvider'],
  'textDocument/rename': ['renameProvider'],
  'textDocument/prepareCallHierarchy': ['callHierarchyProvider'],
  'callHierarchy/incomingCalls': ['callHierarchyProvider'],
  'callHierarchy/outgoingCalls': ['callHierarchyProvider'],
  '$/lean/prepareModuleHierarchy': ['experimental', 'moduleHierarchyProvider'],
  '$/lean/moduleHierarchy/imports': ['experimental', 'moduleHierarchyProvider'],
  '$/lean/moduleHierarchy/importedBy': ['experimental', 'moduleHierarchyProvider'],
}

/**
 * Whether a server with these capabilities handles `method`. Capabilities not known yet (no server, or the
 * initialize result still pending) count as offered: the request then fails as it would have anyway.
 */
export function serverOffers(capabilities: CapabilityRecord | undefined, method: string): boolean {
  const path = REQUIRED_CAPABILITY[method]
  if (!path || !capabilities) return true
  let value: unknown = capabilities
  for (const key of path) {
    // `renameProvider: true` offers rename but not prepareRename: sub-features need the options object.
    if (typeof value !== 'object' || value === null) return false
    value = (value as CapabilityRecord)[key]
  }
  return value !== undefined && value !== null && value !== false
}
