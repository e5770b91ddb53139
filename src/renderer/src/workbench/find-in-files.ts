// Find in Files (Ctrl+Shift+F): the core searches the workspace as you type (open files in their unsaved
// text), as plain text or a regular expression, with or without case; each row shows the line with the match
// marked, and Enter opens the file with the match selected.
import type { SearchMatch } from '../../../shared/api'
import type { Range } from '../../../shared/lsp'
import type { Backend } from '../backend/backend'
import type { monaco } from '../editor/monaco'
import { h } from './dom'
import { relativeTo } from './file-actions'
import type { QuickPick } from './quick-pick'

const QUERY_DEBOUNCE_MS = 200

/** The preview split around the match: before, match, after (the match may run past a cut preview). */
export function previewParts(m: SearchMatch): [string, string, string] {
  const start = m.character - m.preview.offset
  const text = m.preview.text
  return [text.slice(0, start), text.slice(start, start + m.length), text.slice(start + m.length)]
}

/** Like VS Code, a selection within one line in the editor is what to look for; else nothing. */
export function singleLineSelection(editor: monaco.editor.ICodeEditor): string {
  const selection = editor.getSelection()
  const model = editor.getModel()
  return selection && model && !selection.isEmpty() && selection.startLineNumber === selection.endLineNumber ? model.getValueInRange(selection) : ''
}

export function showFindInFiles(
  picker: QuickPick,
  backend: Backend,
  options: { root: string | undefined; reveal: (path: string, range: Range) => void; initialQuery?: string },
): void {
  let truncated = false
  picker.show<SearchMatch>({
    ariaLabel: 'Find in Files',
    placeholder: 'Search text in the workspace files',
    emptyText: (query) => (query ? 'No results' : 'Type the text to find.'),
    value: options.initialQuery,
    debounceMs: QUERY_DEBOUNCE_MS,
    toggles: [
      { id: 'caseSensitive', label: 'Aa', title: 'Match Case (Alt+C)', key: 'c' },
      { id: 'regex', label: '.*', title: 'Use Regular Expression (Alt+R)', key: 'r' },
    ],
    items: async (query, toggles) => {
      if (!query) return []
      const result = await backend.call('workspace.search', { query, caseSensitive: toggles.caseSensitive, regex: toggles.regex })
      truncated = result.truncated
      return result.matches
    },
    render: (m) => {
      const [before, match, after] = previewParts(m)
      const place = `${options.root ? relativeTo(options.root, m.path) : m.path}:${m.line + 1}`
      return [
        h('span', { class: 'lx-palette-title lx-search-preview' }, [before, h('mark', { text: match }), after]),
        h('span', { class: 'lx-palette-description', text: place, title: truncated ? 'Only the first results are shown.' : undefined }),
      ]
    },
    accept: (m) =>
      options.reveal(m.path, { start: { line: m.line, character: m.character }, end: { line: m.line, character: m.character + m.length } }),
  })
}
