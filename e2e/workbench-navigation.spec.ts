// The workbench as a user drives it, continued: Go to File, symbols and Find in Files across files, New File,
// rename and delete in the explorer, the command palette, the no-toolchain banner, files created on disk, and
// imports that went out of date.
import { existsSync, mkdirSync } from 'node:fs'
import { DEFAULT_FILES, test, expect } from './fixtures'
import { focusEditorStart, modelText, openFromExplorer, ready } from './workbench-helpers'

test('Go to File (Ctrl+P) finds a file by a few letters of its name and opens it', async ({ app }) => {
  const { page } = app
  app.writeFile('Nat.lean', 'theorem n : 0 = 0 := rfl\n')
  mkdirSync(app.file('Algebra'))
  app.writeFile('Algebra/Group.lean', 'def g := 1\n')
  await ready(app)
  await page.locator('.lx-explorer').click()
  await page.keyboard.press('Control+P')
  const picker = page.getByRole('dialog', { name: 'Go to File' })
  await expect(picker).toBeVisible()
  await page.keyboard.type('grp')
  await expect(picker.locator('.lx-palette-item')).toHaveCount(1)
  await expect(picker.locator('.lx-palette-item')).toContainText('Group.lean')
  await expect(picker.locator('.lx-palette-description')).toHaveText('Algebra')
  await page.keyboard.press('Enter')
  await expect(picker).toBeHidden()
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Group.lean')
  expect(await modelText(page, app.file('Algebra/Group.lean'))).toBe('def g := 1\n')
})

test.describe('declarations across files', () => {
  test.use({
    workspaceFiles: {
      ...DEFAULT_FILES,
      'Defs.lean': '-- helpers\n\ndef double (n : Nat) : Nat := n + n\n',
    },
  })

  test('Go to Symbol in Workspace (# in Ctrl+P) asks Lean and jumps to the declaration', async ({ app }) => {
    const { page } = app
    await ready(app)
    await openFromExplorer(page, 'Defs.lean')
    await openFromExplorer(page, 'Main.lean')
    await page.keyboard.press('Control+P')
    await page.keyboard.type('#doub')
    const picker = page.getByRole('dialog', { name: 'Go to Symbol in Workspace' })
    await expect(picker).toBeVisible()
    const item = picker.locator('.lx-palette-item', { hasText: 'double' })
    await expect(item).toBeVisible()
    await expect(item.locator('.lx-palette-description')).toHaveText('Defs.lean')
    await test.info().attach('workspace-symbols', { body: await page.screenshot(), contentType: 'image/png' })
    await page.keyboard.press('Enter')
    await expect(picker).toBeHidden()
    await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Defs.lean')
    await expect(page.getByTestId('status-cursor')).toHaveText(/^Ln 3, Col 5/)
    expect(app.doubleLog().some((m) => m.dir === 'in' && m.msg.method === 'workspace/symbol')).toBe(true)
  })

  test('Find in Files (Ctrl+Shift+F) lists matching lines, unsaved text included, and selects the match', async ({ app }) => {
    const { page } = app
    await ready(app)
    await openFromExplorer(page, 'Main.lean')
    await focusEditorStart(page)
    await page.keyboard.type('-- n + n in a draft\n')
    await page.keyboard.press('Control+Shift+F')
    const picker = page.getByRole('dialog', { name: 'Find in Files' })
    await expect(picker).toBeVisible()
    await page.keyboard.type('n + n')
    const rows = picker.locator('.lx-palette-item')
    await expect(rows).toHaveCount(2)
    await expect(rows.locator('.lx-palette-description')).toHaveText(['Defs.lean:3', 'Main.lean:1'])
    await expect(rows.first().locator('mark')).toHaveText('n + n')
    await page.keyboard.press('Enter')
    await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Defs.lean')
    await expect(page.getByTestId('status-cursor')).toHaveText('Ln 3, Col 36 (5 selected)')
  })
})

test.describe('Find in Files options', () => {
  test.use({ workspaceFiles: { ...DEFAULT_FILES, 'Defs.lean': 'def double (n : Nat) : Nat := n + n\n' } })

  test('Match Case (Alt+C) and regular expressions (Alt+R); a bad expression says why', async ({ app }) => {
    const { page } = app
    await ready(app)
    await page.locator('.lx-explorer').click()
    await page.keyboard.press('Control+Shift+F')
    const picker = page.getByRole('dialog', { name: 'Find in Files' })
    const rows = picker.locator('.lx-palette-item')
    await page.keyboard.type('NAT')
    await expect(rows).toHaveCount(2)
    await page.keyboard.press('Alt+C')
    await expect(picker.getByRole('button', { name: 'Match Case (Alt+C)' })).toHaveAttribute('aria-pressed', 'true')
    await expect(picker.locator('.lx-palette-empty')).toHaveText('No results')
    await page.keyboard.press('Alt+C')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('n \\+ n')
    await expect(picker.locator('.lx-palette-empty')).toHaveText('No results')
    await page.getByRole('button', { name: 'Use Regular Expression (Alt+R)' }).click()
    await expect(rows).toHaveCount(1)
    await expect(rows.locator('mark')).toHaveText('n + n')
    await test.info().attach('find-in-files-regex', { body: await page.screenshot(), contentType: 'image/png' })
    await page.keyboard.type('(')
    await expect(picker.locator('.lx-palette-empty')).toContainText('Not a valid regular expression')
  })
})

test('New File… creates the file and its folders on disk, opens it, and Lean checks what is typed', async ({ app }) => {
  const { page } = app
  await ready(app)
  await page.getByRole('button', { name: 'New File…' }).click()
  const dialog = page.getByRole('dialog', { name: 'New File' })
  await expect(dialog).toBeVisible()
  await page.keyboard.type('Proofs/Two.lean')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Two.lean')
  expect(app.readFile('Proofs/Two.lean')).toBe('')
  await expect(page.locator('.lx-explorer .lx-tree-row.lx-focused', { hasText: 'Two.lean' })).toBeVisible()
  await focusEditorStart(page)
  await page.keyboard.type('theorem two : 1 + 1 = 2 := by sorry')
  await expect(page.locator('.lx-problem-message', { hasText: "declaration uses 'sorry'" })).toBeVisible()
  await page.keyboard.press('Control+S')
  await expect.poll(() => app.readFile('Proofs/Two.lean')).toBe('theorem two : 1 + 1 = 2 := by sorry')

  // The new file's folder is selected, so the next name starts there; an existing name is refused in place.
  await page.getByRole('button', { name: 'New File…' }).click()
  await expect(dialog.getByRole('textbox')).toHaveValue('Proofs/')
  await page.keyboard.type('Two.lean')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('alert')).toContainText('already exists')
  await expect(dialog).toBeVisible()
  await test.info().attach('new-file-refused', { body: await page.screenshot(), contentType: 'image/png' })
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(app.readFile('Proofs/Two.lean')).toBe('theorem two : 1 + 1 = 2 := by sorry')
})

test('rename and delete from the explorer: open tabs follow a rename; unsaved text blocks both; delete asks first', async ({ app }) => {
  const { page } = app
  app.writeFile('Old.lean', 'def old := 1\n')
  mkdirSync(app.file('Scratch'))
  app.writeFile('Scratch/Tmp.lean', 'def tmp := 2\n')
  await ready(app)
  await openFromExplorer(page, 'Old.lean')

  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Old.lean' }).click({ button: 'right' })
  await expect(page.getByRole('menu')).toBeVisible()
  await test.info().attach('explorer-menu', { body: await page.screenshot(), contentType: 'image/png' })
  await page.getByRole('menuitem', { name: /Rename/ }).click()
  const rename = page.getByRole('dialog', { name: 'Rename File' })
  await expect(rename.getByRole('textbox')).toHaveValue('Old.lean')
  await rename.getByRole('textbox').fill('Proofs/New.lean')
  await page.keyboard.press('Enter')
  await expect(rename).toBeHidden()
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('New.lean')
  await expect(page.locator('.lx-tab')).toHaveCount(1)
  expect(app.readFile('Proofs/New.lean')).toBe('def old := 1\n')
  await expect(page.locator('.lx-explorer .lx-tree-row', { hasText: 'Old.lean' })).toHaveCount(0)

  // Unsaved text in a tab inside the folder: neither rename nor delete goes ahead.
  await openFromExplorer(page, 'New.lean')
  await focusEditorStart(page)
  await page.keyboard.type('-- wip\n')
  await page.locator('.lx-explorer .lx-tree-dir', { hasText: 'Proofs' }).click({ button: 'right' })
  await page.getByRole('menuitem', { name: /Delete/ }).click()
  await expect(page.locator('.lx-toast', { hasText: 'unsaved changes' })).toBeVisible()
  expect(app.readFile('Proofs/New.lean')).toBe('def old := 1\n')

  // A clean folder: Delete asks, then it is gone from disk and from the explorer.
  await page.locator('.lx-explorer .lx-tree-dir', { hasText: 'Scratch' }).click()
  await page.locator('.lx-explorer .lx-tree-dir', { hasText: 'Scratch' }).press('Delete')
  const confirm = page.getByRole('dialog', { name: 'Delete Folder' })
  await expect(confirm).toContainText('cannot be undone')
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(page.locator('.lx-explorer .lx-tree-row', { hasText: 'Scratch' })).toHaveCount(0)
  expect(existsSync(app.file('Scratch'))).toBe(false)
})

test('the command palette lists commands with keybindings and runs them without editor focus', async ({ app }) => {
  const { page } = app
  await ready(app)
  await expect(page.locator('.lx-panel')).toBeVisible()
  await page.locator('.lx-explorer').click()
  await page.keyboard.press('Control+Shift+P')
  const palette = page.getByRole('dialog', { name: 'Command Palette' })
  await expect(palette).toBeVisible()
  await expect(palette.locator('.lx-palette-item', { hasText: 'Lean 4: Restart Server' })).toBeVisible()
  await page.keyboard.type('toggle problems')
  await expect(palette.locator('.lx-palette-item').first()).toContainText('Ctrl+Shift+M')
  await page.keyboard.press('Enter')
  await expect(palette).toBeHidden()
  await expect(page.locator('.lx-panel')).toBeHidden()
  await page.keyboard.press('Control+Shift+M')
  await expect(page.locator('.lx-panel')).toBeVisible()
})

test.describe('without any Lean toolchain', () => {
  test.use({ leanServer: 'none' })

  test('a banner says so, with the fix and the setup report', async ({ app }) => {
    const { page } = app
    await ready(app)
    await openFromExplorer(page, 'Main.lean')
    const banner = page.locator('.lx-banner[data-state="no-toolchain"]')
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('No Lean toolchain found')
    await expect(page.locator('[data-testid="status-server"]')).toContainText('Lean: no toolchain')
    await banner.getByRole('button', { name: 'Copy setup report' }).click()
    const dialog = page.getByRole('dialog', { name: 'Setup report' })
    await expect(dialog).toBeVisible()
    await expect(dialog.locator('pre')).not.toBeEmpty()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toBeHidden()
  })
})

test('files created on disk appear in the explorer', async ({ app }) => {
  const { page } = app
  await ready(app)
  app.writeFile('Fresh.lean', 'def fresh := 1\n')
  await expect(page.locator('.lx-explorer .lx-tree-row', { hasText: 'Fresh.lean' })).toBeVisible()
  await openFromExplorer(page, 'Fresh.lean')

  // A folder made on disk shows up; once expanded, files created inside it show up too.
  mkdirSync(app.file('Lib'))
  const folder = page.locator('.lx-explorer .lx-tree-dir', { hasText: 'Lib' })
  await expect(folder).toBeVisible()
  await folder.click()
  await expect(folder).toHaveAttribute('aria-expanded', 'true')
  app.writeFile('Lib/Deep.lean', 'def deep := 2\n')
  await expect(page.locator('.lx-explorer .lx-tree-row', { hasText: 'Deep.lean' })).toBeVisible()
  // A new file at the top re-lists the root; the expanded folder stays open.
  app.writeFile('Top.lean', '')
  await expect(page.locator('.lx-explorer .lx-tree-row', { hasText: 'Top.lean' })).toBeVisible()
  await expect(folder).toHaveAttribute('aria-expanded', 'true')
  await expect(page.locator('.lx-explorer .lx-tree-row', { hasText: 'Deep.lean' })).toBeVisible()
})

test.describe('imports out of date', () => {
  test.use({
    workspaceFiles: {
      'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
      'lakefile.toml': 'name = "demo"\n',
      'Main.lean': 'theorem one : 1 = 1 := by\n  rfl\n',
      'A.lean': 'def a : Nat := 1\n',
      'B.lean': 'import A\n\n#eval a\n',
    },
  })

  test('saving an imported file offers Restart File in Problems and above the editor', async ({ app }) => {
    const { page } = app
    await ready(app)
    await openFromExplorer(page, 'B.lean')
    await expect(page.locator('.lx-problem', { hasText: 'B.lean' }).first()).toBeVisible()
    await openFromExplorer(page, 'A.lean')
    await focusEditorStart(page)
    await page.keyboard.type('-- changed\n')
    await page.keyboard.press('Control+S')
    await expect(page.locator('.lx-tab-active')).not.toHaveClass(/lx-tab-dirty/)
    const stale = page.locator('.lx-problem', { hasText: 'Imports are out of date' })
    await expect(stale).toBeVisible()
    await expect(stale.locator('.lx-problem-file')).toHaveText('B.lean')
    await page.locator('.lx-tab', { hasText: 'B.lean' }).click()
    await expect(page.locator('[data-notice="stale-imports"]')).toBeVisible()
    await stale.getByRole('button', { name: 'Restart File' }).click()
    await expect(stale).toHaveCount(0)
    await expect(page.locator('[data-notice="stale-imports"]')).toHaveCount(0)
  })
})
