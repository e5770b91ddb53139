// Issue "Lectern edits a Lean file end to end", as a user drives it in serve mode.
import { expect, focusEditor, test } from './fixtures'

const ctrl = process.platform === 'darwin' ? 'Meta' : 'Control'

test.describe('default workspace with the Lean server double', () => {
  test.use({ workspaceFiles: null })

  test('typing a sorry proof shows a warning squiggle and a Problems entry; rfl clears them', async ({ app }) => {
    const { page } = app
    // The scratch project opens Main.lean by itself.
    await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Main.lean')
    await expect(page.locator('.view-line').first()).toBeVisible()
    await focusEditor(page)
    await page.keyboard.press(`${ctrl}+A`)
    await page.keyboard.press('Delete')
    await page.keyboard.type('theorem two : 1 + 1 = 2 := by sorry')
    await expect(page.locator('.monaco-editor .squiggly-warning')).toHaveCount(1)
    await expect(page.locator('.lx-problem-message', { hasText: "declaration uses 'sorry'" })).toBeVisible()
    await expect(page.locator('.lx-problem-position').first()).toHaveText('1:9')
    await expect(page.locator('.monaco-editor .glyph-margin-widgets > div, .monaco-editor .margin-view-overlays [class*="lx-glyph"]').first()).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('sorry.png') })
    await test.info().attach('sorry warning', { path: test.info().outputPath('sorry.png'), contentType: 'image/png' })

    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace')
    await page.keyboard.type('rfl')
    await expect(page.locator('.monaco-editor .squiggly-warning')).toHaveCount(0)
    await expect(page.locator('.lx-problem-message', { hasText: 'sorry' })).toHaveCount(0)
    await expect(page.getByTestId('status-warnings')).toHaveText(/0/)
  })

  test('Ctrl+S writes the file to disk and clears the dirty marker', async ({ app }) => {
    const { page } = app
    await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Main.lean')
    await focusEditor(page)
    await page.keyboard.press(`${ctrl}+End`)
    await page.keyboard.type('\n#eval 6 * 7')
    await expect(page.locator('.lx-tab-active.lx-tab-dirty')).toBeVisible()
    await page.keyboard.press(`${ctrl}+S`)
    await expect(page.locator('.lx-tab-active.lx-tab-dirty')).toHaveCount(0)
    expect(app.readFile('Main.lean')).toContain('#eval 6 * 7')
  })
})

test.describe('a slow Lean server', () => {
  test.use({
    // 6 commands × 2 s: the processing state lasts long enough to be seen on a loaded machine.
    doubleEnv: { LEAN_DOUBLE_DELAY_MS: '2000' },
    workspaceFiles: {
      'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
      'lakefile.toml': 'name = "slow"\n',
      'Slow.lean': Array.from({ length: 6 }, (_, i) => `theorem t${i} : ${i} = ${i} := by rfl`).join('\n') + '\n',
    },
  })

  test('the gutter shows which lines are still processing, then clears', async ({ app }) => {
    const { page } = app
    await page.locator('.lx-tree-file', { hasText: 'Slow.lean' }).click()
    await expect(page.locator('.lx-progress-processing').first()).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('progress.png') })
    await test.info().attach('progress bar', { path: test.info().outputPath('progress.png'), contentType: 'image/png' })
    await expect(page.locator('.lx-progress-processing')).toHaveCount(0, { timeout: 45_000 })
  })
})

test.describe('no Lean toolchain on this machine', () => {
  test.use({ leanServer: 'none' })

  test('the status bar and a banner say so plainly and explain how to install elan', async ({ app }) => {
    const { page } = app
    await page.locator('.lx-tree-file', { hasText: 'Main.lean' }).click()
    await expect(page.locator('.lx-banner-detail')).toContainText(/elan/)
    await expect(page.getByTestId('banner-fix-command')).toContainText('elan-init')
    await expect(page.getByTestId('status-server')).toContainText(/no toolchain|No Lean/i)
    await page.screenshot({ path: test.info().outputPath('no-toolchain.png') })
    await test.info().attach('no toolchain', { path: test.info().outputPath('no-toolchain.png'), contentType: 'image/png' })
  })
})
