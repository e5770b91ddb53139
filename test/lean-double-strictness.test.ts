// The Lean server double's strictness (it dies where real Lean dies) and its knobs.
// Run: node --import tsx --test test/lean-double-strictness.test.ts
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node'
import { readFileSync } from 'node:fs'
import { THEOREM_T, diagsOf, expectError, handshake, open, pos, startDouble, until } from './helpers/double-process'

describe('lean-double strictness and knobs', { concurrency: true }, () => {
  it('dies when a request has no params', async () => {
    const d = startDouble()
    await handshake(d)
    void d.conn.sendRequest('textDocument/hover').catch(() => {})
    const { code } = await d.exited
    assert.equal(code, 1)
    assert.match(d.stderr(), /Watchdog error: .*without object\/array params/)
  })

  it('exit before shutdown ends the server with code 1 and is recorded as a violation', async () => {
    const d = startDouble()
    await handshake(d)
    await d.conn.sendNotification('exit')
    assert.equal((await d.exited).code, 1)
    assert.equal(readFileSync(d.violations, 'utf8'), 'exit before shutdown (exit code 1)\n')
  })

  for (const [method, params, why] of [
    ['$/cancelRequest', { id: null }, /\$\/cancelRequest params: id must be a number or string/],
    ['$/lean/rpc/keepAlive', { uri: 'file:///x.lean', sessionId: 42 }, /rpc\/keepAlive params: expected \{uri: string, sessionId: decimal string\}/],
    ['$/lean/rpc/keepAlive', { sessionId: '42' }, /rpc\/keepAlive params/],
    ['$/lean/rpc/release', { uri: 'file:///x.lean', sessionId: '42', refs: 'all' }, /rpc\/release params: refs must be an array/],
  ] as const) {
    it(`dies on ${method} with params ${JSON.stringify(params)}, as the watchdog`, async () => {
      const d = startDouble()
      await handshake(d)
      await d.conn.sendNotification(method, params)
      assert.equal((await d.exited).code, 1)
      assert.match(d.stderr(), /Watchdog error: Cannot parse/)
      assert.match(readFileSync(d.violations, 'utf8'), why)
    })
  }

  it('dies when initialized is not the second message', async () => {
    const d = startDouble()
    await d.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })
    void d.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.lean' }, position: pos(0, 0) }).catch(() => {})
    assert.equal((await d.exited).code, 1)
    assert.match(d.stderr(), /Watchdog error/)
  })

  it('dies when the client answers registerCapability with an error code Lean does not know', async () => {
    const d = startDouble({}, { answerRequests: false })
    d.conn.onRequest('client/registerCapability', () => new ResponseError(-32803, 'RequestFailed'))
    await handshake(d)
    assert.equal((await d.exited).code, 1)
    assert.match(d.stderr(), /error code Lean does not know: -32803/)
  })

  it('expires RPC sessions without keep-alive, and keepAlive extends them', async () => {
    // Expiry well above the keep-alive interval, so a loaded machine delaying one timer cannot expire `b`;
    // keep-alives go on until `a` has been quiet for longer than the expiry.
    const d = startDouble({ LEAN_DOUBLE_RPC_EXPIRY_MS: '1000' })
    const init = await handshake(d, { rpcWireFormat: 'v1' })
    assert.equal(init.capabilities.experimental.rpcProvider.rpcWireFormat, 'v1')
    const uri = d.uri('Expire.lean')
    await open(d, uri, THEOREM_T)
    const at = { textDocument: { uri }, position: pos(2, 2) }
    const call = (sessionId: string) => d.conn.sendRequest('$/lean/rpc/call', { ...at, sessionId, method: 'Lean.Widget.getInteractiveGoals', params: at })
    const a = ((await d.conn.sendRequest('$/lean/rpc/connect', { uri })) as any).sessionId
    const b = ((await d.conn.sendRequest('$/lean/rpc/connect', { uri })) as any).sessionId
    const first = (await call(a)) as any
    assert.deepEqual(Object.keys(first.goals[0].ctx), ['__rpcref'])
    const quietSince = Date.now()
    while (Date.now() - quietSince < 1600) {
      await new Promise((r) => setTimeout(r, 100))
      await d.conn.sendNotification('$/lean/rpc/keepAlive', { uri, sessionId: b })
    }
    await expectError(call(a), -32900, 'Outdated RPC session')
    assert.ok(await call(b))
    await d.conn.sendRequest('shutdown')
    await expectError(d.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(0, 0) }), -32600, "Request received after 'shutdown' request.")
    await d.conn.sendNotification('exit')
    assert.equal((await d.exited).code, 0)
  })

  it('honours incremental diagnostics, cancellation and the header error', async () => {
    const d = startDouble({ LEAN_DOUBLE_DELAY_MS: '40' })
    await handshake(d, { incrementalDiagnosticSupport: true })
    const uri = d.uri('Inc.lean')
    await open(d, uri, '#check a1\n#check a2\n#check a3\n#eval 1\n#eval 2\n#eval 3\n')
    const source = new CancellationTokenSource()
    const slow = d.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(5, 1) }, source.token)
    source.cancel()
    await expectError(slow, -32800)
    await d.conn.sendRequest('textDocument/waitForDiagnostics', { uri, version: 1 })
    const pubs = diagsOf(d, uri, 1).map((n) => n.params)
    assert.equal(pubs[0].isIncremental, false)
    assert.ok(pubs.slice(1).every((p) => p.isIncremental === true && p.diagnostics.length === 1))
    assert.deepEqual(pubs.flatMap((p) => p.diagnostics).map((x: any) => x.message), [
      "unknown identifier 'a1'", "unknown identifier 'a2'", "unknown identifier 'a3'", '1', '2', '3',
    ])
    const bad = d.uri('Bad.lean')
    await open(d, bad, 'import Foo\n#eval 1\n')
    const fatal = await d.waitNote((n) => n.method === '$/lean/fileProgress' && n.params.textDocument.uri === bad && n.params.processing[0]?.kind === 2)
    assert.deepEqual(fatal.params.processing[0].range.start, pos(0, 0))
    assert.match(diagsOf(d, bad, 1)[0]!.params.diagnostics[0].message, /^unknown module prefix 'Foo'/)
  })

  it('crashes like a segfault on LEAN_DOUBLE_CRASH_ON, and exits after init on LEAN_DOUBLE_EXIT_AFTER_INIT', async () => {
    const d = startDouble({ LEAN_DOUBLE_CRASH_ON: 'BOOM' })
    await handshake(d)
    await open(d, d.uri('Boom.lean'), '#eval 1 -- BOOM\n')
    const { signal } = await d.exited
    assert.equal(signal, 'SIGSEGV')
    const e = startDouble({ LEAN_DOUBLE_EXIT_AFTER_INIT: '1' })
    const init = (await e.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as any
    assert.equal(init.serverInfo.version, '0.3.0')
    assert.equal((await e.exited).code, 1)
  })
})
