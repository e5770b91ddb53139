import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseLaunchArgs } from '../src/main/launch-args'

test('launch flags: workspace, port, no-browser, user data; env fallbacks; bad input is an error', () => {
  const env = { LECTERN_USER_DATA: '/ud' }
  assert.deepEqual(parseLaunchArgs(['--workspace', '/w', '--port', '4567', '--no-browser'], env), {
    workspace: '/w',
    port: 4567,
    openBrowser: false,
    userDataDir: '/ud',
  })
  assert.equal(parseLaunchArgs(['/positional'], env).workspace, '/positional')
  assert.equal(parseLaunchArgs([], { ...env, LECTERN_WORKSPACE: '/from-env', LECTERN_PORT: '99' }).port, 99)
  assert.throws(() => parseLaunchArgs(['--port', 'x'], env), /Bad port/)
  assert.throws(() => parseLaunchArgs(['--frobnicate'], env), /Unknown argument/)
  assert.throws(() => parseLaunchArgs(['--workspace'], env), /needs a value/)
})

test('/lsp limit flags: seconds become milliseconds, --lsp-no-sandbox turns the sandbox off, bad numbers are errors', () => {
  const env = { LECTERN_USER_DATA: '/ud' }
  const args = parseLaunchArgs(['--lsp-idle', '60', '--lsp-max-life', '3600', '--lsp-max-sessions', '3', '--lsp-no-sandbox', '--lsp-memory', '4096'], env)
  assert.deepEqual(args.lsp, { idleMs: 60_000, maxLifeMs: 3_600_000, maxSessions: 3, sandbox: false, memoryMb: 4096 })
  assert.equal(parseLaunchArgs([], env).lsp, undefined)
  assert.throws(() => parseLaunchArgs(['--lsp-idle', 'soon'], env), /needs a number/)
})
