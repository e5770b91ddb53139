// What we tell Lean in `initialize` (lean-protocol.md §3.3). Lean reads initializationOptions.hasWidgets
// and capabilities.lean; the standard part says what our Monaco front end can do.

export function leanInitializeParams(rootPath: string, rootUri: string, appVersion: string): Record<string, unknown> {
  return {
    processId: process.pid,
    clientInfo: { name: 'Lectern', version: appVersion },
    rootUri,
    rootPath,
    workspaceFolders: [{ uri: rootUri, name: rootPath.split(/[\\/]/).pop() || rootPath }],
    initializationOptions: { hasWidgets: true },
    trace: 'off',
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      window: { showDocument: { support: true }, workDoneProgress: false },
      workspace: {
        applyEdit: false,
        workspaceEdit: { documentChanges: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        semanticTokens: { refreshSupport: true },
        inlayHint: { refreshSupport: true },
        configuration: false,
        workspaceFolders: true,
      },
      textDocument: {
        synchronization: { didSave: true, willSave: false, willSaveWaitUntil: false, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: {
          contextSupport: true,
          completionItem: {
            snippetSupport: false,
            insertReplaceSupport: true,
            documentationFormat: ['markdown', 'plaintext'],
            deprecatedSupport: true,
            tagSupport: { valueSet: [1] },
            resolveSupport: { properties: ['detail', 'documentation'] },
            labelDetailsSupport: true,
          },
        },
        signatureHelp: { signatureInformation: { documentationFormat: ['markdown', 'plaintext'] } },
        definition: { linkSupport: true },
        declaration: { linkSupport: true },
        typeDefinition: { linkSupport: true },
        documentHighlight: {},
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source', 'source.organizeImports'] } },
          resolveSupport: { properties: ['edit'] },
          dataSupport: true,
          isPreferredSupport: true,
        },
        foldingRange: { lineFoldingOnly: false },
        selectionRange: {},
        semanticTokens: {
          requests: { full: true, range: true },
          tokenTypes: [],
          tokenModifiers: [],
          formats: ['relative'],
          multilineTokenSupport: false,
          overlappingTokenSupport: false,
        },
        inlayHint: {},
      },
      // Lean's own extension. rpcWireFormat stays unset (v0): the embedded infoview 0.11 speaks v0.
      lean: { silentDiagnosticSupport: true, incrementalDiagnosticSupport: true },
    },
  }
}
