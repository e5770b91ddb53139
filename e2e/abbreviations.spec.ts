// vscode-lean4's "Show all abbreviations": a searchable list of every `\` abbreviation; Enter types the symbol.
import { test, expect } from './fixtures'

test('Show All Abbreviations finds \\forall by name and by symbol, and Enter inserts ∀ at the cursor', async ({ app }) => {
  const { page } = app
  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Main.lean' }).first().click()
  await page.locator('.lx-editor .view-line', { hasText: 'rfl' }).click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')

  await page.keyboard.press('Control+Shift+P')
  await page.locator('.lx-palette-input').fill('Show All Abbreviations')
  await page.keyboard.press('Enter')
  const input = page.locator('.lx-palette-input')
  await expect(input).toHaveAttribute('placeholder', /Search \d+ abbreviations/)
  const rows = page.locator('.lx-palette-list [role="option"]')
  await input.fill('\\forall')
  await expect(rows.first().locator('.lx-palette-title')).toHaveText('\\forall')
  await expect(rows.first().locator('.lx-palette-symbol')).toHaveText('∀')

  await input.fill('→')
  await expect(rows.filter({ hasText: '\\to' }).first()).toBeVisible()

  await input.fill('forall')
  await expect(rows.first().locator('.lx-palette-title')).toHaveText('\\forall')
  await page.keyboard.press('Enter')
  await expect(input).toHaveCount(0)
  await expect.poll(() => page.evaluate((p) => window.__lectern?.modelText(p), app.file('Main.lean'))).toMatch(/rfl\n\s*∀\n/)
})
