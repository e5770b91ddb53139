// F2 renames across the project: the open file changes in its editor (unsaved, undoable), a file nobody opened
// is rewritten on disk; Shift+F12 peeks at the references.
import { test, expect } from './fixtures'

test.use({
  workspaceFiles: {
    'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
    'lakefile.toml': 'name = "demo"\n',
    'A.lean': 'def double (n : Nat) : Nat := n + n\n#eval double 1\n',
    'B.lean': 'import A\n\ntheorem four : double 2 = 4 := rfl\n',
  },
})

test('F2 renames a definition in the open file and in a file that is not open; Shift+F12 peeks at its uses', async ({ app }) => {
  const { page } = app
  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'A.lean' }).first().click()
  const use = page.locator('.lx-editor .view-line', { hasText: '#eval double 1' })
  await expect(use).toBeVisible()
  await use.locator('span > span', { hasText: 'double' }).first().click()

  await page.keyboard.press('Shift+F12')
  const peek = page.locator('.zone-widget .reference-zone-widget, .peekview-widget').first()
  await expect(peek).toBeVisible()
  // Two uses here, one in B.lean (not open): Lean's answer spans the project.
  await expect(peek).toContainText('References (3)')
  await expect(peek.locator('.monaco-list-row', { hasText: 'B.lean' })).toHaveCount(1)
  await page.keyboard.press('Escape')

  await page.keyboard.press('F2')
  const box = page.locator('.rename-box input, .rename-input').first()
  await expect(box).toBeVisible()
  await expect(box).toHaveValue('double')
  await box.fill('twice')
  await page.keyboard.press('Enter')

  await expect.poll(() => page.evaluate((p) => window.__lectern?.modelText(p), app.file('A.lean'))).toBe('def twice (n : Nat) : Nat := n + n\n#eval twice 1\n')
  await expect.poll(() => app.readFile('B.lean')).toBe('import A\n\ntheorem four : twice 2 = 4 := rfl\n')
  expect(app.readFile('A.lean'), 'the open file keeps its edit unsaved, as after typing').toContain('def double')
  await expect(page.locator('.lx-tab-active')).toContainText('A.lean')
  // One undo takes the rename back in the open file.
  await page.keyboard.press('Control+Z')
  await expect.poll(() => page.evaluate((p) => window.__lectern?.modelText(p), app.file('A.lean'))).toContain('#eval double 1')
})
