// Unicode input as a user types it: abbreviations replaced on space / Tab / eagerly, `$CURSOR` placement, Monaco's
// auto-closing brackets, undo, paste, several cursors, and the hover that says how to type a symbol.
import type { Page } from '@playwright/test'
import { test, expect, type LecternApp } from './fixtures'

declare global {
  interface Window {
    __lectern?: { modelText(path: string): string | undefined; ready: boolean }
  }
}

test.use({
  workspaceFiles: {
    'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
    'lakefile.toml': 'name = "demo"\n',
    'Main.lean': 'theorem one : 1 = 1 := by\n  rfl\n',
  },
})

/** Opens Main.lean, empties it and leaves the cursor in the editor. */
async function emptyMain(app: LecternApp): Promise<void> {
  const { page } = app
  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Main.lean' }).first().click()
  await expect(page.locator('.lx-editor .view-lines')).toContainText('theorem one')
  await page.locator('.lx-editor .view-lines').click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await expect.poll(() => text(app)).toBe('')
}

function text(app: LecternApp): Promise<string | undefined> {
  return app.page.evaluate((p) => window.__lectern?.modelText(p), app.file('Main.lean'))
}

async function type(page: Page, keys: string): Promise<void> {
  await page.keyboard.type(keys, { delay: 20 })
}

const cursor = (page: Page) => page.locator('[data-testid="status-cursor"]')

test('\\and, \\to, \\N are replaced on space; \\forall and \\alpha as soon as they are unique', async ({ app }) => {
  await emptyMain(app)
  await type(app.page, '\\and \\to \\N x')
  await expect.poll(() => text(app)).toBe('∧ → ℕ x')
  await type(app.page, ' \\forall\\alpha')
  await expect.poll(() => text(app)).toBe('∧ → ℕ x ∀α')
})

test('the abbreviation being typed is underlined and Tab converts it', async ({ app }) => {
  const { page } = app
  await emptyMain(app)
  await type(page, '\\and')
  await expect(page.locator('.lx-editor .lean4-abbreviation')).toHaveCount(1)
  await page.keyboard.press('Tab')
  await expect.poll(() => text(app)).toBe('∧')
  await expect(page.locator('.lx-editor .lean4-abbreviation')).toHaveCount(0)
  // With nothing tracked, Tab is Tab again (indentation).
  await page.keyboard.press('Tab')
  await expect.poll(() => text(app)).toMatch(/^∧ +$/)
})

test('\\<> gives ⟨⟩ with the cursor inside; \\< and \\<= work as in VS Code', async ({ app }) => {
  const { page } = app
  await emptyMain(app)
  await type(page, '\\<>')
  await expect.poll(() => text(app)).toBe('⟨⟩')
  await expect(cursor(page)).toHaveText('Ln 1, Col 2')
  await type(page, 'a, b')
  await expect.poll(() => text(app)).toBe('⟨a, b⟩')
  await page.keyboard.press('End')
  await type(page, ' \\< x \\<= y')
  await expect.poll(() => text(app)).toBe('⟨a, b⟩ ⟨ x ≤ y')
})

test('auto-closed brackets: \\[[ → ⟦⟧, \\{{ → ⦃⦄, \\(x stays (x), \\"a → ä', async ({ app }) => {
  const { page } = app
  await emptyMain(app)
  await type(page, '\\[[')
  await expect.poll(() => text(app)).toBe('⟦⟧')
  await expect(cursor(page)).toHaveText('Ln 1, Col 2')
  await page.keyboard.press('End')
  await type(page, ' \\{{')
  await expect.poll(() => text(app)).toBe('⟦⟧ ⦃⦄')
  await page.keyboard.press('End')
  await type(page, ' \\(x')
  await expect.poll(() => text(app)).toBe('⟦⟧ ⦃⦄ (x)')
  await type(page, ')')
  await expect.poll(() => text(app)).toBe('⟦⟧ ⦃⦄ (x)')
  await type(page, ' \\"a "s"')
  await expect.poll(() => text(app)).toBe('⟦⟧ ⦃⦄ (x) ä "s"')
})

test('undo after a replacement gives the abbreviation back', async ({ app }) => {
  const { page } = app
  await emptyMain(app)
  await type(page, 'p \\and ')
  await expect.poll(() => text(app)).toBe('p ∧ ')
  await page.keyboard.press('Control+Z')
  await expect.poll(() => text(app)).toBe('p \\and ')
  // The restored text is not converted again: a later keystroke arrives with the abbreviation still written out.
  await type(page, 'q')
  await expect.poll(() => text(app)).toBe('p \\and q')
})

test('pasted text with abbreviations stays as it is', async ({ app }) => {
  const { page } = app
  await emptyMain(app)
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/plain', 'a \\alpha b \\')
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect.poll(() => text(app)).toBe('a \\alpha b \\')
  await type(page, 'and ')
  // A typed abbreviation after it is converted, so the pasted ones had their chance and were left alone.
  await type(page, '\\or ')
  await expect.poll(() => text(app)).toBe('a \\alpha b \\and ∨ ')
})

test('every cursor gets its replacement', async ({ app }) => {
  const { page } = app
  await emptyMain(app)
  // The two lines are inserted, not typed: a completion list that came up after `a` took the Enter (`absurd`).
  await page.keyboard.insertText('a\nb')
  await expect.poll(() => text(app)).toBe('a\nb')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('End')
  await page.keyboard.press('Shift+Alt+ArrowDown')
  await page.keyboard.press('End')
  await type(page, ' \\to \\<>x')
  await expect.poll(() => text(app)).toBe('a → ⟨x⟩\nb → ⟨x⟩')
})

test('hovering a symbol says how to type it', async ({ app }) => {
  const { page } = app
  await emptyMain(app)
  await type(page, 'x \\and y')
  await expect.poll(() => text(app)).toBe('x ∧ y')
  await page.locator('.lx-editor .view-line span', { hasText: '∧' }).last().hover()
  await expect(page.locator('.monaco-hover:visible', { hasText: 'Type ∧ using \\and' })).toHaveCount(1)
})

test('custom abbreviations from the settings work at once', async ({ app }) => {
  const { page } = app
  await emptyMain(app)
  await page.keyboard.press('Control+,')
  const field = page.locator('#lx-setting-input-customTranslations')
  await field.fill('{ "foo": "☺" }')
  await field.press('Tab')
  await page.keyboard.press('Escape')
  await page.locator('.lx-editor .view-lines').click()
  await type(page, '\\foo x')
  await expect.poll(() => text(app)).toBe('☺ x')
})
