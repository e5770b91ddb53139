// Issue "Lean servers that … survive crashes": kill the Lean server while the user types, keep typing,
// and see the diagnostics for the latest text once it is back.
import { execFileSync } from 'node:child_process'
import { expect, focusEditor, test } from './fixtures'

function leanServerPids(servePid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(servePid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0)
  } catch {
    return []
  }
}

test.use({
  workspaceFiles: {
    'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
    'lakefile.toml': 'name = "crashy"\n',
    'Main.lean': 'theorem one : 1 = 1 := by\n  rfl\n',
  },
})

test('killing the Lean server mid-typing loses nothing and the diagnostics come back', async ({ app }) => {
  const { page } = app
  await page.locator('.lx-tree-file', { hasText: 'Main.lean' }).click()
  await expect(page.getByTestId('status-server')).toContainText(/Lean/)
  await expect.poll(() => leanServerPids(app.serve.pid!).length).toBeGreaterThan(0)
  await focusEditor(page)
  await page.keyboard.press('Control+End')
  await page.keyboard.type('theorem two : 2 = 2 := by')
  const received = () => app.doubleLog().filter((e) => e.dir === 'in').map((e) => e.msg)
  await expect.poll(() => received().filter((m) => m.method === 'textDocument/didOpen').length).toBe(1)
  const killed = leanServerPids(app.serve.pid!)
  for (const pid of killed) process.kill(pid, 'SIGKILL')
  // Keep typing while it is down.
  await page.keyboard.type(' sorry')
  await expect(page.locator('.lx-problem-message', { hasText: "declaration uses 'sorry'" })).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('.lx-problem-position')).toHaveText(['3:9'])
  // The diagnostics came from a new server process: started again, initialized, and given the latest text once.
  expect(leanServerPids(app.serve.pid!).filter((pid) => !killed.includes(pid))).toHaveLength(1)
  expect(received().filter((m) => m.method === 'initialize')).toHaveLength(2)
  const opens = received().filter((m) => m.method === 'textDocument/didOpen') as { params: { textDocument: { text: string } } }[]
  expect(opens).toHaveLength(2)
  expect(opens[1]!.params.textDocument.text).toContain('theorem two : 2 = 2 := by')
  await page.keyboard.press('Control+S')
  await expect.poll(() => app.readFile('Main.lean')).toBe('theorem one : 1 = 1 := by\n  rfl\ntheorem two : 2 = 2 := by sorry')
})

test.describe('a server that keeps crashing', () => {
  test.use({ doubleEnv: { LEAN_DOUBLE_EXIT_AFTER_INIT: '1' } })

  test('is given up on after 5 crashes, with its last stderr lines and a Restart button', async ({ app }) => {
    const { page } = app
    await page.locator('.lx-tree-file', { hasText: 'Main.lean' }).click()
    const banner = page.locator('.lx-banner[data-state="stopped"]')
    await expect(banner).toBeVisible({ timeout: 45_000 })
    await expect(banner.locator('.lx-banner-detail')).toContainText('5 times within a minute')
    await expect(banner.getByTestId('banner-stderr')).toContainText('LEAN_DOUBLE_EXIT_AFTER_INIT')
    await expect(banner.getByRole('button', { name: 'Restart Server' })).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('crash-loop.png') })
    await test.info().attach('crash loop stopped', { path: test.info().outputPath('crash-loop.png'), contentType: 'image/png' })
  })
})
