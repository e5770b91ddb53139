// "Imports are out of date" → a Restart File quick fix on the diagnostic (lightbulb and the hover's
// "Quick Fix…"), running the workbench's Restart File for that document.
import type { Disposable } from '../backend/backend'
import { STALE_IMPORTS_TEXT } from '../workbench/diagnostics-store'
import { leanUriOf } from './document-uris'
import { LEAN_LANGUAGE_ID } from './lean-language'
import { monaco } from './monaco'

const COMMAND_ID = 'lectern.restartFileForStaleImports'

export function registerRestartFileQuickFix(restartFile: (uri: string) => void): Disposable {
  const command = monaco.editor.registerCommand(COMMAND_ID, (_accessor, uri: unknown) => {
    if (typeof uri === 'string') restartFile(uri)
  })
  const provider = monaco.languages.registerCodeActionProvider(LEAN_LANGUAGE_ID, {
    provideCodeActions(model, _range, context) {
      const stale = context.markers.filter((m) => m.message.includes(STALE_IMPORTS_TEXT))
      const uri = leanUriOf(model)
      if (!stale.length || !uri) return { actions: [], dispose() {} }
      return {
        actions: [
          {
            title: 'Restart File (rebuild out-of-date imports)',
            kind: 'quickfix',
            diagnostics: stale,
            isPreferred: true,
            command: { id: COMMAND_ID, title: 'Restart File', arguments: [uri] },
          },
        ],
        dispose() {},
      }
    },
  })
  return {
    dispose() {
      provider.dispose()
      command.dispose()
    },
  }
}
