// Remote Lean as a user meets it: this Lectern's project uses a second Lectern's /lsp (another serve process,
// the Lean server double behind it, the project at a different path) as its Lean server. The status bar says
// where the server runs; goals and diagnostics come from the other side; when the remote goes away mid-edit
// and comes back on the same port, Lectern reconnects and the diagnostics match what is in the editor.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type RemoteServe, startRemoteServe } from '../test/helpers/remote-serve'
import { expect, focusEditor, REPO_ROOT, test } from './fixtures'

const FILES = {
  'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
  'lakefile.toml': 'name = "demo"\n',
  'Proof.lean': 'theorem t (p q : Prop) (hp : p) : q → p := by\n  intro h\n  exact hp\n',
}
const TOKEN = 'e2e-remote-token-0123456789abcdefgh'

interface Remote {
  serve: RemoteServe
  port: number
  /** The project's folder on the remote side (not the local workspace's path). */
  root: string
  restart(): Promise<void>
}

const remoteTest = test.extend<{ remote: Remote }>({
  remote: async ({}, use) => {
    const box = mkdtempSync(join(tmpdir(), 'lectern-e2e-remote-'))
    const root = join(box, 'big-machine', 'checkouts', 'demo')
    for (const [rel, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(root, rel)), { recursive: true })
      writeFileSync(join(root, rel), text)
    }
    const options = { workspace: root, tmp: box, token: TOKEN, serveScript: join(REPO_ROOT, 'out/main/serve.js') }
    const remote: Remote = {
      serve: await startRemoteServe(options),
      root,
      get port() {
        return this.serve.port
      },
      restart: async () => {
        remote.serve = await startRemoteServe({ ...options, port: remote.port })
      },
    }
    await use(remote)
    await remote.serve.stop()
    rmSync(box, { recursive: true, force: true })
  },
  leanServer: async ({ remote }, use) => {
    await use(`ws://127.0.0.1:${remote.port}/lsp?project=${encodeURIComponent(remote.root)}&token=${TOKEN}`)
  },
  workspaceFiles: FILES,
})

remoteTest('goals and diagnostics come from a Lean server behind another Lectern; it survives the remote going away', async ({ app, remote }) => {
  // Two serve processes, two Lean doubles and an outage: more than the default budget on a loaded machine.
  remoteTest.setTimeout(240_000)
  const { page } = app
  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Proof.lean' }).first().click()
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Proof.lean')
  await expect(page.getByTestId('status-server')).toContainText(`@ 127.0.0.1:${remote.port}`)

  // The tactic state after `intro h`, computed by the double behind the second Lectern.
  await page.locator('.lx-editor .view-lines').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  const frame = page.frameLocator('iframe[title="Lean Infoview"]')
  await expect(frame.locator('[data-is-goal]', { hasText: /^⊢\sp$/ })).toBeVisible()

  // An edit gets its diagnostics from the remote.
  await focusEditor(page)
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n#eval 6 * 7')
  await expect(page.locator('.lx-problem-message', { hasText: /^42$/ })).toBeVisible()

  // The remote machine goes away in the middle of editing; the user keeps typing.
  remote.serve.child.kill('SIGKILL')
  await expect(page.getByTestId('status-server')).toContainText(/restarting|crashed/)
  await page.keyboard.press('Backspace')
  await page.keyboard.type('8')
  await remote.restart()
  // Reconnected: the diagnostics match the text in the editor (6 * 8), not what the remote saw last.
  await expect(page.getByTestId('status-server')).not.toContainText(/restarting|crashed/, { timeout: 60_000 })
  await expect(page.locator('.lx-problem-message', { hasText: /^48$/ })).toBeVisible({ timeout: 60_000 })
  await expect(page.locator('.lx-problem-message', { hasText: /^42$/ })).toHaveCount(0)
})
