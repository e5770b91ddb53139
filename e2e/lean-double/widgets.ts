// Panel widgets (lean-protocol.md §6; Lean's src/Lean/Widget/UserWidget.lean): `Lean.Widget.getWidgets` answers
// `{widgets: PanelWidgetInstance[]}` with `{id, javascriptHash, props, range?}`, `getWidgetSource` the module text.
// Instances come from `simp?` (Lean's "Try this" widget, as `TryThis.addSuggestion` saves it) and from
// `-- double: widget…` marker lines, which stand for a command that saves a panel widget on its own line.
import { createHash } from 'node:crypto'
import type { FileElab } from './elab-command'
import type { Pos, Range } from './text'
import { RequestFailure } from './worker'

interface WidgetModule {
  id: string
  javascript: string
}

/** The same contract as Lean's `tryThisWidget` (props `pos`, `suggestions`, `range`, `header`, `isInline`, `style`). */
const TRY_THIS: WidgetModule = {
  id: 'Lean.Meta.Tactic.TryThis.tryThisWidget',
  javascript: `import * as React from 'react'
import { EditorContext } from '@leanprover/infoview'
const h = React.createElement
export default function TryThis(props) {
  const editor = React.useContext(EditorContext)
  const linkStyle = props.style || { className: 'link pointer dim', style: { color: 'var(--vscode-textLink-foreground)' } }
  const item = (s) => {
    const apply = () => editor.api.applyEdit({ changes: { [props.pos.uri]: [{ range: props.range, newText: s.suggestion }] } })
    return [s.preInfo, h('span', { onClick: apply, title: 'Apply suggestion', ...(s.style || linkStyle) }, s.suggestion), s.postInfo]
  }
  const body = props.isInline
    ? h('pre', { className: 'font-code pre-wrap' }, props.header, item(props.suggestions[0]))
    : h('div', null, h('pre', { className: 'font-code pre-wrap' }, props.header),
        h('ul', null, props.suggestions.map((s, i) => h('li', { key: i, className: 'font-code pre-wrap' }, item(s)))))
  return h('details', { open: true }, h('summary', { className: 'mv2 pointer' }, 'Suggestions'), h('div', { className: 'ml1' }, body))
}
`,
}

/** A user widget as ProofWidgets writes them: React and the infoview's API, an RPC call, an edit of the document. */
const DEMO: WidgetModule = {
  id: 'LeanDouble.demoWidget',
  javascript: `import * as React from 'react'
import { EditorContext, useAsync, useRpcSession } from '@leanprover/infoview'
const h = React.createElement
export default function DemoWidget(props) {
  const rs = useRpcSession()
  const editor = React.useContext(EditorContext)
  const echo = useAsync(() => rs.call('LeanDouble.widgetEcho', { text: props.greeting }), [rs, props.greeting])
  const answer = echo.state === 'resolved' ? 'RPC answered: ' + echo.value.reply
    : echo.state === 'rejected' ? 'RPC failed: ' + (echo.error && echo.error.message) : 'RPC pending'
  const insert = () => editor.api.insertText('-- inserted by a widget', 'above', { textDocument: { uri: props.pos.uri }, position: props.pos })
  return h('div', { className: 'double-demo-widget' },
    h('p', null, props.greeting),
    h('p', { className: 'double-demo-rpc' }, answer),
    h('button', { onClick: insert }, 'Insert a comment above'))
}
`,
}

/** A widget whose render throws: the infoview must show the error in the widget's own box. */
const THROWS: WidgetModule = {
  id: 'LeanDouble.throwingWidget',
  javascript: `import * as React from 'react'
export default function ThrowingWidget(props) {
  throw new Error('the demo widget failed on purpose: ' + props.why)
}
`,
}

/** Lean's `hash` of the module text is a UInt64, sent as a decimal string (§3.1). */
function hashOf(m: WidgetModule): string {
  return BigInt('0x' + createHash('sha256').update(m.javascript).digest('hex').slice(0, 16)).toString()
}

const MODULES = new Map([TRY_THIS, DEMO, THROWS].map((m) => [hashOf(m), m]))

const MARKERS: Record<string, { module: WidgetModule; props: (line: number) => Record<string, unknown> }> = {
  '-- double: widget': { module: DEMO, props: (line) => ({ greeting: `Hello from the widget on line ${line + 1}` }) },
  '-- double: widget-throws': { module: THROWS, props: () => ({ why: 'widget-throws marker' }) },
}

function instance(module: WidgetModule, props: Record<string, unknown>, range: Range) {
  return { id: module.id, javascriptHash: hashOf(module), props, range }
}

/** The panel widgets at a position: `simp?` suggestions whose tactic covers it, marker lines on its line. */
export function panelWidgetsAt(fe: FileElab, pos: Pos): unknown[] {
  const off = fe.doc.offsetAt(pos)
  const out: unknown[] = []
  for (const c of fe.cmds) {
    for (const sug of c.simp) {
      if (off < sug.s || off > sug.e) continue
      const range = fe.doc.range(sug.s, sug.e)
      const props = { suggestions: [{ suggestion: sug.replacement }], range, header: 'Try this: ', isInline: true, style: null }
      out.push(instance(TRY_THIS, props, range))
    }
  }
  for (const comment of fe.parsed.comments) {
    const marker = MARKERS[comment.text.trim()]
    const range = fe.doc.range(comment.s, comment.e)
    if (marker && range.start.line === pos.line) out.push(instance(marker.module, marker.props(pos.line), range))
  }
  return out
}

export function widgetSource(hash: unknown): { sourcetext: string } {
  const m = typeof hash === 'string' ? MODULES.get(hash) : undefined
  if (!m) throw new RequestFailure(-32602, `No widget module with hash ${String(hash)} registered`)
  return { sourcetext: m.javascript }
}

/** The double's own `@[server_rpc_method]`, called by the demo widget. */
export function widgetEcho(params: unknown): { reply: string } {
  const text = (params as { text?: unknown } | null)?.text
  if (typeof text !== 'string') throw new RequestFailure(-32602, `Cannot decode params in RPC call 'LeanDouble.widgetEcho(${JSON.stringify(params)})'\ntext: expected a string`)
  return { reply: text.split('').reverse().join('') }
}
