// textDocument/codeAction and codeAction/resolve ("Try this" suggestions, #guard_msgs fixes, missing imports).
// A CodeAction's WorkspaceEdit becomes a Monaco WorkspaceEdit on the open models, which Monaco applies through the
// model as one undoable edit, so document sync sends it to the core like any other change.
import { leanUriOf, modelForUri } from '../editor/document-uris'
import { LEAN_LANGUAGE_ID } from '../editor/lean-language'
import { monaco } from '../editor/monaco'
import { lspSeverity, textEditsByUri } from './convert'
import type { CodeAction, Command, WorkspaceEdit } from './lsp-types'
import { fromLspRange, toLspRange } from './positions'
import type { LeanRequester } from './request'

const rawActions = new WeakMap<monaco.languages.CodeAction, { uri: string; raw: CodeAction }>()

/** Text edits for documents that have no model (not open) cannot be applied here; they are skipped. */
export function toMonacoWorkspaceEdit(edit: WorkspaceEdit | undefined): monaco.languages.WorkspaceEdit | undefined {
  const byUri = textEditsByUri(edit)
  const edits: monaco.languages.IWorkspaceTextEdit[] = []
  for (const [uri, textEdits] of byUri) {
    const model = modelForUri(uri)
    if (!model) {
      console.warn(`Code action edits a document that is not open, skipped: ${uri}`)
      continue
    }
    for (const e of textEdits) {
      edits.push({ resource: model.uri, versionId: undefined, textEdit: { range: fromLspRange(e.range), text: e.newText } })
    }
  }
  return edits.length > 0 ? { edits } : undefined
}

function markerCode(code: monaco.editor.IMarkerData['code']): string | undefined {
  return typeof code === 'string' ? code : code?.value
}

export function registerCodeActions(req: LeanRequester): monaco.IDisposable {
  return monaco.languages.registerCodeActionProvider(
    LEAN_LANGUAGE_ID,
    {
      async provideCodeActions(model, range, context, token) {
        const uri = leanUriOf(model)
        if (uri === undefined) return undefined
        const result = await req.request<(CodeAction | Command)[] | null>(
          model,
          'textDocument/codeAction',
          () => ({
            textDocument: { uri },
            range: toLspRange(range),
            context: {
              diagnostics: context.markers.map((m) => ({
                range: toLspRange(m),
                severity: lspSeverity(m.severity),
                message: m.message,
                source: m.source,
                code: markerCode(m.code),
              })),
              only: context.only ? [context.only] : undefined,
              triggerKind: context.trigger,
            },
          }),
          token,
        )
        const actions: monaco.languages.CodeAction[] = []
        for (const item of result ?? []) {
          // A bare Command (its `command` is a string) would need a server-side executeCommand; Lean has none.
          if (typeof (item as Command).command === 'string') continue
          const raw = item as CodeAction
          const action: monaco.languages.CodeAction = {
            title: raw.title,
            kind: raw.kind,
            isPreferred: raw.isPreferred,
            disabled: raw.disabled?.reason,
            edit: toMonacoWorkspaceEdit(raw.edit),
          }
          rawActions.set(action, { uri, raw })
          actions.push(action)
        }
        return { actions, dispose: () => undefined }
      },
      async resolveCodeAction(action, token) {
        const entry = rawActions.get(action)
        if (!entry || action.edit || entry.raw.data === undefined) return action
        const outcome = await req.sendTo<CodeAction>(entry.uri, 'codeAction/resolve', entry.raw, token)
        if (outcome.ok && outcome.value?.edit) action.edit = toMonacoWorkspaceEdit(outcome.value.edit)
        return action
      },
    },
    { providedCodeActionKinds: ['quickfix', 'refactor', 'source.organizeImports'] },
  )
}
