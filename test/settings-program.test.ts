// Settings that choose which program runs (the server command and args, the /lsp sandbox) change only from
// the app's own UI after a confirmation; a /ws client gets a clear refusal and the setting stays as it was.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import WebSocket from 'ws'
import { LecternErrorCodes } from '../src/shared/api'
import type { ConnectionContext } from '../src/main/api/router'
import { startCore } from './helpers/core-harness'

test('a /ws client cannot change leanServerCommand, serverArgs or the sandbox; other settings still save', async (t) => {
  const h = await startCore({ files: {}, bridge: true })
  t.after(() => h.dispose())
  const b = h.bridge!
  await h.core.settings.update({ leanServerCommand: 'lake serve --' }) // as if set in settings.json
  const ws = new WebSocket(`ws://127.0.0.1:${b.port}/ws?token=${b.token}`, { headers: { Origin: b.origin } })
  await new Promise((r) => ws.once('open', r))
  let id = 1
  const call = (method: string, params: unknown) =>
    new Promise<any>((resolve) => {
      const mine = id++
      const on = (d: WebSocket.RawData) => {
        const m = JSON.parse(d.toString())
        if (m.id === mine) (ws.off('message', on), resolve(m))
      }
      ws.on('message', on)
      ws.send(JSON.stringify({ jsonrpc: '2.0', id: mine, method, params }))
    })
  for (const patch of [{ leanServerCommand: '/tmp/evil' }, { serverArgs: ['--run', 'x'] }, { 'lsp.sandbox': false }, { theme: 'light', 'lsp.projectWritable': true }]) {
    const r = await call('settings.update', { patch })
    assert.equal(r.error?.code, LecternErrorCodes.ProgramSettingRefused, JSON.stringify(patch))
    assert.match(r.error.message, /only the desktop app's Settings can change/)
  }
  const after = h.core.settings.get()
  assert.equal(after.leanServerCommand, 'lake serve --')
  assert.equal(after['lsp.sandbox'], undefined)
  assert.equal(after.theme, undefined, 'a refused patch changes nothing, not even its harmless keys')
  const same = await call('settings.update', { patch: { theme: 'light', leanServerCommand: 'lake serve --' } })
  assert.equal(same.result?.theme, 'light', 'a patch that repeats the current server command passes')
  ws.close()
})

test('the app UI context asks for confirmation: yes applies the change, no refuses it', async (t) => {
  const h = await startCore({ files: {} })
  t.after(() => h.dispose())
  const asked: string[] = []
  let answer = false
  const ctx: ConnectionContext = { id: 'ipc-test', sendEvent: () => undefined, confirmProgramChange: async (s) => (asked.push(s), answer) }
  await assert.rejects(h.core.router.dispatch('settings.update', { patch: { leanServerCommand: 'lake serve --' } }, ctx), /not confirmed/)
  assert.equal(h.core.settings.get().leanServerCommand, undefined)
  answer = true
  await h.core.router.dispatch('settings.update', { patch: { leanServerCommand: 'lake serve --' } }, ctx)
  assert.equal(h.core.settings.get().leanServerCommand, 'lake serve --')
  assert.deepEqual(asked, ['leanServerCommand: null → "lake serve --"', 'leanServerCommand: null → "lake serve --"'])
})
