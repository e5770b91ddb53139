// Open Folder / Open Recent / Close Folder in serve mode: the in-app folder browser, switching folders and back
// with nothing lost (tabs, unsaved text), and no Lean process of a closed folder left running.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { expect, focusEditor, type LecternApp, test } from './fixtures'

/** Lean server processes (children of serve) by the project folder they run in. */
function leanProcessesIn(app: LecternApp, folder: string): number[] {
  let pids: number[] = []
  try {
    pids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(app.serve.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0)
  } catch {
    return []
  }
  return pids.filter((pid) => {
    try {
      return readlinkSync(`/proc/${pid}/cwd`) === folder
    } catch {
      return false // exited meanwhile
    }
  })
}

/** A second Lean project beside the test's workspace. */
function secondProject(app: LecternApp): string {
  const dir = join(dirname(app.workspace), 'second')
  mkdirSync(dir)
  writeFileSync(join(dir, 'lean-toolchain'), 'leanprover/lean4:v4.20.0\n')
  writeFileSync(join(dir, 'lakefile.toml'), 'name = "second"\n')
  writeFileSync(join(dir, 'Other.lean'), 'theorem two : 2 = 2 := by\n  rfl\n')
  return realpathSync(dir)
}

async function runCommand(app: LecternApp, title: string): Promise<void> {
  await app.page.locator('.lx-explorer').click()
  await app.page.keyboard.press('Control+Shift+P')
  await app.page.keyboard.type(title)
  await app.page.getByRole('dialog', { name: 'Command Palette' }).locator('.lx-palette-item', { hasText: title }).first().click()
}

async function typeAtEnd(app: LecternApp, text: string): Promise<void> {
  await focusEditor(app.page)
  await app.page.keyboard.press('Control+End')
  await app.page.keyboard.type(text)
}

test('open a second folder through the folder browser, edit, switch back: tabs and unsaved text come back, no Lean process of the other folder survives', async ({ app }) => {
  test.setTimeout(240_000) // three folder switches, each starting a Lean server, on a shared machine
  const { page } = app
  const first = realpathSync(app.workspace)
  const second = secondProject(app)
  await page.locator('.lx-tree-file', { hasText: 'Main.lean' }).click()
  await expect(page.getByTestId('status-server')).toContainText(/Lean/)
  await typeAtEnd(app, '\n-- one')
  await expect(page.locator('.lx-tab-active')).toHaveClass(/lx-tab-dirty/)
  await expect.poll(() => leanProcessesIn(app, first).length).toBe(1)

  // File: Open Folder… starts at the home folder; typing a path lists that folder, `second` marked as a Lean project.
  await runCommand(app, 'File: Open Folder')
  const browser = page.getByRole('dialog', { name: 'Open Folder' })
  await expect(browser.locator('.lx-palette-item').first()).toContainText(`Open Folder: ${basename(homedir())}`)
  await page.keyboard.type(`${dirname(second)}/`)
  const row = browser.locator('.lx-palette-item', { hasText: 'second' })
  await expect(row.getByTestId('lean-project-badge')).toBeVisible()
  await row.click()
  await expect(browser.locator('.lx-palette-item').first()).toContainText('Open Folder: second')
  await page.keyboard.press('Enter')

  await expect(page.locator('.lx-tree-root')).toHaveText(['second'])
  await expect(page.locator('.lx-tab')).toHaveCount(0)
  await expect.poll(() => leanProcessesIn(app, first)).toEqual([])
  await expect(page).toHaveTitle('second — Lectern')
  await page.locator('.lx-tree-file', { hasText: 'Other.lean' }).click()
  await typeAtEnd(app, '\n-- two')
  await expect(page.locator('.lx-tab-active')).toHaveClass(/lx-tab-dirty/)
  await expect.poll(() => leanProcessesIn(app, second).length).toBe(1)

  // Back through Open Recent: the first folder's tab returns with its unsaved text.
  await runCommand(app, 'File: Open Recent')
  const recent = page.getByRole('dialog', { name: 'Open Recent' })
  await expect(recent.locator('.lx-palette-item')).toHaveCount(1) // the folder open now is not offered
  await recent.locator('.lx-palette-item', { hasText: 'workspace' }).click()
  await expect(page.locator('.lx-tree-root')).toHaveText(['workspace'])
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Main.lean')
  await expect(page.locator('.lx-tab-active')).toHaveClass(/lx-tab-dirty/)
  await expect.poll(() => page.evaluate((p) => window.__lectern?.modelText(p), join(first, 'Main.lean'))).toBe('theorem one : 1 = 1 := by\n  rfl\n\n-- one')
  await expect.poll(() => leanProcessesIn(app, second)).toEqual([])
  expect(app.readFile('Main.lean')).toBe('theorem one : 1 = 1 := by\n  rfl\n')

  // And once more to the second folder: its tab and unsaved text come back too.
  await runCommand(app, 'File: Open Recent')
  await page.getByRole('dialog', { name: 'Open Recent' }).locator('.lx-palette-item', { hasText: 'second' }).click()
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Other.lean')
  await expect.poll(() => page.evaluate((p) => window.__lectern?.modelText(p), join(second, 'Other.lean'))).toContain('-- two')
  await expect.poll(() => leanProcessesIn(app, first)).toEqual([])
})

test('the folder browser refuses a folder that does not exist in one sentence; Close Folder returns to the scratch project', async ({ app }) => {
  test.setTimeout(180_000) // a folder switch and a Lean server start, on a shared machine
  const { page } = app
  await expect(page.locator('.lx-tree-root')).toHaveText(['workspace'])
  await runCommand(app, 'File: Open Folder')
  const browser = page.getByRole('dialog', { name: 'Open Folder' })
  await expect(browser.locator('.lx-palette-item').first()).toBeVisible()
  await page.keyboard.type('/no/such/folder/')
  await expect(browser.locator('.lx-palette-empty')).toHaveText('/no/such/folder/ does not exist.')
  await page.keyboard.press('Escape')

  await runCommand(app, 'File: Close Folder')
  await expect(page.locator('.lx-tree-root')).toHaveText(['scratch'])
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Main.lean')
  const scratchMain = join(realpathSync(app.userData), 'scratch', 'Main.lean')
  await expect.poll(() => page.evaluate((p) => window.__lectern?.modelText(p), scratchMain)).toContain('File: Open Folder… (Ctrl+K Ctrl+O)')
  const hint = page.getByTestId('explorer-folder-hint')
  await expect(hint).toBeVisible()
  // The explorer's own Open Folder button, then Ctrl+K Ctrl+O from the explorer: both open the browser.
  await hint.getByRole('button', { name: 'Open Folder…' }).click()
  await expect(page.getByRole('dialog', { name: 'Open Folder' })).toBeVisible()
  await page.keyboard.press('Escape')
  await page.locator('.lx-tree-root').click()
  await page.keyboard.press('Control+K')
  await page.keyboard.press('Control+O')
  await expect(page.getByRole('dialog', { name: 'Open Folder' })).toBeVisible()
})

test('Add Folder to Workspace shows both folders in the explorer; Remove Folder from Workspace ends only that folder’s Lean server', async ({ app }) => {
  test.setTimeout(180_000)
  const { page } = app
  const first = realpathSync(app.workspace)
  const second = secondProject(app)
  await page.locator('.lx-tree-file', { hasText: 'Main.lean' }).click()
  await expect.poll(() => leanProcessesIn(app, first).length).toBe(1)

  await runCommand(app, 'File: Add Folder to Workspace')
  const browser = page.getByRole('dialog', { name: 'Add Folder to Workspace' })
  await expect(browser.locator('.lx-palette-item').first()).toBeVisible()
  await page.keyboard.type(`${dirname(second)}/`)
  await browser.locator('.lx-palette-item', { hasText: 'second' }).click()
  await expect(browser.locator('.lx-palette-item').first()).toContainText('Add Folder to Workspace: second')
  await page.keyboard.press('Enter')
  await expect(page.locator('.lx-tree-root')).toHaveText(['workspace', 'second'])
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Main.lean') // nothing closed
  await page.locator('.lx-tree-file', { hasText: 'Other.lean' }).click()
  await expect(page.locator('.lx-tab')).toHaveCount(2)
  await expect.poll(() => leanProcessesIn(app, second).length).toBe(1)

  await page.locator('.lx-tree-root', { hasText: 'workspace' }).click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Remove Folder from Workspace' }).click()
  await expect(page.locator('.lx-tree-root')).toHaveText(['second'])
  await expect(page.locator('.lx-tab .lx-tab-label')).toHaveText(['Other.lean'])
  await expect.poll(() => leanProcessesIn(app, first)).toEqual([])
  expect(leanProcessesIn(app, second)).toHaveLength(1)
})
