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
