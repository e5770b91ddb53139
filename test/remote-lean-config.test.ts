// Where a remote Lean server comes from and what the user sees when it cannot be used: the per-project
// setting, a refusal (wrong token) that ends in a clear stop, an outage that is retried for as long as it
// lasts, a malformed URL, and the status bar text.
import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { test } from 'node:test'
import type { ServerEvent } from '../src/shared/channels'
import { serverStatusText } from '../src/renderer/src/workbench/server-states'
import { startCore, waitFor } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'A.lean': '#eval 1\n' }
const envWithout = () => {
  const env = { ...process.env }
  delete env.LECTERN_LEAN_SERVER
  return env
}

async function openWith(serverUrl: string, how: 'setting' | 'env') {
  const h = await startCore({
    files: PROJECT,
    env: how === 'env' ? { ...envWithout(), LECTERN_LEAN_SERVER: serverUrl } : envWithout(),
    core: { crashPolicy: { baseDelayMs: 5, maxDelayMs: 20 } },
  })
  const c = new TestClient(h.core)
  await c.subscribeAll()
  // As if chosen in the app's own settings (a /ws client may not change which program runs).
  if (how === 'setting') await h.core.settings.update({ leanServerCommand: '/no/such/lean', leanServerByProject: { [h.workspace]: serverUrl } })
  await c.call('doc.open', { path: h.file('A.lean') })
  return { h, c }
}

const serverEvents = (c: TestClient) => c.events.filter((e) => e.channel === 'server').map((e) => e.payload as ServerEvent)

test('the per-project setting names the remote; a wrong token ends in a clear stop, the token never shown', async (t) => {
  const remote = await startCore({ files: PROJECT, bridge: true })
  t.after(() => remote.dispose())
  const url = `ws://127.0.0.1:${remote.bridge!.port}/lsp?project=${encodeURIComponent(remote.workspace)}&token=not-the-token`
  const { h, c } = await openWith(url, 'setting')
  t.after(() => h.dispose())
  // The setup report a user would paste into an issue names the remote but not its token.
  const report = await c.call('toolchain.report', {})
  assert.match(report.report, /Remote Lean server: `ws:\/\/127\.0\.0\.1:\d+\/lsp\?project=.*token=%E2%80%A6`/)
  assert.ok(!report.report.includes('not-the-token'))
  const stopped = await c.waitServer('stopped', 30_000)
  assert.match(stopped.detail, /crashed 5 times/)
  const crashed = serverEvents(c).find((e) => e.state === 'crashed')!
  assert.match(crashed.detail, /refused the connection: HTTP 401/)
  assert.equal(serverEvents(c).find((e) => e.state === 'starting' && e.remote)?.remote, url.replace('&token=not-the-token', ''))
  assert.ok(!JSON.stringify(c.events).includes('not-the-token'))
})

test('a remote out of reach is retried with backoff for as long as it takes, never given up', async (t) => {
  // A port nobody listens on.
  const probe = createServer()
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()))
  const port = (probe.address() as { port: number }).port
  await new Promise((r) => probe.close(r))
  const { h, c } = await openWith(`ws://127.0.0.1:${port}/lsp?project=/srv/p&token=x`, 'env')
  t.after(() => h.dispose())
  await waitFor(() => serverEvents(c).filter((e) => /Cannot reach the remote Lean server/.test(e.detail)).length >= 8, 'eight retries', 30_000)
  assert.ok(!c.serverStates().includes('stopped'), 'an outage is not a crash loop')
  // The latest failure says why and when it retries (a later event may already be the next attempt's "Connecting").
  const failures = serverEvents(c).filter((e) => /Cannot reach the remote Lean server/.test(e.detail))
  assert.match(failures.at(-1)!.detail, /ECONNREFUSED.*Retrying in/)
})

test('a malformed server URL is a clear setup error', async (t) => {
  const { h, c } = await openWith('ws://', 'env')
  t.after(() => h.dispose())
  const ev = await c.waitServer('no-toolchain')
  assert.match(ev.detail, /is not a ws:\/\/ or wss:\/\/ URL/)
})

test('the status bar says a server is remote and where', () => {
  const ev: ServerEvent = { project: '/w', state: 'running', detail: 'Remote Lean server at ws://bigbox:4567/lsp.', toolchain: 'leanprover/lean4:v4.20.0', remote: 'ws://bigbox:4567/lsp?project=%2Fsrv%2Fw' }
  const text = serverStatusText(ev, false)
  assert.equal(text.text, 'Lean v4.20.0 @ bigbox:4567')
  assert.match(text.tooltip, /Remote Lean server: ws:\/\/bigbox:4567\/lsp/)
  assert.equal(serverStatusText({ ...ev, remote: undefined }, false).text, 'Lean v4.20.0')
})
