// The navigation views of the bottom panel, over Lean's own requests (the double answers as the watchdog does,
// with uris written as Lean's pathToUri writes them): References grouped by file (Shift+Alt+F12) including
// files nobody opened, Call Hierarchy (Shift+Alt+H) incoming and outgoing, Module Hierarchy (Shift+Alt+M / N).
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

const cursor = (page: Page) => page.locator('[data-testid="status-cursor"]')
const view = (page: Page, id: string) => page.locator(`.lx-panel-view[data-view="${id}"]`)
const activeTab = (page: Page) => page.locator('.lx-tab-active')

/** Opens `file` from the explorer, clicks `word` on the line holding `lineText`, presses `key`: the view it shows. */
async function runOnWord(page: Page, file: string, lineText: string, word: string, key: string, viewId: string) {
  await page.locator('.lx-explorer .lx-tree-row', { hasText: file }).first().click()
  await clickWord(page, lineText, word)
  await page.keyboard.press(key)
  const panel = view(page, viewId)
  await expect(panel).toBeVisible()
  return panel
}

async function clickWord(page: Page, lineText: string, word: string): Promise<void> {
  const line = page.locator('.lx-editor .view-line', { hasText: lineText })
  await expect(line).toBeVisible()
  await line.locator('span > span', { hasText: word }).first().click()
}

test.describe('references and calls', () => {
  test.use({
    workspaceFiles: {
      'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
      'lakefile.toml': 'name = "demo"\n',
      'A.lean': 'def double (n : Nat) : Nat := n + n\n\ndef quad (n : Nat) : Nat := double (double n)\n',
      'B.lean': 'import A\n\ntheorem four : double 2 = 4 := rfl\n\ndef octo (n : Nat) : Nat := quad (double n)\n',
    },
  })

  test('Shift+Alt+F12 lists references by file with counts, B.lean unopened; a row opens B.lean at its line', async ({ app }) => {
    const { page } = app
    const panel = await runOnWord(page, 'A.lean', 'def double', 'double', 'Shift+Alt+F12', 'references')
    const files = panel.locator('.lx-references-file')
    await expect(files).toHaveCount(2)
    await expect(files.nth(0)).toContainText('A.lean')
    await expect(files.nth(0).locator('.lx-references-count')).toHaveText('3')
    await expect(files.nth(1)).toContainText('B.lean')
    await expect(files.nth(1).locator('.lx-references-count')).toHaveText('2')
    await expect(panel).toContainText('5 results in 2 files')
    // B.lean was never opened: its lines come from disk.
    const rows = panel.locator('.lx-references-row')
    await expect(rows).toHaveCount(5)
    await expect(rows.nth(3).locator('.lx-references-position')).toHaveText('3:16')
    await expect(rows.nth(3).locator('mark')).toHaveText('double')
    await expect(rows.nth(3)).toContainText('theorem four : double 2 = 4 := rfl')
    await expect(rows.nth(4)).toContainText('def octo (n : Nat) : Nat := quad (double n)')
    await expect(page.locator('.lx-tab')).toHaveCount(1)

    await rows.nth(4).click()
    await expect(activeTab(page)).toContainText('B.lean')
    await expect(cursor(page)).toHaveText(/^Ln 5, Col \d+ \(6 selected\)$/)
    await expect(page.locator('.lx-editor .view-line', { hasText: 'def octo' })).toBeVisible()

    // Collapsing a file hides its rows; by keyboard, Enter unfolds it again and opens a reference.
    await files.nth(0).click()
    await expect(rows).toHaveCount(2)
    await files.nth(0).focus()
    await page.keyboard.press('Enter')
    await expect(rows).toHaveCount(5)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(rows.nth(1)).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(activeTab(page)).toContainText('A.lean')
    await expect(cursor(page)).toHaveText(/^Ln 3, Col \d+ \(6 selected\)$/)
  })

  test('Shift+Alt+H shows incoming calls across files, expands lazily, switches to outgoing; rows open the call site', async ({ app }) => {
    const { page } = app
    const panel = await runOnWord(page, 'A.lean', 'def double', 'double', 'Shift+Alt+H', 'calls')
    const rows = panel.locator('.lx-hierarchy-row')
    // The root, then its callers sorted by name: four and octo in B.lean (not open), quad in A.lean.
    await expect(rows).toHaveCount(4)
    await expect(rows.nth(0).locator('.lx-hierarchy-label')).toHaveText('double')
    await expect(rows.nth(1).locator('.lx-hierarchy-label')).toHaveText('four')
    await expect(rows.nth(1).locator('.lx-hierarchy-description')).toHaveText('B.lean:3')
    await expect(rows.nth(2).locator('.lx-hierarchy-label')).toHaveText('octo')
    await expect(rows.nth(3).locator('.lx-hierarchy-label')).toHaveText('quad')
    await expect(rows.nth(3).locator('.lx-hierarchy-description')).toHaveText('A.lean:3 · 2 calls')

    // Expanding quad asks for its callers only now: octo.
    await rows.nth(3).locator('.lx-hierarchy-twistie').click()
    await expect(rows).toHaveCount(5)
    await expect(rows.nth(4).locator('.lx-hierarchy-label')).toHaveText('octo')
    await expect(rows.nth(4)).toHaveAttribute('aria-level', '3')

    // A caller opens at the call: `double 2` in B.lean, line 3.
    await rows.nth(1).locator('.lx-hierarchy-label').click()
    await expect(activeTab(page)).toContainText('B.lean')
    await expect(cursor(page)).toHaveText(/^Ln 3, Col \d+ \(6 selected\)$/)

    // Outgoing calls of octo (from B.lean): quad and double, each opening the call inside octo.
    // This time from the editor's context menu.
    await clickWord(page, 'def octo', 'octo')
    await page.locator('.lx-editor .view-line', { hasText: 'def octo' }).locator('span > span', { hasText: 'octo' }).first().click({ button: 'right' })
    await page.locator('.monaco-menu .action-label', { hasText: 'Show Call Hierarchy' }).click()
    await expect(rows.nth(0).locator('.lx-hierarchy-label')).toHaveText('octo')
    await panel.getByRole('radio', { name: 'Outgoing Calls' }).click()
    await expect(panel.getByRole('radio', { name: 'Outgoing Calls' })).toHaveAttribute('aria-checked', 'true')
    await expect(rows).toHaveCount(3)
    await expect(rows.nth(1).locator('.lx-hierarchy-label')).toHaveText('double')
    await expect(rows.nth(1).locator('.lx-hierarchy-description')).toHaveText('A.lean:1')
    await expect(rows.nth(2).locator('.lx-hierarchy-label')).toHaveText('quad')
    await rows.nth(2).locator('.lx-hierarchy-label').click()
    await expect(activeTab(page)).toContainText('B.lean')
    await expect(cursor(page)).toHaveText(/^Ln 5, Col 33 \(4 selected\)$/)
    await expect(page.locator('.lx-tab')).toHaveCount(2)
  })
})

test.describe('a Lean without call and module hierarchy (before 4.22)', () => {
  test.use({ doubleEnv: { LEAN_DOUBLE_OMIT_CAPABILITIES: 'callHierarchyProvider,moduleHierarchyProvider' } })

  test('Shift+Alt+H and Shift+Alt+M say the server does not offer them and send no request', async ({ app }) => {
    const { page } = app
    const calls = await runOnWord(page, 'Main.lean', 'theorem one', 'one', 'Shift+Alt+H', 'calls')
    await expect(calls).toContainText('does not offer call hierarchy')
    await page.keyboard.press('Shift+Alt+M')
    await expect(view(page, 'modules')).toContainText('does not offer the module hierarchy')
    // A request that does exist goes out after them: had theirs been sent, the log would hold them by now.
    await page.keyboard.press('Shift+Alt+F12')
    await expect(view(page, 'references').locator('.lx-references-file')).toHaveCount(1)
    const methods = app.doubleLog().filter((e) => e.dir === 'in').map((e) => e.msg.method)
    expect(methods).toContain('textDocument/references')
    expect(methods).not.toContain('textDocument/prepareCallHierarchy')
    expect(methods).not.toContain('$/lean/prepareModuleHierarchy')
  })
})

test.describe('module hierarchy', () => {
  const dir = 'My Proofs (2026)'
  test.use({
    workspaceFiles: {
      [`${dir}/lean-toolchain`]: 'leanprover/lean4:v4.20.0\n',
      [`${dir}/lakefile.toml`]: 'name = "proofs"\n',
      [`${dir}/Proofs/Basic.lean`]: 'def base : Nat := 1\n',
      [`${dir}/Proofs/Main.lean`]: 'import Proofs.Basic\n\ntheorem t : base = 1 := rfl\n',
      [`${dir}/Proofs/Extra.lean`]: 'import Proofs.Main\n\ndef extra : Nat := 2\n',
    },
    launchArgs: [`${dir}/Proofs/Basic.lean`, `${dir}/Proofs/Main.lean`],
  })

  test('in a folder with spaces and parentheses, imports and imported-by open the right file, reusing its tab', async ({ app }) => {
    const { page } = app
    await expect(page.locator('.lx-tab')).toHaveCount(2)
    await expect(activeTab(page)).toContainText('Main.lean')
    await clickWord(page, 'theorem t', 'theorem')
    await page.keyboard.press('Shift+Alt+M')

    const panel = view(page, 'modules')
    await expect(panel).toBeVisible()
    const rows = panel.locator('.lx-hierarchy-row')
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(0).locator('.lx-hierarchy-label')).toHaveText('Proofs.Main')
    await expect(rows.nth(1).locator('.lx-hierarchy-label')).toHaveText('Proofs.Basic')
    await expect(rows.nth(1).locator('.lx-hierarchy-description')).toHaveText(`${dir}/Proofs/Basic.lean`)
    await expect(panel.getByRole('radio', { name: 'Imports' })).toHaveAttribute('aria-checked', 'true')

    // Lean writes `My%20Proofs%20%282026%29`: the open tab is still recognised, no second tab.
    await rows.nth(1).locator('.lx-hierarchy-label').click()
    await expect(activeTab(page)).toContainText('Basic.lean')
    await expect(page.locator('.lx-tab')).toHaveCount(2)

    // Imported by, from Main: Extra.lean, a file nobody opened.
    await page.locator('.lx-tab', { hasText: 'Main.lean' }).click()
    await clickWord(page, 'theorem t', 'theorem')
    await page.keyboard.press('Shift+Alt+N')
    await expect(panel.getByRole('radio', { name: 'Imported By' })).toHaveAttribute('aria-checked', 'true')
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(1).locator('.lx-hierarchy-label')).toHaveText('Proofs.Extra')
    // By keyboard: Down to Extra, Right expands it (nothing imports it), Left collapses, Enter opens it.
    await rows.nth(0).focus()
    await page.keyboard.press('ArrowDown')
    await expect(rows.nth(1)).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect(panel.locator('.lx-hierarchy-note')).toHaveText('No results')
    await expect(rows.nth(1)).toBeFocused()
    await page.keyboard.press('ArrowLeft')
    await expect(rows.nth(1)).toHaveAttribute('aria-expanded', 'false')
    await page.keyboard.press('Enter')
    await expect(activeTab(page)).toContainText('Extra.lean')
    await expect(page.locator('.lx-tab')).toHaveCount(3)
    await expect(page.locator('.lx-editor .view-line', { hasText: 'def extra' })).toBeVisible()
    // The uris came as Lean writes them, so the tab reuse above compared decoded paths.
    const answered = app.doubleLog().filter((e) => e.dir === 'out' && JSON.stringify(e.msg.result ?? null).includes('"module"'))
    expect(JSON.stringify(answered.map((e) => e.msg.result))).toContain('My%20Proofs%20%282026%29/Proofs/Basic.lean')
  })
})
