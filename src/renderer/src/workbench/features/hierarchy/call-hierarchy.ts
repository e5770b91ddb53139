// Call Hierarchy (Shift+Alt+H): `textDocument/prepareCallHierarchy` at the cursor, then `callHierarchy/
// incomingCalls` (who uses it) or `outgoingCalls` (what it uses), one level per expansion. A row opens the call
// site: in the caller for incoming calls, in the item above for outgoing ones; the root opens its definition.
import type { Range } from '../../../../../shared/lsp'
import { askLean, type LeanViewDeps } from '../references/lean-view-deps'
import { relativeLabel } from '../references/reference-groups'
import { HierarchyPanel } from './hierarchy-panel'

export interface CallHierarchyItem {
  name: string
  kind: number
  detail?: string
  uri: string
  range: Range
  selectionRange: Range
  data?: unknown
}

export interface CallNode {
  item: CallHierarchyItem
  /** Where the call is written (undefined for the root). */
  site?: { uri: string; range: Range }
  calls: number
}

export type CallMode = 'incoming' | 'outgoing'

export function callHierarchyPanel(deps: LeanViewDeps): HierarchyPanel<CallNode, CallMode> {
  const what = 'call hierarchy'
  return new HierarchyPanel<CallNode, CallMode>(deps, {
    view: 'calls',
    title: 'Call Hierarchy',
    modes: [
      { id: 'incoming', label: 'Incoming Calls' },
      { id: 'outgoing', label: 'Outgoing Calls' },
    ],
    emptyText: 'Run Show Call Hierarchy (Shift+Alt+H) on a declaration in a Lean file.',
    subtitle: (mode) => (mode === 'incoming' ? 'Callers of' : 'Calls from'),
    async prepare(origin) {
      const items = await askLean<CallHierarchyItem[] | null>(deps, origin.uri, 'textDocument/prepareCallHierarchy', { textDocument: { uri: origin.uri }, position: origin.position }, what)
      return { roots: (items ?? []).map((item) => ({ item, calls: 0 })), message: 'No declaration at the cursor that Lean knows calls for.' }
    },
    async children(originUri, node, mode) {
      if (mode === 'incoming') {
        const calls = await askLean<{ from: CallHierarchyItem; fromRanges: Range[] }[] | null>(deps, originUri, 'callHierarchy/incomingCalls', { item: node.item }, what)
        return (calls ?? []).map((c) => ({ item: c.from, site: c.fromRanges[0] && { uri: c.from.uri, range: c.fromRanges[0] }, calls: c.fromRanges.length }))
      }
      const calls = await askLean<{ to: CallHierarchyItem; fromRanges: Range[] }[] | null>(deps, originUri, 'callHierarchy/outgoingCalls', { item: node.item }, what)
      return (calls ?? []).map((c) => ({ item: c.to, site: c.fromRanges[0] && { uri: node.item.uri, range: c.fromRanges[0] }, calls: c.fromRanges.length }))
    },
    presenter: {
      label: (node) => node.item.name,
      description: (node) => {
        const where = `${relativeLabel(node.item.uri, deps.roots())}:${node.item.selectionRange.start.line + 1}`
        return node.calls > 1 ? `${where} · ${node.calls} calls` : where
      },
      icon: () => 'symbol-constant',
      expandable: () => true,
      open: (node) => deps.reveal(node.site?.uri ?? node.item.uri, node.site?.range ?? node.item.selectionRange),
    },
  })
}
