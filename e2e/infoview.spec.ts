// The infoview as a Lean user meets it: @leanprover/infoview in its sandboxed frame, fed by the workbench over the
// postMessage bridge, talking to the Lean server double through the core (RPC session, interactive goals, hovers).
import type { FrameLocator, Page, TestInfo } from '@playwright/test'
import { expect, test, type LecternApp } from './fixtures'

const PROOF = 'theorem t (p q : Prop) (hp : p) : q → p := by\n  intro h\n  exact hp\n'

test.use({
  workspaceFiles: {
    'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
    'lakefile.toml': 'name = "demo"\n',
    'Proof.lean': PROOF,
  },
})

function infoview(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Lean Infoview"]')
}

async function attachInfoview(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const body = await page.locator('.lx-infoview').screenshot()
  await testInfo.attach(name, { body, contentType: 'image/png' })
}

/** Opens Proof.lean and puts the cursor at the start of line 3, after `intro h`. */
async function openProofAtLine3(app: LecternApp): Promise<void> {
  const { page } = app
  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Proof.lean' }).first().click()
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Proof.lean')
  await page.locator('.lx-editor .view-lines').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('[data-testid="status-cursor"]')).toHaveText('Ln 3, Col 1')
}

/** A hypothesis or goal line of the tactic state, by its whole text (names, colon and type). */
function stateLine(frame: FrameLocator, text: RegExp) {
  return frame.locator('.font-code > div', { hasText: text })
}

test('the tactic state after `intro h` shows hp : p, h : q and ⊢ p; hovering the goal shows its type', async ({ app }, testInfo) => {
  const { page } = app
  await openProofAtLine3(app)
  const frame = infoview(page)
  await expect(stateLine(frame, /^hp\s:\sp$/)).toBeVisible()
  await expect(stateLine(frame, /^h\s:\sq$/)).toBeVisible()
  await expect(frame.locator('[data-is-goal]', { hasText: /^⊢\sp$/ })).toBeVisible()
  await attachInfoview(page, testInfo, 'infoview-goals')

  // The server answered through an RPC session the infoview asked for.
  const methods = app.doubleLog().filter((m) => m.dir === 'in').map((m) => m.msg.method)
  expect(methods).toContain('$/lean/rpc/connect')
  expect(methods).toContain('$/lean/rpc/call')

  await frame.locator('[data-is-goal] [data-has-tooltip-on-hover]').first().hover()
  await expect(frame.locator('.tooltip')).toContainText('Prop')
  await attachInfoview(page, testInfo, 'infoview-hover')
})

test('the context menu of a goal term offers Go to Definition, and the state can be pinned', async ({ app }, testInfo) => {
  const { page } = app
  await openProofAtLine3(app)
  const frame = infoview(page)
  await expect(frame.locator('[data-is-goal]', { hasText: /^⊢\sp$/ })).toBeVisible()
  await frame.locator('[data-is-goal] [data-has-tooltip-on-hover]').first().click({ button: 'right' })
  const menu = frame.locator('.lectern-context-menu')
  await expect(menu.getByRole('menuitem', { name: 'Go to Definition' })).toBeVisible()
  await attachInfoview(page, testInfo, 'infoview-context-menu')
  await menu.getByRole('menuitem', { name: 'Pin', exact: true }).click()
  await expect(menu).toHaveCount(0)
  // A pinned state gets its own header (with an unpin button) above the cursor's state.
  await expect(frame.locator('[title="Unpin"]').or(frame.locator('.codicon-pinned'))).toHaveCount(1)
})

test('Restart File in the infoview sends didClose then didOpen with dependencyBuildMode "once"', async ({ app }) => {
  const { page } = app
  await openProofAtLine3(app)
  const frame = infoview(page)
  await expect(stateLine(frame, /^hp\s:\sp$/)).toBeVisible()
  const before = app.doubleLog().length
  await frame.locator('.restart-file-button').click()
  await expect
    .poll(() => app.doubleLog().slice(before).filter((m) => m.dir === 'in').map((m) => m.msg.method))
    .toEqual(expect.arrayContaining(['textDocument/didClose', 'textDocument/didOpen']))
  const after = app.doubleLog().slice(before).filter((m) => m.dir === 'in')
  const close = after.findIndex((m) => m.msg.method === 'textDocument/didClose')
  const open = after.findIndex((m) => m.msg.method === 'textDocument/didOpen')
  expect(close).toBeLessThan(open)
  expect((after[open].msg.params as { dependencyBuildMode?: string }).dependencyBuildMode).toBe('once')
  // The infoview reconnects and shows the state again.
  await expect(stateLine(frame, /^hp\s:\sp$/)).toBeVisible()
})

test('Ctrl+Shift+Enter toggles the infoview, also while the infoview has focus', async ({ app }, testInfo) => {
  const { page } = app
  await openProofAtLine3(app)
  const frame = infoview(page)
  const iframe = page.locator('iframe[title="Lean Infoview"]')
  await expect(stateLine(frame, /^hp\s:\sp$/)).toBeVisible()

  await page.keyboard.press('Control+Shift+Enter')
  await expect(iframe).toBeHidden()
  await page.keyboard.press('Control+Shift+Enter')
  await expect(iframe).toBeVisible()

  // Focus inside the frame: the shortcut is forwarded to the workbench.
  await frame.getByText('Tactic state').click()
  await page.keyboard.press('Control+Shift+Enter')
  await expect(iframe).toBeHidden()
  await page.locator('.lx-editor .view-lines').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+Shift+Enter')
  await expect(iframe).toBeVisible()
  // The cursor moved to line 1 while the infoview was hidden; it shows that position once visible again.
  await expect(frame.locator('summary', { hasText: /^Proof\.lean:1:/ }).first()).toBeVisible()
  await attachInfoview(page, testInfo, 'infoview-after-toggle')
})

test('the frame carries the theme class and the infoview follows the cursor', async ({ app }, testInfo) => {
  const { page } = app
  await openProofAtLine3(app)
  const frame = infoview(page)
  await expect(stateLine(frame, /^hp\s:\sp$/)).toBeVisible()
  await expect(frame.locator('body')).toHaveClass(/vscode-(dark|light)/)
  // Back to line 2 (before `intro h`): the goal is the implication again and h is gone.
  await page.keyboard.press('ArrowUp')
  await expect(frame.locator('[data-is-goal]', { hasText: /^⊢\sq\s→\sp$/ })).toBeVisible()
  await expect(stateLine(frame, /^h\s:\sq$/)).toHaveCount(0)
  await attachInfoview(page, testInfo, 'infoview-line-2')
})

test('a widget module served as a blob: URL loads in the infoview frame (the loader fetches it)', async ({ app }) => {
  const { page } = app
  await openProofAtLine3(app)
  await expect(stateLine(infoview(page), /^hp\s:\sp$/)).toBeVisible()
  const frame = page.frames().find((f) => f.url().includes('infoview'))
  expect(frame, 'the infoview frame').toBeDefined()
  // The infoview loads a user widget's source (Lean.Widget.getWidgetSource) as a blob: module through
  // es-module-shims, which fetch()es the blob URL: the frame's CSP must allow that.
  const loaded = await frame!.evaluate(async () => {
    const source = 'export const answer = 6 * 7'
    const url = URL.createObjectURL(new File([source], 'widget.js', { type: 'text/javascript' }))
    const shim = (globalThis as { importShim?: (u: string) => Promise<{ answer: number }> }).importShim
    try {
      const mod = shim ? await shim(url) : await import(/* @vite-ignore */ url)
      return { answer: mod.answer as number }
    } catch (e) {
      return { error: String(e) }
    }
  })
  expect(loaded).toEqual({ answer: 42 })
})
