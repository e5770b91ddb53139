// A start-up error in the desktop app reaches a dialog (not only stderr) and a non-zero exit.
import { app, dialog } from './helpers/fake-electron'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { it } from 'node:test'
import { exited, launch, makeWorkspace } from './helpers/electron-app-harness'

it('a missing workspace folder is shown in an error box and exits 1', async () => {
  const { tmp, userData } = makeWorkspace()
  launch(['--workspace', join(tmp, 'no such folder'), '--user-data', userData])
  app.fireReady()
  assert.equal(await exited(), 1)
  assert.equal(dialog.errors.length, 1)
  assert.equal(dialog.errors[0].title, 'Lectern could not start')
  assert.match(dialog.errors[0].content, /Workspace folder not found: .*no such folder/)
})
