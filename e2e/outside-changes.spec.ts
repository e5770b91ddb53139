// Lean in depth (issue 11): files changed by another program reach Lean as workspace/didChangeWatchedFiles, so the
// open file importing a changed module hears "should be rebuilt"; and a file whose Lean worker crashed says so
// (a bar with Restart File, the infoview's stopped state, the red gutter) instead of spinning, until restarted.
import type { FrameLocator, Page } from '@playwright/test'
import { DEFAULT_FILES, expect, test } from './fixtures'

const infoview = (page: Page): FrameLocator => page.frameLocator('iframe[title="Lean Infoview"]')

test.describe('a module changed outside Lectern', () => {
  test.use({
    workspaceFiles: { ...DEFAULT_FILES, 'Lib/Basic.lean': 'def one := 1\n', 'Main.lean': 'import Lib.Basic\n\ntheorem t : one = 1 := rfl\n' },
  })

  test('an outside write to an imported file shows the "should be rebuilt" notice for the open importer', async ({ app }) => {
    const { page } = app
    await page.locator('.lx-tree-file', { hasText: 'Main.lean' }).click()
    const log = () => app.doubleLog()
    // Lean registered its watchers and finished Main.lean before the change.
    await expect.poll(() => log().some((e) => e.dir === 'in' && e.msg.id === 'register_lean_watcher' && 'result' in e.msg)).toBe(true)
    await expect
      .poll(() => log().some((e) => e.dir === 'out' && e.msg.method === '$/lean/fileProgress' && JSON.stringify(e.msg.params).includes('Main.lean') && (e.msg.params as { processing: unknown[] }).processing.length === 0))
      .toBe(true)

    app.writeFile('Lib/Basic.lean', 'def one := 1\ndef two := 2\n') // as an editor or `git pull` in a terminal would
    const notice = page.locator('[data-notice="stale-imports"]')
    await expect(notice).toBeVisible({ timeout: 30_000 })
    await expect(page.locator('.lx-problem-message', { hasText: 'Imports are out of date and should be rebuilt' })).toBeVisible()
    const sent = log()
      .filter((e) => e.dir === 'in' && e.msg.method === 'workspace/didChangeWatchedFiles')
      .flatMap((e) => (e.msg.params as { changes: { uri: string; type: number }[] }).changes)
    expect(sent).toContainEqual({ uri: `file://${app.file('Lib/Basic.lean')}`, type: 2 })

    await notice.getByRole('button', { name: 'Restart File' }).click()
    await expect(notice).toBeHidden()
    await expect(page.locator('.lx-problem-message', { hasText: 'should be rebuilt' })).toHaveCount(0)
  })
})

test.describe('a crashed file worker', () => {
  test.use({
    workspaceFiles: { ...DEFAULT_FILES, 'Crash.lean': '#eval 1\n#eval 2\n-- double: worker-crash\n#eval 3 + 4\n' },
    // The worker crashes once at the marker, as a flaky stack overflow would; the restarted one gets past it.
    // Slow enough that the infoview's request for the goals at the cursor is in flight when it dies.
    doubleEnv: { LEAN_DOUBLE_WORKER_CRASHES: '1', LEAN_DOUBLE_DELAY_MS: '300' },
    launchArgs: ['Crash.lean:4:7'],
  })

  test('worker crash → banner → Restart File → diagnostics back', async ({ app }) => {
    const { page } = app
    const banner = page.locator('[data-notice="worker-crashed"]')
    await expect(banner).toBeVisible({ timeout: 30_000 })
    // Lean's -32902 message when a request was in flight, else the fatal stop without an error; both say crash.
    await expect(banner).toContainText(/Lean stopped processing this file: .*(crashed, likely due to a stack overflow or a bug|it likely crashed)/)
    await expect(infoview(page).getByText('Lean stopped processing this file.')).toBeVisible()
    await expect(page.locator('.lx-progress-fatal').first()).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('worker-crash.png') })
    await test.info().attach('worker crashed', { path: test.info().outputPath('worker-crash.png'), contentType: 'image/png' })

    await banner.getByRole('button', { name: 'Restart File' }).click()
    await expect(banner).toBeHidden()
    // The fresh worker elaborates the whole file: the messages after the crash point appear.
    await expect(page.locator('.lx-problem-message', { hasText: /^7$/ })).toBeVisible({ timeout: 30_000 })
    await expect(page.locator('.lx-progress-fatal')).toHaveCount(0)
    await expect(infoview(page).getByText('Lean stopped processing this file.')).toHaveCount(0)
    const opens = app.doubleLog().filter((e) => e.dir === 'in' && e.msg.method === 'textDocument/didOpen')
    expect(opens.map((e) => (e.msg.params as { dependencyBuildMode?: string }).dependencyBuildMode)).toEqual(['never', 'once'])
  })
})
