// The renderer's half of the desktop shell, in a real browser: a stand-in for the preload's `window.lecternShell`
// (the real one forwards these calls over IPC, see test/electron-app.test.ts) receives the command table for the
// native menu with live enabled state, and its events run commands, open files at a position, show notices;
// the side widths are restored and reported.
import type { MenuCommandState, ShellEvent, ShellPreload } from '../src/shared/shell'
import { expect, test } from './fixtures'

declare global {
  interface Window {
    __shell: { menus: MenuCommandState[][]; layouts: unknown[]; emit(ev: ShellEvent): void }
    lecternShell?: ShellPreload
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const listeners: ((ev: ShellEvent) => void)[] = []
    const log = { menus: [] as MenuCommandState[][], layouts: [] as unknown[], emit: (ev: ShellEvent) => listeners.forEach((l) => l(ev)) }
    window.__shell = log
    window.lecternShell = {
      ready: async () => ({ layout: { sidebarWidth: 321 } }),
      setMenu: (commands) => void log.menus.push(commands),
      setLayout: (layout) => void log.layouts.push(layout),
      onEvent: (listener) => {
        listeners.push(listener)
        return () => listeners.splice(listeners.indexOf(listener), 1)
      },
    }
  })
})

/** Whether the last command table sent to the menu has Save enabled. */
const saveEnabled = (page: import('@playwright/test').Page) =>
  page.evaluate(() => window.__shell.menus.at(-1)?.find((c) => c.id === 'workbench.action.files.save')?.enabled)

test('the menu gets every command with its keybinding, and Save is on only while an editor is open', async ({ app }) => {
  const { page } = app
  await expect.poll(() => page.evaluate(() => window.__shell.menus.length)).toBeGreaterThan(0)
  const first = await page.evaluate(() => window.__shell.menus.at(-1) ?? [])
  expect(first.find((c) => c.id === 'workbench.action.closeActiveEditor')).toMatchObject({ keybinding: 'CtrlCmd+W' })
  await expect.poll(() => saveEnabled(page)).toBe(false)
  await page.locator('.lx-tree-file', { hasText: 'Main.lean' }).click()
  await expect(page.locator('.lx-tab', { hasText: 'Main.lean' })).toBeVisible()
  await expect.poll(() => saveEnabled(page)).toBe(true)
  // A menu click arrives as a command event.
  await page.evaluate(() => window.__shell.emit({ kind: 'command', id: 'workbench.action.closeAllEditors' }))
  await expect(page.locator('.lx-tab')).toHaveCount(0)
  await expect.poll(() => saveEnabled(page)).toBe(false)
})

test('shell events run a command, open a file at a position, and show a notice', async ({ app }) => {
  const { page } = app
  await expect.poll(() => page.evaluate(() => window.__shell.menus.length)).toBeGreaterThan(0)
  await page.evaluate(() => window.__shell.emit({ kind: 'command', id: 'lean4.toggleInfoview' }))
  await expect(page.locator('.lx-workbench')).toHaveClass(/lx-infoview-hidden/)
  await page.evaluate((path) => window.__shell.emit({ kind: 'open', files: [{ path, line: 2, column: 3 }] }), app.file('Main.lean'))
  await expect(page.locator('.lx-tab', { hasText: 'Main.lean' })).toBeVisible()
  await expect(page.getByTestId('status-cursor')).toHaveText('Ln 2, Col 3')
  await page.evaluate(() => window.__shell.emit({ kind: 'notice', message: 'Lectern has a folder open.' }))
  await expect(page.locator('.lx-toast-text', { hasText: 'Lectern has a folder open.' })).toBeVisible()
})

test('the remembered sidebar width comes back, and a drag reports the new one', async ({ app }) => {
  const { page } = app
  const sidebar = page.locator('.lx-sidebar')
  await expect.poll(async () => Math.round((await sidebar.boundingBox())?.width ?? 0)).toBe(321)
  const sash = page.locator('.lx-sash-vertical').first()
  const box = await sash.boundingBox()
  if (!box) throw new Error('no sash')
  await page.mouse.move(box.x + box.width / 2, box.y + 200)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 200, { steps: 4 })
  await page.mouse.up()
  await expect.poll(() => page.evaluate(() => window.__shell.layouts.at(-1))).toMatchObject({ sidebarWidth: 381 })
})
