// What the References panel and the hierarchy views need from the workbench, and the one way they ask Lean:
// a request that either answers or throws a sentence a user can read.
import type { Range } from '../../../../../shared/lsp'
import type { monaco } from '../../../editor/monaco'
import type { LeanRequester } from '../../../features/request'
import { toLspPosition } from '../../../features/positions'
import type { PanelTabs } from '../tasks/panel-tabs'

export interface LeanViewDeps {
  requester: LeanRequester
  editor: monaco.editor.IStandaloneCodeEditor
  panels: PanelTabs
  /** The core uri of the active document when it is a Lean file. */
  activeLeanUri(): string | undefined
  showPanel(): void
  hidePanel(): void
  /** Opens (or focuses the open tab of) a uri Lean wrote, selecting `range`. */
  reveal(uri: string, range: Range): void
  roots(): readonly string[]
  notify(message: string): void
}

/** Where a view's first request goes: the active Lean editor and its cursor. */
export interface Origin {
  uri: string
  position: { line: number; character: number }
}

export function originOf(deps: LeanViewDeps): Origin | undefined {
  const uri = deps.activeLeanUri()
  const position = deps.editor.getPosition()
  if (!uri || !position) {
    deps.notify('Open a Lean file and put the cursor on a name first.')
    return undefined
  }
  return { uri, position: toLspPosition(position) }
}

/** Asks the server owning `uri`; a refusal or an unadvertised provider becomes an Error with a readable message. */
export async function askLean<T>(deps: LeanViewDeps, uri: string, method: string, params: unknown, what: string): Promise<T> {
  const outcome = await deps.requester.sendTo<T>(uri, method, params)
  if (outcome.ok) return outcome.value
  throw new Error(outcome.quiet ? `The Lean server does not offer ${what} now (not running, busy, or too old).` : `Lean could not answer (${method}); see the developer console.`)
}
