// Go to Symbol in Workspace (Ctrl+T, or `#` in Go to File): asks the Lean server of the active file's project
// (`workspace/symbol`), which searches every declaration it knows, imports included, and jumps to the pick.
import type { Backend } from '../backend/backend'
import type { Range } from '../../../shared/lsp'
import { symbolIconName } from './breadcrumb-path'
import { icon, h } from './dom'
import { fileUriToPath } from './file-uri'
import { relativeTo } from './file-actions'
import type { QuickPick } from './quick-pick'

export interface SymbolInformationLike {
  name: string
  kind: number
  containerName?: string
  location: { uri: string; range: Range }
}

const QUERY_DEBOUNCE_MS = 150

export function isSymbolInformation(x: unknown): x is SymbolInformationLike {
  const s = x as SymbolInformationLike | null
  return !!s && typeof s.name === 'string' && typeof s.location?.uri === 'string' && typeof s.location.range === 'object'
}

/** Where a symbol lives, for the row's description: the workspace-relative path, else the file name. */
export function symbolPlace(uri: string, root: string | undefined): string {
  const path = fileUriToPath(uri) ?? uri
  const relative = root ? relativeTo(root, path) : path
  return relative === path ? (path.split(/[\\/]/).pop() ?? path) : relative
}

export function showWorkspaceSymbols(
  picker: QuickPick,
  backend: Backend,
  options: {
    /** A Lean document whose server answers; undefined when no Lean file is open. */
    leanUri: () => string | undefined
    root: string | undefined
    reveal: (uri: string, range: Range) => void
    initialQuery?: string
  },
): void {
  const uri = options.leanUri()
  picker.show<SymbolInformationLike>({
    ariaLabel: 'Go to Symbol in Workspace',
    placeholder: 'Search declarations by name (Lean answers for the active file’s project)',
    emptyText: (query) =>
      !uri ? 'Open a Lean file first: its Lean server answers the search.' : query.trim() ? 'No matching declarations' : 'Type part of a declaration’s name.',
    value: options.initialQuery,
    debounceMs: QUERY_DEBOUNCE_MS,
    items: async (query) => {
      if (!uri || !query.trim()) return []
      const result = await backend.call('lean.request', { uri, method: 'workspace/symbol', params: { query } })
      return Array.isArray(result) ? result.filter(isSymbolInformation) : []
    },
    render: (s) => [
      icon(symbolIconName(s.kind), 'lx-palette-icon'),
      h('span', { class: 'lx-palette-title', text: s.name }),
      h('span', { class: 'lx-palette-description', text: symbolPlace(s.location.uri, options.root) }),
    ],
    accept: (s) => options.reveal(s.location.uri, s.location.range),
  })
}
