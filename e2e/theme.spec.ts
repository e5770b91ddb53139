// The colour theme follows the OS (Chromium's prefers-color-scheme / prefers-contrast emulation), live, in the
// workbench, Monaco and the infoview frame alike.
import { test, expect } from './fixtures'

test('the theme follows the OS: dark, light and high contrast, switched live', async ({ app }) => {
  const { page } = app
  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Main.lean' }).first().click()
  const frameBody = page.frameLocator('iframe[title="Lean Infoview"]').locator('body')
  const editor = page.locator('.lx-editor .monaco-editor').first()

  await page.emulateMedia({ colorScheme: 'dark', contrast: 'no-preference' })
  await expect(page.locator('body')).toHaveClass(/lx-theme-dark/)
  await expect(editor).toHaveClass(/\bvs-dark\b/)
  await expect(frameBody).toHaveClass(/\bvscode-dark\b/)
  const darkBg = await page.locator('body').evaluate((b) => getComputedStyle(b).getPropertyValue('--lx-bg').trim())

  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('body')).toHaveClass(/lx-theme-light/)
  await expect(page.locator('body')).not.toHaveClass(/lx-theme-dark/)
  await expect(editor).toHaveClass(/\bvs\b/)
  await expect(frameBody).toHaveClass(/\bvscode-light\b/)
  const lightBg = await page.locator('body').evaluate((b) => getComputedStyle(b).getPropertyValue('--lx-bg').trim())
  expect(lightBg).not.toEqual(darkBg)

  await page.emulateMedia({ contrast: 'more' })
  await expect(page.locator('body')).toHaveClass(/lx-theme-hc/)
  await expect(editor).toHaveClass(/\bhc-light\b/)
  await expect(frameBody).toHaveClass(/\bvscode-high-contrast-light\b/)

  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(editor).toHaveClass(/\bhc-black\b/)
  await expect(frameBody).toHaveClass(/\bvscode-high-contrast\b/)
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(0, 0, 0)')
})
