// Split editors as a user meets them: Ctrl+\ (or "View: Split Editor", or dragging a tab to the right half) shows two
// editor groups side by side; two views of one file edit one model, so the Lean server sees one didChange stream;
// the infoview follows the focused group; closing a group's last tab collapses the split.
import type { Page } from '@playwright/test'
import { expect, infoviewFrame as infoview, test, type LecternApp } from './fixtures'

const PROOF = 'theorem t (p q : Prop) (hp : p) : q → p := by\n  intro h\n  exact hp\n'
const OTHER = 'theorem one : 1 = 1 := by\n  rfl\n'

test.use({
  workspaceFiles: {
    'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
    'lakefile.toml': 'name = "demo"\n',
    'Proof.lean': PROOF,
    'Other.lean': OTHER,
  },
})

const groups = (page: Page) => page.locator('.lx-editor-group')
const groupAt = (page: Page, i: number) => groups(page).nth(i)

async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.lx-explorer .lx-tree-row', { hasText: name }).first().click()
  await expect(page.locator('.lx-editor-group-focused .lx-tab-active .lx-tab-label')).toHaveText(name)
}

/** Focuses a group's editor and puts the cursor at the end of its (1-based) line. */
async function clickLine(page: Page, group: number, line: number): Promise<void> {
  await groupAt(page, group).locator('.view-lines').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+Home')
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
}

/** The versions of every didChange the double got for a file, in arrival order. */
function didChangeVersions(app: LecternApp, name: string): number[] {
  return app
    .doubleLog()
    .filter((l) => l.dir === 'in' && l.msg.method === 'textDocument/didChange')
    .map((l) => l.msg.params as { textDocument: { uri: string; version: number } })
    .filter((p) => p.textDocument.uri.endsWith(`/${name}`))
    .map((p) => p.textDocument.version)
}

interface Change {
  range?: { start: { line: number; character: number }; end: { line: number; character: number } }
  text: string
}

/** The text the server has for a file: its didOpen text with every didChange applied, in order. */
function serverText(app: LecternApp, name: string): string | undefined {
  let text: string | undefined
  for (const l of app.doubleLog()) {
    if (l.dir !== 'in') continue
    const p = l.msg.params as { textDocument?: { uri: string; text?: string }; contentChanges?: Change[] }
    if (!p?.textDocument?.uri.endsWith(`/${name}`)) continue
    if (l.msg.method === 'textDocument/didOpen') text = p.textDocument.text
    if (l.msg.method !== 'textDocument/didChange' || text === undefined) continue
    for (const c of p.contentChanges ?? []) {
      if (!c.range) {
        text = c.text
        continue
      }
      const lines: string[] = text.split('\n')
      const offset = (pos: { line: number; character: number }): number =>
        lines.slice(0, pos.line).reduce((n: number, line: string) => n + line.length + 1, 0) + pos.character
      text = text.slice(0, offset(c.range.start)) + c.text + text.slice(offset(c.range.end))
    }
  }
  return text
}

const modelText = (app: LecternApp, name: string) => app.page.evaluate((p) => window.__lectern?.modelText(p), app.file(name))

test('Ctrl+\\ splits the editor; edits typed in both views reach the server as one increasing version stream', async ({ app }) => {
  // Many keystrokes in two editors: give a loaded machine room (nothing here measures time).
  test.slow()
  const { page } = app
  await openFile(page, 'Proof.lean')
  await clickLine(page, 0, 1)
  await page.keyboard.press('Control+\\')
  await expect(groups(page)).toHaveCount(2)
  await expect(groupAt(page, 0).locator('.lx-tab-label')).toHaveText(['Proof.lean'])
  await expect(groupAt(page, 1).locator('.lx-tab-label')).toHaveText(['Proof.lean'])

  await clickLine(page, 0, 3)
  await page.keyboard.type(' -- left')
  await clickLine(page, 1, 2)
  // An abbreviation typed in one of two views of a file is replaced once (only the focused editor rewrites).
  await page.keyboard.type(' -- right \\alpha ')
  // One model: each view shows the other's edit.
  for (const i of [0, 1]) {
    await expect(groupAt(page, i).locator('.view-line').nth(1)).toContainText('intro h -- right α')
    await expect(groupAt(page, i).locator('.view-line').nth(2)).toContainText('exact hp -- left')
  }
  expect(await modelText(app, 'Proof.lean')).toBe('theorem t (p q : Prop) (hp : p) : q → p := by\n  intro h -- right α \n  exact hp -- left\n')
  // The server got both edits, as one document whose versions only go up (the fixture also fails on any
  // duplicate didOpen or non-increasing version the double records).
  await expect.poll(() => serverText(app, 'Proof.lean')).toBe(await modelText(app, 'Proof.lean'))
  const versions = didChangeVersions(app, 'Proof.lean')
  expect(versions.length).toBeGreaterThan(1)
  versions.forEach((v, i) => i > 0 && expect(v).toBeGreaterThan(versions[i - 1]))
  const opens = app.doubleLog().filter((l) => l.dir === 'in' && l.msg.method === 'textDocument/didOpen' && JSON.stringify(l.msg.params).includes('Proof.lean'))
  expect(opens).toHaveLength(1)
})

test('the infoview follows the focused group; closing a group\'s last tab collapses the split', async ({ app }) => {
  const { page } = app
  await openFile(page, 'Proof.lean')
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('split editor')
  await page.keyboard.press('Enter')
  await expect(groups(page)).toHaveCount(2)
  // The right group has the focus: a file opened now opens there.
  await openFile(page, 'Other.lean')
  await expect(groupAt(page, 1).locator('.lx-tab-label')).toHaveText(['Proof.lean', 'Other.lean'])
  await expect(groupAt(page, 0).locator('.lx-tab-label')).toHaveText(['Proof.lean'])

  const frame = infoview(page)
  await clickLine(page, 1, 2)
  await expect(frame.getByText(/^Other\.lean:2:\d+$/)).toBeVisible()
  await clickLine(page, 0, 2)
  await expect(frame.getByText(/^Proof\.lean:2:\d+$/)).toBeVisible()
  await expect(page.locator('[data-testid="status-cursor"]')).toHaveText('Ln 2, Col 10')

  // Closing Proof.lean's tab in the right group keeps the document open (the left group shows it) …
  const rightProof = groupAt(page, 1).locator('.lx-tab', { hasText: 'Proof.lean' })
  await rightProof.hover()
  await rightProof.locator('.lx-tab-close').click()
  await expect(groupAt(page, 1).locator('.lx-tab-label')).toHaveText(['Other.lean'])
  // … and closing the right group's last tab collapses the split.
  await groupAt(page, 1).locator('.lx-tab', { hasText: 'Other.lean' }).locator('.lx-tab-close').click()
  await expect(groups(page)).toHaveCount(1)
  await expect(groupAt(page, 0).locator('.lx-tab-label')).toHaveText(['Proof.lean'])
  await expect(frame.getByText(/^Proof\.lean:\d+:\d+$/)).toBeVisible()
  // Proof.lean was never closed on the server: an edit now is the next change of the same open document.
  await clickLine(page, 0, 1)
  await page.keyboard.type(' ')
  await expect.poll(() => didChangeVersions(app, 'Proof.lean').length).toBeGreaterThan(0)
  const closes = app.doubleLog().filter((l) => l.dir === 'in' && l.msg.method === 'textDocument/didClose').map((l) => JSON.stringify(l.msg.params))
  expect(closes.filter((c) => c.includes('Proof.lean'))).toEqual([])
  expect(closes.filter((c) => c.includes('Other.lean'))).toHaveLength(1)
})

test('dragging a tab to the right half of the editor area opens it in a second group', async ({ app }) => {
  const { page } = app
  await openFile(page, 'Proof.lean')
  await openFile(page, 'Other.lean')
  const area = page.locator('.lx-editor-groups')
  const box = (await area.boundingBox())!
  await page.locator('.lx-tab', { hasText: 'Other.lean' }).dragTo(area, { targetPosition: { x: box.width * 0.8, y: box.height / 2 } })
  await expect(groups(page)).toHaveCount(2)
  // The tab moved: the left group keeps Proof.lean, the right one shows Other.lean.
  await expect(groupAt(page, 0).locator('.lx-tab-label')).toHaveText(['Proof.lean'])
  await expect(groupAt(page, 1).locator('.lx-tab-label')).toHaveText(['Other.lean'])
  await expect(groupAt(page, 1).locator('.view-line').first()).toContainText('theorem one')
  // Closing the left group's only tab leaves the right group alone; closing that too shows the empty editor.
  await groupAt(page, 0).locator('.lx-tab', { hasText: 'Proof.lean' }).click({ button: 'middle' })
  await expect(groups(page)).toHaveCount(1)
  await expect(groupAt(page, 0).locator('.lx-tab-label')).toHaveText(['Other.lean'])
  await groupAt(page, 0).locator('.lx-tab', { hasText: 'Other.lean' }).click({ button: 'middle' })
  await expect(page.locator('.lx-empty-editor')).toBeVisible()
})

test('a split comes back after a relaunch: each group with its tabs and the file it showed, the focus where it was', async ({ app }) => {
  const { page } = app
  await openFile(page, 'Proof.lean')
  await openFile(page, 'Other.lean')
  await page.keyboard.press('Control+\\')
  await expect(groups(page)).toHaveCount(2)
  // Left: both files, showing Proof.lean; right: Other.lean, with the focus.
  await groupAt(page, 0).locator('.lx-tab', { hasText: 'Proof.lean' }).click()
  await clickLine(page, 1, 2)
  await expect(groupAt(page, 0).locator('.lx-tab-active .lx-tab-label')).toHaveText('Proof.lean')
  await expect(page.locator('.lx-editor-group-focused .lx-tab-active .lx-tab-label')).toHaveText('Other.lean')

  await app.relaunch()
  await expect(groups(page)).toHaveCount(2)
  await expect(groupAt(page, 0).locator('.lx-tab-label')).toHaveText(['Proof.lean', 'Other.lean'])
  await expect(groupAt(page, 0).locator('.lx-tab-active .lx-tab-label')).toHaveText('Proof.lean')
  await expect(groupAt(page, 1).locator('.lx-tab-label')).toHaveText(['Other.lean'])
  await expect(groupAt(page, 1)).toHaveClass(/lx-editor-group-focused/)
  await expect(groupAt(page, 1).locator('.view-lines')).toContainText('theorem one')

  // Back to one group: the next launch has no split.
  await groupAt(page, 1).locator('.lx-tab', { hasText: 'Other.lean' }).locator('.lx-tab-close').click()
  await expect(groups(page)).toHaveCount(1)
  await app.relaunch()
  await expect(groupAt(page, 0).locator('.lx-tab-label')).toHaveText(['Proof.lean', 'Other.lean'])
  await expect(groups(page)).toHaveCount(1)
})
