// The workbench as a user drives it: explorer, tabs, typing and saving, Problems navigation, multi-cursor
// edits reaching the core intact, and external changes under a dirty buffer. (Navigation, files and commands:
// workbench-navigation.spec.ts.)
import { test, expect } from './fixtures'
import { coreText, focusEditorStart, modelText, openFromExplorer, ready } from './workbench-helpers'

const PROBLEM_FILE = [
  'theorem one : 1 = 1 := by',
  '  rfl',
  '',
  '-- a few lines so that the jump is visible',
  '',
  '',
  '',
  'def x := foo',
  '',
].join('\n')

test('clicking a file in the explorer opens it in a tab', async ({ app }) => {
  const { page } = app
  await ready(app)
  await openFromExplorer(page, 'Main.lean')
  await expect(page.locator('.lx-tab')).toHaveCount(1)
  await expect(page.locator('.lx-editor .view-lines')).toContainText('theorem one')
  await expect(page.locator('.lx-explorer .lx-tree-row.lx-active')).toHaveText('Main.lean')
  await expect(page.locator('[data-testid="status-cursor"]')).toHaveText('Ln 1, Col 1')
})

test('typing marks the tab dirty; Ctrl+S writes the file and clears the marker', async ({ app }) => {
  const { page } = app
  await ready(app)
  await openFromExplorer(page, 'Main.lean')
  await focusEditorStart(page)
  await page.keyboard.type('-- saved by the test\n')
  await expect(page.locator('.lx-tab-active')).toHaveClass(/lx-tab-dirty/)
  await expect(page.locator('.lx-tab-active .lx-tab-dirty-marker')).toBeVisible()
  await page.keyboard.press('Control+S')
  await expect.poll(() => app.readFile('Main.lean')).toBe('-- saved by the test\ntheorem one : 1 = 1 := by\n  rfl\n')
  await expect(page.locator('.lx-tab-active')).not.toHaveClass(/lx-tab-dirty/)
})

test('File: Save All writes every dirty file; Close All Editors then leaves no tab', async ({ app }) => {
  const { page } = app
  await ready(app)
  await openFromExplorer(page, 'lakefile.toml')
  await focusEditorStart(page)
  // Inserted, not typed key by key: in a plain-text file the word-based suggestions can be open when Enter comes,
  // and Enter then accepts one (as in VS Code). Typing is not what this test is about.
  await page.keyboard.insertText('# a note\n')
  await openFromExplorer(page, 'Main.lean')
  await focusEditorStart(page)
  await page.keyboard.type('-- two\n')
  await expect(page.locator('.lx-tab.lx-tab-dirty')).toHaveCount(2)
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('save all')
  await page.keyboard.press('Enter')
  await expect(page.locator('.lx-tab.lx-tab-dirty')).toHaveCount(0)
  expect(app.readFile('lakefile.toml')).toBe('# a note\nname = "demo"\n')
  expect(app.readFile('Main.lean')).toBe('-- two\ntheorem one : 1 = 1 := by\n  rfl\n')
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('close all editors')
  await page.keyboard.press('Enter')
  await expect(page.locator('.lx-tab')).toHaveCount(0)
})

test.describe('with diagnostics', () => {
  test.use({ workspaceFiles: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "demo"\n', 'Main.lean': 'theorem one : 1 = 1 := by\n  rfl\n', 'Bad.lean': PROBLEM_FILE } })

  test('a Problems entry jumps to the diagnostic', async ({ app }) => {
    const { page } = app
    await ready(app)
    await openFromExplorer(page, 'Bad.lean')
    const problem = page.locator('.lx-problem', { hasText: "unknown identifier 'foo'" })
    await expect(problem).toBeVisible()
    await expect(problem.locator('.lx-problem-file')).toHaveText('Bad.lean')
    await expect(problem.locator('.lx-problem-position')).toHaveText('8:10')
    await expect(page.locator('[data-testid="status-errors"]')).toHaveText(/1/)
    await expect(page.locator('.lx-editor .lx-glyph-error')).toHaveCount(1)
    // Move away (another tab) and come back through the Problems entry.
    await openFromExplorer(page, 'Main.lean')
    await problem.click()
    await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Bad.lean')
    await expect(page.locator('[data-testid="status-cursor"]')).toHaveText("Ln 8, Col 10")
  })
})

test('multi-cursor edits keep the core text equal to the editor text', async ({ app }) => {
  const { page } = app
  const path = app.file('Main.lean')
  app.writeFile('Main.lean', 'theorem one : 1 = 1 := by\n  rfl\n\nexample : 2 = 2 := by\n  rfl\n')
  await ready(app)
  await openFromExplorer(page, 'Main.lean')
  await focusEditorStart(page)
  // Three cursors at the start of lines 1–3 (Monaco's "add cursor below" on Linux).
  await page.keyboard.press('Shift+Alt+ArrowDown')
  await page.keyboard.press('Shift+Alt+ArrowDown')
  await page.keyboard.type('ab')
  await page.keyboard.press('End')
  await page.keyboard.type(' -- c')
  await page.keyboard.press('Enter')
  await page.keyboard.type('d')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Escape')
  const model = await modelText(page, path)
  expect(model).toContain('ab')
  expect(model).not.toBe('theorem one : 1 = 1 := by\n  rfl\n\nexample : 2 = 2 := by\n  rfl\n')
  await expect.poll(() => coreText(page, path)).toBe(model)
})

test('a file changed on disk under unsaved edits shows the conflict bar and loses nothing', async ({ app }) => {
  const { page } = app
  const path = app.file('Main.lean')
  await ready(app)
  await openFromExplorer(page, 'Main.lean')
  await focusEditorStart(page)
  await page.keyboard.type('-- mine\n')
  await expect(page.locator('.lx-tab-active')).toHaveClass(/lx-tab-dirty/)
  app.writeFile('Main.lean', '-- theirs\n')
  const bar = page.locator('[data-notice="conflict"]')
  await expect(bar).toBeVisible()
  // Nothing was lost on either side: the buffer keeps our edit, the disk keeps theirs.
  expect(await modelText(page, path)).toBe('-- mine\ntheorem one : 1 = 1 := by\n  rfl\n')
  expect(app.readFile('Main.lean')).toBe('-- theirs\n')
  await expect.poll(() => coreText(page, path)).toBe('-- mine\ntheorem one : 1 = 1 := by\n  rfl\n')
  // Ctrl+S must not overwrite silently either.
  await page.keyboard.press('Control+S')
  await expect(bar).toBeVisible()
  expect(app.readFile('Main.lean')).toBe('-- theirs\n')
  // The user decides: keep ours.
  await bar.getByRole('button', { name: 'Overwrite' }).click()
  await expect(bar).toBeHidden()
  await expect.poll(() => app.readFile('Main.lean')).toBe('-- mine\ntheorem one : 1 = 1 := by\n  rfl\n')
  await expect(page.locator('.lx-tab-active')).not.toHaveClass(/lx-tab-dirty/)
})

test('reload from disk takes the disk version; a clean buffer follows the disk by itself', async ({ app }) => {
  const { page } = app
  const path = app.file('Main.lean')
  await ready(app)
  await openFromExplorer(page, 'Main.lean')
  // Clean buffer: an external change simply reloads.
  app.writeFile('Main.lean', 'theorem two : 2 = 2 := by\n  rfl\n')
  await expect.poll(() => modelText(page, path)).toBe('theorem two : 2 = 2 := by\n  rfl\n')
  await expect(page.locator('[data-notice="conflict"]')).toHaveCount(0)
  // Dirty buffer: conflict, then "Reload from disk".
  await focusEditorStart(page)
  await page.keyboard.type('-- draft\n')
  app.writeFile('Main.lean', 'theorem three : 3 = 3 := by\n  rfl\n')
  const bar = page.locator('[data-notice="conflict"]')
  await bar.getByRole('button', { name: 'Reload from disk' }).click()
  await expect(bar).toBeHidden()
  await expect.poll(() => modelText(page, path)).toBe('theorem three : 3 = 3 := by\n  rfl\n')
  await expect.poll(() => coreText(page, path)).toBe('theorem three : 3 = 3 := by\n  rfl\n')
  await expect(page.locator('.lx-tab-active')).not.toHaveClass(/lx-tab-dirty/)
})

test('closing a dirty tab asks first', async ({ app }) => {
  const { page } = app
  await ready(app)
  await openFromExplorer(page, 'Main.lean')
  await focusEditorStart(page)
  await page.keyboard.type('x')
  const tab = page.locator('.lx-tab-active')
  await expect(tab).toHaveClass(/lx-tab-dirty/)
  // The dirty marker turns into × on hover, as in VS Code.
  await tab.hover()
  await tab.locator('.lx-tab-close').click()
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.locator('.lx-tab')).toHaveCount(1)
  await tab.hover()
  await tab.locator('.lx-tab-close').click()
  await dialog.getByRole('button', { name: "Don't Save" }).click()
  await expect(page.locator('.lx-tab')).toHaveCount(0)
  expect(app.readFile('Main.lean')).toBe('theorem one : 1 = 1 := by\n  rfl\n')
  // What was thrown away stays away.
  await openFromExplorer(page, 'Main.lean')
  await expect.poll(() => modelText(page, app.file('Main.lean'))).toBe('theorem one : 1 = 1 := by\n  rfl\n')
  await expect(page.locator('.lx-tab-active')).not.toHaveClass(/lx-tab-dirty/)
})

test('quitting with unsaved edits and starting again brings back the tabs and the edits; the disk is untouched', async ({ app }) => {
  const { page } = app
  await ready(app)
  await openFromExplorer(page, 'lakefile.toml')
  await openFromExplorer(page, 'Main.lean')
  await focusEditorStart(page)
  await page.keyboard.type('-- draft\n')
  await expect(page.locator('.lx-tab-active')).toHaveClass(/lx-tab-dirty/)

  await app.relaunch() // SIGTERM, as a logout or Ctrl+C in the terminal does

  await expect(page.locator('.lx-tab .lx-tab-label')).toHaveText(['lakefile.toml', 'Main.lean'])
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Main.lean')
  await expect(page.locator('.lx-tab-active')).toHaveClass(/lx-tab-dirty/)
  await expect(page.locator('[data-notice="restored"]')).toBeVisible()
  await expect.poll(() => modelText(page, app.file('Main.lean'))).toBe('-- draft\ntheorem one : 1 = 1 := by\n  rfl\n')
  expect(app.readFile('Main.lean')).toBe('theorem one : 1 = 1 := by\n  rfl\n')
  // Saving now writes the restored text, and the next start has nothing left to restore.
  await focusEditorStart(page)
  await page.keyboard.press('Control+S')
  await expect.poll(() => app.readFile('Main.lean')).toBe('-- draft\ntheorem one : 1 = 1 := by\n  rfl\n')
  await app.relaunch()
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Main.lean')
  await expect(page.locator('.lx-tab-active')).not.toHaveClass(/lx-tab-dirty/)
  await expect(page.locator('[data-notice="restored"]')).toHaveCount(0)
})

test.describe('a session whose first tab is slow to open', () => {
  // 3 MB of text: the core answers its doc.open after the small files', so the order the answers arrive in differs from the tabs'.
  const BIG = Array.from({ length: 60_000 }, (_, i) => `line ${i} of a long log that takes the core a while to send`).join('\n')
  test.use({ workspaceFiles: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "demo"\n', 'Main.lean': 'theorem one : 1 = 1 := by\n  rfl\n', 'build.log': BIG } })

  test('remembered tabs come back in their order, relaunch after relaunch', async ({ app }) => {
    const { page } = app
    await ready(app)
    await openFromExplorer(page, 'build.log')
    await openFromExplorer(page, 'Main.lean')
    await openFromExplorer(page, 'lakefile.toml')
    for (let launch = 0; launch < 2; launch++) {
      await app.relaunch()
      await expect(page.locator('.lx-tab .lx-tab-label')).toHaveText(['build.log', 'Main.lean', 'lakefile.toml'])
      await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('lakefile.toml')
    }
  })
})
