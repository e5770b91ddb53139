// User widgets as a Lean user meets them: panel widgets whose ES modules come from the server
// (Lean.Widget.getWidgets / getWidgetSource), load in the sandboxed infoview frame with `react` and
// `@leanprover/infoview` from its import map, call RPC methods and edit the document; Lean's "Try this" among them.
import { DEFAULT_FILES, expect, infoviewFrame as infoview, test, type LecternApp } from './fixtures'

const WIDGETS =
  'theorem t (p q : Prop) (hp : p) : q → p := by\n' +
  '  intro h\n' +
  '  exact hp\n' +
  '-- double: widget\n' +
  '-- double: widget-throws\n' +
  'theorem s : 2 + 2 = 4 := by\n' +
  '  simp?\n'

test.use({ workspaceFiles: { ...DEFAULT_FILES, 'Widgets.lean': WIDGETS } })

/**
 * Opens Widgets.lean and puts the cursor at the start of (1-based) `line` in one move (Go to Line). Walking there line
 * by line would pass the throwing widget's line, and a slow machine's infoview may render it on the way.
 */
async function openAtLine(app: LecternApp, line: number): Promise<void> {
  const { page } = app
  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Widgets.lean' }).first().click()
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Widgets.lean')
  await page.locator('.lx-editor .view-lines').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+g')
  await expect(page.locator('.quick-input-widget')).toBeVisible()
  await page.keyboard.type(String(line))
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-testid="status-cursor"]')).toHaveText(`Ln ${line}, Col 1`)
}

const bufferText = (app: LecternApp) => app.page.evaluate((p) => window.__lectern?.modelText(p), app.file('Widgets.lean'))

test('a panel widget importing react and @leanprover/infoview renders, calls its RPC method and edits the document', async ({ app }) => {
  await openAtLine(app, 4)
  const widget = infoview(app.page).locator('.double-demo-widget')
  await expect(widget.getByText('Hello from the widget on line 4')).toBeVisible()
  // LeanDouble.widgetEcho answers the greeting reversed: the RPC round trip went through the infoview's session.
  await expect(widget.locator('.double-demo-rpc')).toHaveText(`RPC answered: ${[...'Hello from the widget on line 4'].reverse().join('')}`)
  await widget.getByRole('button', { name: 'Insert a comment above' }).click()
  await expect.poll(() => bufferText(app)).toContain('  exact hp\n-- inserted by a widget\n-- double: widget\n')
})

test('clicking a "Try this" suggestion of simp? replaces the tactic in the editor', async ({ app }) => {
  await openAtLine(app, 7)
  await app.page.keyboard.press('End')
  const frame = infoview(app.page)
  const suggestion = frame.locator('span[title="Apply suggestion"]')
  await expect(suggestion).toHaveText('simp only [Nat.reduceAdd, eq_self_iff_true]')
  await expect(frame.getByText('Try this:').first()).toBeVisible()
  await suggestion.click()
  await expect.poll(() => bufferText(app)).toContain('theorem s : 2 + 2 = 4 := by\n  simp only [Nat.reduceAdd, eq_self_iff_true]\n')
  // The edit went through Monaco's model, so the server got it as a didChange.
  await expect
    .poll(() => app.doubleLog().some((l) => l.dir === 'in' && l.msg.method === 'textDocument/didChange' && JSON.stringify(l.msg.params).includes('simp only [Nat.reduceAdd')))
    .toBe(true)
})

test.describe('a widget that throws', () => {
  // React reports an error caught by an error boundary on the console of the frame it happened in.
  test.use({ allowedConsoleErrors: ['the demo widget failed on purpose'] })

  test('shows its error inside the infoview frame, not in the privileged page', async ({ app }) => {
    await openAtLine(app, 5)
    const frame = infoview(app.page)
    await expect(frame.getByText(/the demo widget failed on purpose: widget-throws marker/).first()).toBeVisible()
    // The rest of the infoview still works: the tactic state of the file is shown next to the failed widget.
    await expect(frame.getByText('No goals')).toBeVisible()
    await expect(app.page.locator('body')).not.toContainText('the demo widget failed on purpose')
  })
})
