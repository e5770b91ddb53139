// Module Hierarchy, as vscode-lean4's "Show Module Hierarchy" (Shift+Alt+M, imports) and "Show Inverse Module
// Hierarchy" (Shift+Alt+N, imported by): `$/lean/prepareModuleHierarchy` for the active file, then
// `$/lean/moduleHierarchy/imports|importedBy` per expanded module. A row opens the module's file (its existing
// tab when open: Lean's uris are compared by decoded path).
import { askLean, type LeanViewDeps } from '../references/lean-view-deps'
import { relativeLabel } from '../references/reference-groups'
import { HierarchyPanel } from './hierarchy-panel'

export interface LeanModule {
  name: string
  uri: string
  data?: unknown
}

export interface LeanImportKind {
  isPrivate: boolean
  isAll: boolean
  metaKind: 'nonMeta' | 'meta' | 'full'
}

export interface ModuleNode {
  module: LeanModule
  kind?: LeanImportKind
}

export type ModuleMode = 'imports' | 'importedBy'

/** The `module` system's import modifiers, as vscode-lean4 shows them ("[private, meta]"). */
export function importModifiers(kind: LeanImportKind | undefined): string {
  if (!kind) return ''
  const words = [kind.isPrivate ? 'private' : '', kind.isAll ? 'all' : '', kind.metaKind === 'meta' ? 'meta' : kind.metaKind === 'full' ? 'meta + non-meta' : ''].filter(Boolean)
  return words.length ? `[${words.join(', ')}]` : ''
}

export function moduleHierarchyPanel(deps: LeanViewDeps): HierarchyPanel<ModuleNode, ModuleMode> {
  const what = 'the module hierarchy'
  return new HierarchyPanel<ModuleNode, ModuleMode>(deps, {
    view: 'modules',
    title: 'Module Hierarchy',
    modes: [
      { id: 'imports', label: 'Imports' },
      { id: 'importedBy', label: 'Imported By' },
    ],
    emptyText: 'Run Show Module Hierarchy (Shift+Alt+M) or Show Inverse Module Hierarchy (Shift+Alt+N) in a Lean file.',
    subtitle: (mode) => (mode === 'imports' ? 'Mode: Imports' : 'Mode: Imported By'),
    async prepare(origin) {
      const module = await askLean<LeanModule | null>(deps, origin.uri, '$/lean/prepareModuleHierarchy', { textDocument: { uri: origin.uri } }, what)
      return { roots: module ? [{ module }] : [], message: 'Lean does not know this file as a module of the project.' }
    },
    async children(originUri, node, mode) {
      const method = mode === 'imports' ? '$/lean/moduleHierarchy/imports' : '$/lean/moduleHierarchy/importedBy'
      const imports = await askLean<{ module: LeanModule; kind: LeanImportKind }[] | null>(deps, originUri, method, { module: node.module }, what)
      return (imports ?? []).map((i) => ({ module: i.module, kind: i.kind }))
    },
    presenter: {
      label: (node) => node.module.name,
      description: (node) => [importModifiers(node.kind), relativeLabel(node.module.uri, deps.roots())].filter(Boolean).join(' '),
      icon: () => 'file-code',
      expandable: () => true,
      open: (node) => deps.reveal(node.module.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }),
    },
  })
}
