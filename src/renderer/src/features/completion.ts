// textDocument/completion and completionItem/resolve. Lean sends detail and documentation only on resolve, so each
// Monaco item remembers the raw LSP item (and the document uri that routes the request) for the resolve call.
import { LEAN_LANGUAGE_ID } from '../editor/lean-language'
import { monaco } from '../editor/monaco'
import { leanUriOf } from '../editor/document-uris'
import { completionKindName, documentation, isDeprecated } from './convert'
import type { CompletionItem, CompletionList } from './lsp-types'
import { fromLspRange, toLspPosition } from './positions'
import type { LeanRequester } from './request'

type MonacoItem = monaco.languages.CompletionItem

const rawItems = new WeakMap<MonacoItem, { uri: string; raw: CompletionItem }>()

function toMonacoItem(item: CompletionItem, defaultRange: monaco.IRange): MonacoItem {
  const edit = item.textEdit
  let range: MonacoItem['range'] = defaultRange
  if (edit && 'insert' in edit) range = { insert: fromLspRange(edit.insert), replace: fromLspRange(edit.replace) }
  else if (edit) range = fromLspRange(edit.range)
  const { CompletionItemKind, CompletionItemTag, CompletionItemInsertTextRule } = monaco.languages
  return {
    label: item.labelDetails ? { label: item.label, ...item.labelDetails } : item.label,
    kind: CompletionItemKind[completionKindName(item.kind)],
    tags: isDeprecated(item) ? [CompletionItemTag.Deprecated] : undefined,
    detail: item.detail,
    documentation: documentation(item.documentation),
    sortText: item.sortText,
    filterText: item.filterText,
    preselect: item.preselect,
    insertText: edit?.newText ?? item.insertText ?? item.label,
    insertTextRules: item.insertTextFormat === 2 ? CompletionItemInsertTextRule.InsertAsSnippet : undefined,
    range,
    additionalTextEdits: item.additionalTextEdits?.map((e) => ({ range: fromLspRange(e.range), text: e.newText })),
    commitCharacters: item.commitCharacters,
  }
}

export function registerCompletion(req: LeanRequester): monaco.IDisposable {
  return monaco.languages.registerCompletionItemProvider(LEAN_LANGUAGE_ID, {
    triggerCharacters: ['.'],
    async provideCompletionItems(model, position, context, token) {
      const uri = leanUriOf(model)
      if (uri === undefined) return undefined
      const result = await req.request<CompletionList | CompletionItem[] | null>(
        model,
        'textDocument/completion',
        () => ({
          textDocument: { uri },
          position: toLspPosition(position),
          // Monaco's trigger kinds are LSP's minus one.
          context: { triggerKind: context.triggerKind + 1, triggerCharacter: context.triggerCharacter },
        }),
        token,
      )
      if (!result) return { suggestions: [], incomplete: true }
      const items = Array.isArray(result) ? result : result.items
      const word = model.getWordUntilPosition(position)
      const defaultRange = {
        startLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endLineNumber: position.lineNumber,
        endColumn: word.endColumn,
      }
      const suggestions = items.map((raw) => {
        const item = toMonacoItem(raw, defaultRange)
        rawItems.set(item, { uri, raw })
        return item
      })
      return { suggestions, incomplete: Array.isArray(result) ? false : result.isIncomplete }
    },
    async resolveCompletionItem(item, token) {
      const entry = rawItems.get(item)
      if (!entry) return item
      const outcome = await req.sendTo<CompletionItem>(entry.uri, 'completionItem/resolve', entry.raw, token)
      if (!outcome.ok || !outcome.value) return item
      const resolved = outcome.value
      if (resolved.detail) item.detail = resolved.detail
      const doc = documentation(resolved.documentation)
      if (doc !== undefined) item.documentation = doc
      return item
    },
  })
}
