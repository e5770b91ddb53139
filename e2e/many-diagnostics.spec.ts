// A noisy linter on a big file (issue 12): 1,200 warnings in one publish (several of the editor's slices and of the
// infoview's parts; the bench takes 5,000). Problems counts them all, the infoview lists them all, Problems reaches the
// last one from the keyboard (the list is virtual: only the rows in view are in the page); the gutter marks lines
// anywhere in the file; a later, shorter publish leaves none of the earlier icons or squiggles behind.
import { DEFAULT_FILES, expect, focusEditor, infoviewFrame, test } from './fixtures'

const LINES = Array.from({ length: 1500 }, (_, i) => `-- line ${i}`)
const lint = (n: number) => ['-- double: lint-warnings ' + n, 'theorem a : 1 = 1 := rfl', ...LINES].join('\n')

test.use({ workspaceFiles: { ...DEFAULT_FILES, 'Lint.lean': lint(1200) }, launchArgs: ['Lint.lean'] })

test('1,200 warnings: counted, reachable in Problems, marked in the gutter, and cleared by a shorter publish', async ({ app }) => {
  const { page } = app
  await expect(page.locator('.view-lines')).toContainText('lint-warnings 1200')
  if (!(await page.locator('.lx-problems-list').isVisible())) await page.keyboard.press('Control+Shift+M')
  const header = page.locator('.lx-panel-header', { has: page.locator('.lx-panel-title', { hasText: /^Problems$/ }) })
  const summary = header.locator('.lx-problems-summary')
  await expect(summary).toHaveText('0 errors, 1200 warnings, 0 messages', { timeout: 60_000 })
  expect(await page.locator('.lx-problem').count()).toBeLessThan(200)

  // The last warning is one key away (End in the list), and Enter opens its line.
  await page.locator('.lx-problems-list').focus()
  await page.keyboard.press('End')
  const last = page.locator('.lx-problem.lx-selected')
  await expect(last).toContainText('lint: warning 1199 on this line')
  await expect(last.locator('.lx-problem-position')).toHaveText('1200:1')
  await page.keyboard.press('Enter')
  await expect(page.locator('.view-lines')).toContainText('-- line 1197')
  await expect(page.locator('.lx-glyph-warning').first()).toBeVisible()
  // The infoview got the list whole (it travels to the frame in parts of 500): all 1,200 in All Messages.
  await expect(infoviewFrame(page).locator('summary', { hasText: 'All Messages' })).toContainText('1200', { timeout: 30_000 })

  // Three warnings now, all on the first lines: nothing remains at the end of the file.
  await focusEditor(page)
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Shift+End')
  await page.keyboard.insertText('-- double: lint-warnings 3')
  await expect(summary).toHaveText('0 errors, 3 warnings, 0 messages', { timeout: 60_000 })
  await expect(page.locator('.lx-glyph-warning')).toHaveCount(3)
  await expect(page.locator('.squiggly-warning')).toHaveCount(3)
  await page.keyboard.press('Control+End')
  await expect(page.locator('.view-lines')).toContainText('-- line 1499')
  // Positive signal that the view at the end was drawn after the shorter publish: its line numbers are there.
  await expect(page.locator('.line-numbers', { hasText: '1502' })).toBeVisible()
  await expect(page.locator('.lx-glyph-warning')).toHaveCount(0)
  await expect(page.locator('.lx-problem')).toHaveCount(3)
})

test('the squiggle images are loaded before the first diagnostics need them, in the theme\'s colours', async ({ app }) => {
  const { page } = app
  // Monaco publishes each severity's squiggle as a CSS variable; the hidden probes use them, so the first squiggles
  // drawn do not pay for building the images (a Monaco that renamed the variables would leave these empty).
  const images = () => page.evaluate(() => Array.from(document.querySelectorAll('.lx-squiggle-warmup > div'), (d) => getComputedStyle(d).backgroundImage))
  await expect.poll(async () => (await images()).length).toBe(4)
  for (const image of await images()) expect(image).toMatch(/^url\("data:image\/svg\+xml,/)
  await expect(page.locator('.lx-squiggle-warmup')).toBeHidden()
  await expect(page.locator('.view-lines')).toContainText('lint-warnings 1200')
  await expect(page.locator('.lx-editor .squiggly-warning').first()).toBeAttached({ timeout: 60_000 })
  const drawn = await page.locator('.lx-editor .squiggly-warning').first().evaluate((d) => getComputedStyle(d).backgroundImage)
  expect(await images()).toContain(drawn)
})
