// The Lean server double (e2e/lean-double) as a real child process, spoken to over LSP.
// Run: node --import tsx --test test/lean-double.test.ts (its strictness and knobs: test/lean-double-strictness.test.ts)
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { readFileSync } from 'node:fs'
import { type Double, THEOREM_T, diagsOf, expectError, handshake, open, pos, startDouble, until } from './helpers/double-process'

describe('lean-double', () => {
  let d: Double
  before(async () => {
    d = startDouble()
    const init = await handshake(d)
    assert.deepEqual(init.serverInfo, { name: 'Lean 4 Server', version: '0.3.0' })
  })

  it('answers initialize like lean --server and registers the file watcher', async () => {
    // The double logs a message just after writing it: our client can have read it first.
    const initEntry = () => d.log().find((l) => l.dir === 'out' && l.msg.id === 0)
    await until(() => initEntry() !== undefined)
    const init = (initEntry()!.msg as any).result
    assert.equal(init.capabilities.experimental.rpcProvider.rpcWireFormat, 'v0')
    assert.equal(init.capabilities.textDocumentSync.change, 2)
    assert.equal(init.capabilities.semanticTokensProvider.legend.tokenTypes.at(-1), 'leanSorryLike')
    await until(() => d.serverRequests.some((r) => r.method === 'client/registerCapability'))
    const reg = d.log().find((l) => l.dir === 'out' && l.msg.method === 'client/registerCapability')!.msg
    assert.equal(reg.id, 'register_lean_watcher')
    assert.equal(reg.params.registrations[0].method, 'workspace/didChangeWatchedFiles')
    // The double logs our answer when it reads it, which can be after our client sent it.
    const answerOf = () => d.log().find((l) => l.dir === 'in' && l.msg.id === 'register_lean_watcher')
    await until(() => answerOf() !== undefined)
    assert.ok('result' in answerOf()!.msg, 'the client answer is a result')
  })

  it('warns about sorry, and an incremental edit to rfl clears it', async () => {
    const uri = d.uri('Sorry.lean')
    await open(d, uri, 'theorem two : 1 + 1 = 2 := by sorry\n')
    await d.conn.sendRequest('textDocument/waitForDiagnostics', { uri, version: 1 })
    const last = diagsOf(d, uri, 1).at(-1)!.params
    assert.deepEqual(last.diagnostics, [{
      range: { start: pos(0, 8), end: pos(0, 11) }, fullRange: { start: pos(0, 8), end: pos(0, 11) },
      severity: 2, source: 'Lean 4', message: "declaration uses 'sorry'",
    }])
    await d.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: pos(0, 30), end: pos(0, 35) }, text: 'rfl' }],
    })
    await d.conn.sendRequest('textDocument/waitForDiagnostics', { uri, version: 2 })
    assert.deepEqual(diagsOf(d, uri, 2).at(-1)!.params.diagnostics, [])
    const mine = d.notes.filter((n) => n.params?.uri === uri || n.params?.textDocument?.uri === uri)
    const firstV2 = mine.findIndex((n) => (n.params.version ?? n.params.textDocument.version) === 2)
    assert.ok(mine.slice(firstV2).every((n) => (n.params.version ?? n.params.textDocument.version) === 2), 'nothing older after a newer version')
  })

  it('streams fileProgress per command and ends with processing: []', async () => {
    const uri = d.uri('Progress.lean')
    await open(d, uri, `${THEOREM_T}\n#eval 2 + 3 * 4\n#check unknownThing\n`)
    await d.conn.sendRequest('textDocument/waitForDiagnostics', { uri, version: 1 })
    const prog = d.notes.filter((n) => n.method === '$/lean/fileProgress' && n.params.textDocument.uri === uri).map((n) => n.params)
    assert.deepEqual(prog[0].processing, [{ range: { start: pos(0, 0), end: pos(6, 0) }, kind: 1 }])
    assert.deepEqual(prog.slice(1, -1).map((p) => p.processing[0].range.start.line), [0, 4, 5])
    assert.deepEqual(prog.at(-1).processing, [])
    for (const p of prog.slice(0, -1)) assert.ok(p.processing.every((x: any) => x.kind === 1 && x.range.end.line === 6))
    const diags = diagsOf(d, uri, 1).at(-1)!.params.diagnostics
    assert.deepEqual(diags.map((x: any) => [x.severity, x.message]), [[3, '14'], [1, "unknown identifier 'unknownThing'"]])
    assert.deepEqual(diags[0].range, { start: pos(4, 0), end: pos(4, 5) })
  })

  it('shows goals with plainGoal before and after intro', async () => {
    const uri = d.uri('Goals.lean')
    await open(d, uri, THEOREM_T)
    const afterIntro = await d.conn.sendRequest('$/lean/plainGoal', { textDocument: { uri }, position: pos(2, 0) })
    assert.deepEqual(afterIntro, { rendered: '```lean\np q : Prop\nhp : p\nh : q\n⊢ p\n```', goals: ['p q : Prop\nhp : p\nh : q\n⊢ p'] })
    const onBy = (await d.conn.sendRequest('$/lean/plainGoal', { textDocument: { uri }, position: pos(0, 46) })) as any
    assert.deepEqual(onBy.goals, ['p q : Prop\nhp : p\n⊢ q → p'])
    assert.deepEqual(await d.conn.sendRequest('$/lean/plainGoal', { textDocument: { uri }, position: pos(2, 10) }), { rendered: 'no goals', goals: [] })
    const term = (await d.conn.sendRequest('$/lean/plainTermGoal', { textDocument: { uri }, position: pos(2, 9) })) as any
    assert.equal(term.goal, 'p q : Prop\nhp : p\nh : q\n⊢ p')
    assert.deepEqual(term.range, { start: pos(2, 8), end: pos(2, 10) })
  })

  it('serves interactive goals over RPC with v0 references that resolve', async () => {
    const uri = d.uri('Rpc.lean')
    await open(d, uri, THEOREM_T)
    const { sessionId } = (await d.conn.sendRequest('$/lean/rpc/connect', { uri })) as { sessionId: string }
    assert.match(sessionId, /^\d+$/)
    const at = { textDocument: { uri }, position: pos(2, 2) }
    const res = (await d.conn.sendRequest('$/lean/rpc/call', { ...at, sessionId, method: 'Lean.Widget.getInteractiveGoals', params: at })) as any
    const g = res.goals[0]
    assert.deepEqual(g.hyps.map((h: any) => h.names), [['p', 'q'], ['hp'], ['h']])
    assert.equal(g.goalPrefix, '⊢ ')
    assert.match(g.mvarId, /^_uniq\.\d+$/)
    assert.deepEqual(Object.keys(g.ctx), ['p'])
    const [tag, text] = g.type.tag
    assert.deepEqual(text, { text: 'p' })
    assert.equal(tag.subexprPos, '/')
    const popup = (await d.conn.sendRequest('$/lean/rpc/call', { ...at, sessionId, method: 'Lean.Widget.InteractiveDiagnostics.infoToInteractive', params: g.hyps[2].type.tag[0].info })) as any
    assert.deepEqual(popup.type.tag[1], { text: 'Prop' })
    assert.deepEqual(popup.exprExplicit.tag[1], { text: 'q' })
    await expectError(d.conn.sendRequest('$/lean/rpc/call', { ...at, sessionId, method: 'Foo.bar', params: {} }), -32601, "No RPC method 'Foo.bar' found")
    await expectError(d.conn.sendRequest('$/lean/rpc/call', { ...at, sessionId: '42', method: 'Lean.Widget.getWidgets', params: pos(0, 0) }), -32900, 'Outdated RPC session')
  })

  it('answers getWidgets with Lean\'s PanelWidgetInstance shape (Try this over simp?) and serves the module source', async () => {
    const uri = d.uri('Widgets.lean')
    await open(d, uri, 'theorem s : 2 + 2 = 4 := by\n  simp?\n-- double: widget\n')
    const { sessionId } = (await d.conn.sendRequest('$/lean/rpc/connect', { uri })) as { sessionId: string }
    const call = (method: string, params: unknown, at = pos(1, 3)) =>
      d.conn.sendRequest('$/lean/rpc/call', { textDocument: { uri }, position: at, sessionId, method, params }) as Promise<any>
    const { widgets } = await call('Lean.Widget.getWidgets', pos(1, 3))
    assert.equal(widgets.length, 1)
    const range = { start: pos(1, 2), end: pos(1, 7) }
    assert.deepEqual(widgets[0], {
      id: 'Lean.Meta.Tactic.TryThis.tryThisWidget',
      javascriptHash: widgets[0].javascriptHash,
      props: { suggestions: [{ suggestion: 'simp only [Nat.reduceAdd, eq_self_iff_true]' }], range, header: 'Try this: ', isInline: true, style: null },
      range,
    })
    assert.match(widgets[0].javascriptHash, /^\d+$/)
    const src = await call('Lean.Widget.getWidgetSource', { hash: widgets[0].javascriptHash, pos: pos(1, 3) })
    assert.match(src.sourcetext, /from '@leanprover\/infoview'/)
    assert.deepEqual((await call('Lean.Widget.getWidgets', pos(0, 0), pos(0, 0))).widgets, [])
    const demo = (await call('Lean.Widget.getWidgets', pos(2, 0), pos(2, 0))).widgets
    assert.deepEqual(demo.map((w: any) => [w.id, w.props]), [['LeanDouble.demoWidget', { greeting: 'Hello from the widget on line 3' }]])
    assert.deepEqual(await call('LeanDouble.widgetEcho', { text: 'abc' }), { reply: 'cba' })
    await expectError(call('Lean.Widget.getWidgetSource', { hash: '12', pos: pos(1, 3) }), -32602, 'No widget module with hash 12 registered')
  })

  it('hovers declared names and builtins', async () => {
    const uri = d.uri('Hover.lean')
    await open(d, uri, `${THEOREM_T}#check Nat.add\n#check t\n`)
    const builtin = (await d.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(3, 10) })) as any
    assert.equal(builtin.contents.kind, 'markdown')
    assert.match(builtin.contents.value, /^```lean\nNat\.add : Nat → Nat → Nat\n```\n\*\*\*\n.+\n\*\*\*\n\*import Init\.Prelude\*$/s)
    assert.deepEqual(builtin.range, { start: pos(3, 7), end: pos(3, 14) })
    const user = (await d.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(4, 7) })) as any
    assert.equal(user.contents.value, '```lean\nt (p q : Prop) (hp : p) : q → p\n```')
    const local = (await d.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(2, 9) })) as any
    assert.equal(local.contents.value, '```lean\nhp : p\n```')
  })

  it('completes after Nat. and resolves the detail', async () => {
    const uri = d.uri('Completion.lean')
    await open(d, uri, '#eval Nat.\n')
    const list = (await d.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(0, 10) })) as any
    assert.equal(list.isIncomplete, true)
    const add = list.items.find((i: any) => i.label === 'add')
    assert.ok(add && list.items.some((i: any) => i.label === 'succ' && i.kind === 4))
    assert.equal(add.kind, 3)
    assert.deepEqual(add.data, [`«external:${uri}»`, 0, 10, 1, 'cNat.add'])
    const resolved = (await d.conn.sendRequest('completionItem/resolve', add)) as any
    assert.equal(resolved.detail, 'Nat → Nat → Nat')
    assert.deepEqual(resolved.data, add.data)
  })

  it('outlines like Lean: namespaces and sections hold their declarations, named as written', async () => {
    const uri = d.uri('Outline.lean')
    await open(d, uri, 'namespace Foo\ntheorem bar : 1 = 1 := rfl\nsection\ndef x : Nat := 1\nend\nend Foo\ndef top : Nat := 2\nnamespace Open\n')
    const syms = (await d.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as any[]
    const shape = (s: any): unknown => (s.children ? [s.name, s.kind, s.children.map(shape)] : [s.name, s.kind])
    assert.deepEqual(syms.map(shape), [['Foo', 3, [['bar', 6], ['<section>', 3, [['x', 6]]]]], ['top', 6], ['Open', 3, []]])
    assert.deepEqual(syms[0].range, { start: pos(0, 0), end: pos(5, 7) }, 'namespace … end Foo')
    assert.deepEqual(syms[0].selectionRange, { start: pos(0, 10), end: pos(0, 13) })
    assert.deepEqual(syms[0].children[0].selectionRange, { start: pos(1, 8), end: pos(1, 11) })
    assert.deepEqual(syms[2].range.end, pos(8, 0), 'an unclosed namespace runs to the end of the file')
  })

  it('answers requests for closed files and pending requests at close with -32801', async () => {
    const closed = d.uri('Never.lean')
    await expectError(d.conn.sendRequest('textDocument/hover', { textDocument: { uri: closed }, position: pos(0, 0) }), -32801, `Cannot process request to closed file '${closed}'`)
    const uri = d.uri('Closing.lean')
    await open(d, uri, '#eval 2\n'.repeat(40))
    const pending = d.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })
    await d.conn.sendNotification('textDocument/didClose', { textDocument: { uri } })
    await expectError(pending, -32801)
    const cleared = await d.waitNote((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.diagnostics.length === 0)
    assert.equal(cleared.params.version, 1)
    await expectError(d.conn.sendRequest('no/such/method', {}), -32601, "No request handler found for 'no/such/method'")
  })

  it('a duplicate didOpen is a violation and starts a second document whose diagnostics disagree, as in Lean', async () => {
    const uri = d.uri('Dup.lean')
    await open(d, uri, '#eval 1\n')
    await d.conn.sendRequest('textDocument/waitForDiagnostics', { uri, version: 1 })
    await open(d, uri, '#eval 2\n', 2)
    await d.conn.sendRequest('textDocument/waitForDiagnostics', { uri, version: 2 })
    // The first "worker" lives on and publishes its own, older diagnostics after the second one's.
    const stale = await d.waitNote((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && diagsOf(d, uri, 2).length > 0 &&
      d.notes.indexOf(n) > d.notes.indexOf(diagsOf(d, uri, 2)[0]!) && n.params.version === 1)
    assert.deepEqual(stale.params.diagnostics.map((x: any) => x.message), ['1'])
    assert.deepEqual(diagsOf(d, uri, 2)[0]!.params.diagnostics.map((x: any) => x.message), ['2'])
    // stderr is a separate pipe from the answer on stdout, so its text may arrive a little later.
    await until(() => d.stderr().includes(`DOUBLE-PROTOCOL-VIOLATION: duplicate didOpen ${uri}`))
    assert.match(readFileSync(d.violations, 'utf8'), new RegExp(`^duplicate didOpen ${uri}$`, 'm'))
  })

  it('simulates a worker crash: -32902, fatal progress, restart on didChange', async () => {
    const uri = d.uri('Crash.lean')
    await open(d, uri, '#eval 1\n-- double: worker-crash\n#eval 2\n')
    await expectError(d.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(2, 1) }), -32902, `Server process for ${uri} crashed, likely due to a stack overflow or a bug.`)
    await d.waitNote((n) => n.method === '$/lean/fileProgress' && n.params.textDocument.uri === uri && n.params.processing[0]?.kind === 2)
    const queued = d.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(0, 6) })
    await d.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: pos(1, 0), end: pos(2, 0) }, text: '' }] })
    const h = (await queued) as any
    assert.equal(h.contents.value, '```lean\n1 : Nat\n```')
  })

  it('after a worker crash, close + open (Restart File) starts a fresh worker; requests queued since the crash stay unanswered', async () => {
    const uri = d.uri('CrashReopen.lean')
    const text = '#eval 1\n-- double: worker-crash\n#eval 2\n'
    await open(d, uri, text)
    await expectError(d.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(2, 1) }), -32902, `Server process for ${uri} crashed, likely due to a stack overflow or a bug.`)
    let settled = false
    void d.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(0, 6) }).then(
      () => (settled = true),
      () => (settled = true),
    )
    const before = d.notes.length
    await d.conn.sendNotification('textDocument/didClose', { textDocument: { uri } })
    await open(d, uri, '#eval 1\n', 2)
    const h = (await d.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(0, 6) })) as any
    assert.equal(h.contents.value, '```lean\n1 : Nat\n```')
    assert.equal(settled, false, 'Lean drops the queued request with the dead worker')
    const cleared = d.notes.slice(before).find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === 1)
    assert.equal(cleared, undefined, 'no empty publish for the crashed worker')
  })
})
