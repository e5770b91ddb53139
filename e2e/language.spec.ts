// Lean language features in the editor, against the Lean server double: highlighting (nested comments), hover
// with a highlighted ```lean block, completion with resolve, go to definition, outline, and a "Try this" quick fix.
import type { Page } from '@playwright/test'
import { test, expect, type LecternApp } from './fixtures'

declare global {
  interface Window {
    __lectern?: { modelText(path: string): string | undefined; ready: boolean }
  }
}

const MAIN = [
  'def foo : Nat := 1', // line 1
  '/- outer /- inner -/ still -/ def bar := 2', // line 2
  '/-- doc /- nested -/ docrest -/',
  'theorem t : 1 + 0 = 1 := by',
  '  simp?',
  'example : foo = 1 := by',
  '  sorry',
  '#eval foo',
  'theorem v (k : Nat) : k = k := rfl',
  '',
].join('\n')

test.use({
  workspaceFiles: {
    'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
    'lakefile.toml': 'name = "demo"\n',
    'Main.lean': MAIN,
    // A block comment whose lines are not indented: only Lean's folds, not Monaco's indentation folds, have it.
    'Folds.lean': ['/-', 'A comment whose lines', 'are not indented', '-/', 'def a := 1', ''].join('\n'),
  },
})

async function openMain(app: LecternApp): Promise<void> {
  const { page } = app
  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Main.lean' }).first().click()
  await expect(page.locator('.lx-editor .view-lines')).toContainText('def foo')
}

/** The rendered line whose text contains `needle`. */
function line(page: Page, needle: string) {
  return page.locator('.lx-editor .view-line', { hasText: needle })
}

/** Monaco's colour class (mtkN) of the token span containing `text` on the line containing `needle`. */
async function colourOf(page: Page, needle: string, text: string): Promise<string> {
  const cls = (await line(page, needle).locator('span > span', { hasText: text }).first().getAttribute('class')) ?? ''
  return cls.split(' ').find((c) => /^mtk\d+$/.test(c)) ?? ''
}

const cursor = (page: Page) => page.locator('[data-testid="status-cursor"]')

test('block comments nest, doc comments too; code after them is highlighted as code', async ({ app }) => {
  const { page } = app
  await openMain(app)
  // Monaco colours lines in the background; until it has, a line is one uncoloured span. Wait for the colours.
  await expect.poll(async () => (await colourOf(page, 'still', 'def')) !== (await colourOf(page, 'still', 'outer'))).toBe(true)
  await expect.poll(async () => (await colourOf(page, 'docrest', 'docrest')) !== (await colourOf(page, 'theorem t', 'theorem'))).toBe(true)
  const comment = await colourOf(page, 'still', 'outer')
  expect(comment).not.toBe('')
  // Without nesting, `still` would be outside the comment after the first `-/`.
  expect(await colourOf(page, 'still', 'still')).toBe(comment)
  expect(await colourOf(page, 'still', 'def')).not.toBe(comment)
  expect(await colourOf(page, 'docrest', 'docrest')).toBe(await colourOf(page, 'docrest', 'doc'))
  expect(await colourOf(page, 'docrest', 'docrest')).not.toBe(await colourOf(page, 'theorem t', 'theorem'))
  // `sorry` stands out: its own colour, bold.
  const sorry = line(page, 'sorry').locator('span > span', { hasText: 'sorry' }).first()
  await expect(sorry).toHaveClass(/mtkb/)
})

test('semantic tokens from the server colour bound variables', async ({ app }) => {
  const { page } = app
  await openMain(app)
  const k = line(page, 'theorem v').locator('span > span', { hasText: /^k$/ }).first()
  await expect(k).toBeVisible()
  // The server's tokens arrive after the grammar's colours: wait for them.
  await expect.poll(async () => (await colourOf(page, 'theorem v', 'k')) !== (await colourOf(page, 'theorem v', 'Nat'))).toBe(true)
})

test('hover on a declared name shows its type in a highlighted Lean block', async ({ app }) => {
  const { page } = app
  await openMain(app)
  await line(page, '#eval').locator('span > span', { hasText: 'foo' }).first().hover()
  const hover = page.locator('.monaco-hover:visible')
  await expect(hover.filter({ hasText: 'foo : Nat' })).toHaveCount(1)
  // ```lean is tokenized with our grammar: `Nat : Type` on hover of `Nat` colours `Type` as a type.
  await page.mouse.move(0, 0)
  await line(page, 'def foo').locator('span > span', { hasText: 'Nat' }).first().hover()
  await expect(hover.locator('.monaco-tokenized-source', { hasText: 'Nat : Type' })).toHaveCount(1)
  const typeToken = hover.locator('.monaco-tokenized-source span', { hasText: /^Type$/ })
  await expect(typeToken).toHaveCount(1)
})

test('completion after Nat. lists its members and resolves their types', async ({ app }) => {
  const { page } = app
  await openMain(app)
  await line(page, '#eval').click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('#check Nat.', { delay: 30 })
  const rows = page.locator('.suggest-widget .monaco-list-row')
  await expect(rows.filter({ hasText: /^add/ }).first()).toBeVisible()
  await expect(rows.filter({ hasText: 'succ' }).first()).toBeVisible()
  // The focused item is resolved (completionItem/resolve) and shows its type.
  await expect(page.locator('.suggest-widget')).toContainText('Nat → Nat → Nat')
  await page.keyboard.press('Enter')
  await expect.poll(() => page.evaluate((p) => window.__lectern?.modelText(p), app.file('Main.lean'))).toContain('#check Nat.add')
})

test('go to definition jumps to the declaration', async ({ app }) => {
  const { page } = app
  await openMain(app)
  await line(page, '#eval').locator('span > span', { hasText: 'foo' }).first().click()
  await expect(cursor(page)).toHaveText(/^Ln 8,/)
  await page.keyboard.press('F12')
  await expect(cursor(page)).toHaveText('Ln 1, Col 5')
})

test('the outline lists the declarations', async ({ app }) => {
  const { page } = app
  await openMain(app)
  await page.locator('.lx-editor .view-lines').click()
  await page.keyboard.press('Control+Shift+O')
  const rows = page.locator('.quick-input-list .monaco-list-row')
  await expect(rows.filter({ hasText: 'foo' }).first()).toBeVisible()
  await expect(rows.filter({ hasText: /\bt\b/ }).first()).toBeVisible()
  await page.keyboard.press('Escape')
})

test('Lean\'s folds are in the gutter, and still there after an edit', async ({ app }) => {
  const { page } = app
  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Folds.lean' }).first().click()
  await expect(line(page, 'not indented')).toBeVisible()
  const foldOnFirstLine = page.locator('.lx-editor .margin-view-overlays > div').first().locator('.codicon-folding-expanded')
  await expect(foldOnFirstLine).toHaveCount(1)
  // An edit below the comment: Lean is asked again, and the fold it gives is the one the editor keeps.
  await line(page, 'def a').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' + 1')
  await expect(line(page, 'def a := 1 + 1')).toBeVisible()
  await foldOnFirstLine.click()
  await expect(line(page, 'not indented')).toHaveCount(0)
  await expect(line(page, 'def a := 1 + 1')).toBeVisible()
})

test('a "Try this" quick fix replaces simp? in the document', async ({ app }) => {
  const { page } = app
  await openMain(app)
  await line(page, 'simp?').locator('span > span', { hasText: 'simp' }).first().click()
  await page.keyboard.press('Control+.')
  const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Try this: simp only' })
  await expect(action).toBeVisible()
  await action.click()
  await expect
    .poll(() => page.evaluate((p) => window.__lectern?.modelText(p), app.file('Main.lean')))
    .toMatch(/by\n {2}simp only \[[^\]]*\]\nexample/)
})
