// The breadcrumbs bar above the editor: file name › enclosing symbols at the cursor, from the Lean server's
// document symbols; clicking a crumb moves the cursor to the symbol.
//
// The Lean server double answers textDocument/documentSymbol as Lean does: `namespace Foo … end Foo` is a
// namespace symbol holding the declarations inside it, named as written (`bar`, not `Foo.bar`).
import type { Page } from '@playwright/test'
import { test, expect, type LecternApp } from './fixtures'

const MAIN = ['namespace Foo', '', 'theorem bar : 1 = 1 := by rfl', '', 'end Foo', ''].join('\n')

test.use({
  workspaceFiles: {
    'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
    'lakefile.toml': 'name = "demo"\n',
    'Main.lean': MAIN,
  },
})

const crumbs = (page: Page) => page.locator('.lx-breadcrumbs .lx-crumb-label')
const cursor = (page: Page) => page.locator('[data-testid="status-cursor"]')
const line = (page: Page, needle: string) => page.locator('.lx-editor .view-line', { hasText: needle })

async function openMain(app: LecternApp): Promise<void> {
  const { page } = app
  await page.locator('.lx-tree-file', { hasText: 'Main.lean' }).click()
  await expect(page.locator('.lx-editor .view-lines')).toContainText('theorem bar')
}

test('shows the file and the declaration at the cursor; a crumb click moves the cursor to it', async ({ app }) => {
  const { page } = app
  await openMain(app)
  // The cursor starts on `namespace Foo`, which is inside the namespace's range.
  await expect(crumbs(page)).toHaveText(['Main.lean', 'Foo'])

  await line(page, 'theorem bar').locator('span > span', { hasText: 'rfl' }).first().click()
  await expect(cursor(page)).toHaveText(/^Ln 3, Col (2[6-9]|30)$/)
  await expect(crumbs(page)).toHaveText(['Main.lean', 'Foo', 'bar'])
  await expect(page.locator('.lx-breadcrumbs .lx-crumb-symbol .codicon').first()).toHaveClass(/codicon-symbol-namespace/)
  await expect(page.locator('.lx-breadcrumbs .lx-crumb-symbol .codicon').last()).toHaveClass(/codicon-symbol-method/)

  // Cursor moves reuse the symbols of this version of the file: no new documentSymbol request.
  const symbolRequests = () => app.doubleLog().filter((m) => m.dir === 'in' && m.msg.method === 'textDocument/documentSymbol').length
  const asked = symbolRequests()
  expect(asked).toBeGreaterThan(0)
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft')
  await expect(cursor(page)).toHaveText(/^Ln 3, Col (2[3-7])$/)

  // On `end Foo` the namespace is still around the cursor; after it only the file name is left. The crumbs showing
  // the new place is the signal that the moves were handled: still with the symbols already fetched.
  await line(page, 'end Foo').click()
  await expect(cursor(page)).toHaveText(/^Ln 5, /)
  await expect(crumbs(page)).toHaveText(['Main.lean', 'Foo'])
  expect(symbolRequests()).toBe(asked)
  await page.keyboard.press('Control+End')
  await expect(cursor(page)).toHaveText(/^Ln 6, /)
  await expect(crumbs(page)).toHaveText(['Main.lean'])

  // Back into `bar`, then the crumb: the cursor goes to the start of the declaration's name.
  await line(page, 'theorem bar').locator('span > span', { hasText: 'rfl' }).first().click()
  await expect(crumbs(page)).toHaveText(['Main.lean', 'Foo', 'bar'])
  await page.locator('.lx-breadcrumbs .lx-crumb-symbol', { hasText: 'bar' }).click()
  await expect(cursor(page)).toHaveText('Ln 3, Col 9')
  // The editor has the focus again: typing goes to the cursor.
  await page.keyboard.press('End')
  await expect(cursor(page)).toHaveText('Ln 3, Col 30')
})

test('edits refresh the symbols; non-Lean files show only their name', async ({ app }) => {
  const { page } = app
  await openMain(app)
  await line(page, 'end Foo').click()
  await page.keyboard.press('Home')
  // Inserted at once: typed key by key, a completion list open after `rfl` would take the Enter (as in VS Code).
  await page.keyboard.insertText('theorem baz : 2 = 2 := by rfl\n')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('End')
  await expect(cursor(page)).toHaveText('Ln 5, Col 30')
  await expect(crumbs(page)).toHaveText(['Main.lean', 'Foo', 'baz'])

  await page.locator('.lx-tree-file', { hasText: 'lakefile.toml' }).click()
  await expect(page.locator('.lx-editor .view-lines')).toContainText('name = "demo"')
  await expect(crumbs(page)).toHaveText(['lakefile.toml'])

  await page.locator('.lx-tab', { hasText: 'Main.lean' }).click()
  await expect(crumbs(page)).toHaveText(['Main.lean', 'Foo', 'baz'])
})
