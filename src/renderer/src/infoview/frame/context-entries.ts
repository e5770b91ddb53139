// Which context-menu entries apply, from the infoview's `data-vscode-context` attributes (VS Code webview
// convention: the element's and its ancestors' JSON objects merged, the innermost winning). Pure.
import type { ContextMenuEntry } from '@leanprover/infoview'

export interface MenuEntry {
  entry: ContextMenuEntry
  id: string
  label: string
}

/** Entries in menu order with their labels; `null` marks a separator between groups. */
const LAYOUT: ReadonlyArray<readonly [ContextMenuEntry, string] | null> = [
  ['goToDefinition', 'Go to Definition'],
  ['goToPinnedLocation', 'Go to Pinned Location'],
  ['goToMessageLocation', 'Go to Source Location'],
  null,
  ['select', 'Select'],
  ['unselect', 'Unselect'],
  ['unselectAll', 'Unselect All'],
  null,
  ['pin', 'Pin'],
  ['unpin', 'Unpin'],
  ['pause', 'Pause Updating'],
  ['unpause', 'Continue Updating'],
  ['refresh', 'Refresh'],
  ['pauseAllMessages', 'Pause Updating All Messages'],
  ['unpauseAllMessages', 'Continue Updating All Messages'],
  null,
  ['copyState', 'Copy State'],
  ['copyMessage', 'Copy Message'],
  ['showTraceSearch', 'Show Trace Search'],
  ['hideTraceSearch', 'Hide Trace Search'],
  null,
  ['displayTargetBeforeAssumptions', 'Display Goal Before Assumptions'],
  ['displayAssumptionsBeforeTarget', 'Display Assumptions Before Goal'],
  ['hideTypeAssumptions', 'Hide Type Assumptions'],
  ['showTypeAssumptions', 'Show Type Assumptions'],
  ['hideInstanceAssumptions', 'Hide Instance Assumptions'],
  ['showInstanceAssumptions', 'Show Instance Assumptions'],
  ['hideInaccessibleAssumptions', 'Hide Inaccessible Assumptions'],
  ['showInaccessibleAssumptions', 'Show Inaccessible Assumptions'],
  ['hideLetValues', 'Hide let-Values'],
  ['showLetValues', 'Show let-Values'],
  ['hideGoalNames', 'Hide Goal Names'],
  ['showGoalNames', 'Show Goal Names'],
  ['emphasizeFirstGoal', 'Emphasize First Goal'],
  ['deemphasizeFirstGoal', 'Do Not Emphasize First Goal'],
  ['saveSettings', 'Save Settings as Default'],
]

/** The context key carrying each entry's id; most are `<entry>Id`. */
const KEY_OF: Partial<Record<ContextMenuEntry, string>> = {
  goToDefinition: 'interactiveCodeTagId',
  select: 'selectableLocationId',
  unselect: 'unselectableLocationId',
  unselectAll: 'selectedLocationsId',
}

export function keyOf(entry: ContextMenuEntry): string {
  return KEY_OF[entry] ?? `${entry}Id`
}

/** Merges the parsed `data-vscode-context` objects, ordered innermost first. */
export function mergeContexts(innermostFirst: readonly string[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {}
  for (const raw of innermostFirst) {
    let ctx: unknown
    try {
      ctx = JSON.parse(raw)
    } catch {
      continue
    }
    if (typeof ctx !== 'object' || ctx === null || Array.isArray(ctx)) continue
    for (const [k, v] of Object.entries(ctx)) if (!(k in merged)) merged[k] = v
  }
  return merged
}

/** Menu groups (each non-empty) for a merged context. */
export function menuGroups(context: Record<string, unknown>): MenuEntry[][] {
  const groups: MenuEntry[][] = [[]]
  for (const item of LAYOUT) {
    if (item === null) {
      if (groups[groups.length - 1].length) groups.push([])
      continue
    }
    const [entry, label] = item
    const id = context[keyOf(entry)]
    if (typeof id === 'string' && id !== '') groups[groups.length - 1].push({ entry, id, label })
  }
  return groups.filter((g) => g.length > 0)
}
