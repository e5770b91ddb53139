// The desktop shell, driven with Playwright's Electron support. Runs where Electron's binary works; on
// machines where it cannot be installed (it downloads from GitHub on first use) it is skipped with the reason.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { DOUBLE, REPO_ROOT } from './fixtures'

function electronBinary(): { path?: string; why?: string } {
  const pathTxt = join(REPO_ROOT, 'node_modules/electron/path.txt')
  if (!existsSync(pathTxt)) return { why: "Electron's binary is not installed here (its download from GitHub is unreachable)" }
  const bin = join(REPO_ROOT, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim())
  return existsSync(bin) ? { path: bin } : { why: `Electron's binary is missing at ${bin}` }
}

test('the Electron window opens a workspace, edits through IPC and shows the diagnostics of the edit', async () => {
  const found = electronBinary()
  if (!found.path) console.log(`Skipping the Electron e2e: ${found.why}.`)
  test.skip(!found.path, found.why)
  const ws = mkdtempSync(join(tmpdir(), 'lectern-electron-'))
  writeFileSync(join(ws, 'lean-toolchain'), 'leanprover/lean4:v4.20.0\n')
  writeFileSync(join(ws, 'A.lean'), 'theorem two : 1 + 1 = 2 := by sorry\n')
  const app = await electron.launch({
    executablePath: found.path,
    args: [REPO_ROOT, ws],
    env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LECTERN_USER_DATA: join(ws, '.user-data') },
  })
  const page = await app.firstWindow()
  // The page has the preload's named functions and no Node.
  expect(await page.evaluate(() => typeof (window as any).lectern?.app_info)).toBe('function')
  expect(await page.evaluate(() => typeof (window as any).require)).toBe('undefined')
  await page.locator('.lx-tree-file', { hasText: 'A.lean' }).click()
  await expect(page.locator('.lx-problem-message', { hasText: "declaration uses 'sorry'" })).toBeVisible()
  // An edit travels renderer → IPC → core → Lean, and its diagnostic comes back the same way.
  await page.locator('.monaco-editor .view-lines').first().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('#eval 6 * 7\n')
  await expect(page.locator('.lx-problem-message', { hasText: /^42$/ })).toBeVisible()
  await expect(page.locator('.lx-problem-message', { hasText: "declaration uses 'sorry'" })).toBeVisible()
  await app.close()
})
