// The desktop app, driven with Playwright's Electron support: start, open a folder and a file at a position from
// the command line, edit through IPC, diagnostics, the native menus, a second launch, and quitting with unsaved
// work. Runs wherever Electron's binary exists (node_modules/electron after its download, or
// ELECTRON_OVERRIDE_DIST_PATH) and a display does (`xvfb-run -a` on a headless Linux):
//   npx electron-vite build && npx playwright test e2e/electron.spec.ts
// Elsewhere every test skips with the reason printed.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test'
import { findElectronBinary, missingDisplay } from '../scripts/lib/launcher.mjs'
import { DOUBLE, expect, focusEditor, REPO_ROOT, test } from './fixtures'

const found = findElectronBinary({ root: REPO_ROOT })
const noDisplay = missingDisplay(process.env, process.platform)
const why = !found.path
  ? `${found.why}: run \`node node_modules/electron/install.js\` (it downloads from GitHub) or set ELECTRON_OVERRIDE_DIST_PATH`
  : noDisplay ? `${noDisplay} (run under xvfb-run -a)` : undefined
if (why) console.log(`Skipping the Electron e2e: ${why}.`)

test.describe('the desktop app', () => {
  test.describe.configure({ mode: 'serial' })
  test.skip(!!why, why)

  const tmp = mkdtempSync(join(tmpdir(), 'lectern-electron-'))
  const ws = join(tmp, 'proj')
  const userData = join(tmp, 'user data')
  let app: ElectronApplication
  let page: Page

  const launch = async () => {
    app = await electron.launch({
      executablePath: found.path,
      args: [REPO_ROOT, ws, 'Main.lean:1:9', '--user-data', userData],
      cwd: ws,
      env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE },
    })
    page = await app.firstWindow()
    await page.waitForFunction(() => (window as { __lectern?: { ready: boolean } }).__lectern?.ready === true)
  }
  const modelText = (path: string) => page.evaluate((p) => (window as { __lectern?: { modelText(p: string): string | undefined } }).__lectern?.modelText(p), path)
  /** Clicks a native menu item by its menu and label, as the user would. */
  const clickMenu = (menu: string, label: string) =>
    app.evaluate(({ Menu, BrowserWindow }, [m, l]) => {
      const top = Menu.getApplicationMenu()?.items.find((i) => i.label.replace('&', '') === m)
      const item = top?.submenu?.items.find((i) => i.label.replace('&', '') === l)
      if (!item) throw new Error(`no menu item ${m} › ${l}`)
      item.click(undefined, BrowserWindow.getAllWindows()[0], undefined)
    }, [menu, label] as const)

  test.beforeAll(async () => {
    if (why) return
    mkdirSync(ws)
    writeFileSync(join(ws, 'lean-toolchain'), 'leanprover/lean4:v4.20.0\n')
    writeFileSync(join(ws, 'lakefile.toml'), 'name = "demo"\n')
    writeFileSync(join(ws, 'Main.lean'), 'theorem two : 1 + 1 = 2 := by sorry\n')
    writeFileSync(join(ws, 'Other.lean'), 'theorem t : True := trivial\n')
    await launch()
  })
  test.afterAll(async () => {
    await app?.close().catch(() => undefined)
  })

  test('starts with the named-function preload and no Node in the page', async () => {
    expect(await page.evaluate(() => typeof (window as { lectern?: { app_info?: unknown } }).lectern?.app_info)).toBe('function')
    expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe('undefined')
    expect(await app.evaluate(({ app: a }) => a.getPath('userData'))).toBe(userData)
  })

  test('opens the folder and the file from the command line, at its position', async () => {
    await expect(page.locator('.lx-tree-file', { hasText: 'Other.lean' })).toBeVisible()
    await expect(page.locator('.lx-tab', { hasText: 'Main.lean' })).toBeVisible()
    await expect(page.getByTestId('status-cursor')).toHaveText('Ln 1, Col 9')
  })

  test('shows diagnostics and edits through IPC', async () => {
    await expect(page.locator('.lx-problem-message', { hasText: "declaration uses 'sorry'" })).toBeVisible()
    await focusEditor(page)
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('-- typed in the desktop app')
    await expect.poll(() => modelText(join(ws, 'Main.lean'))).toContain('-- typed in the desktop app')
    // An edit travels renderer → IPC → core → Lean, and its diagnostic comes back the same way.
    await page.keyboard.press('Enter')
    await page.keyboard.type('#eval 6 * 7')
    await expect(page.locator('.lx-problem-message', { hasText: /^42$/ })).toBeVisible()
  })

  test('the menus carry the commands with their shortcuts; Ctrl+W and File › Close Editor close the editor, not the window', async () => {
    const menus = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label.replace('&', '')) ?? [])
    expect(menus).toEqual(expect.arrayContaining(['File', 'Edit', 'Selection', 'View', 'Go', 'Lean', 'Window', 'Help']))
    const save = await app.evaluate(({ Menu }) =>
      Menu.getApplicationMenu()?.items.find((i) => i.label === '&File')?.submenu?.items.find((i) => i.label === '&Save')?.accelerator,
    )
    expect(save).toBe('CmdOrCtrl+S')
    await page.locator('.lx-tree-file', { hasText: 'Other.lean' }).click()
    await expect(page.locator('.lx-tab', { hasText: 'Other.lean' })).toBeVisible()
    await clickMenu('File', 'Close Editor')
    await expect(page.locator('.lx-tab', { hasText: 'Other.lean' })).toHaveCount(0)
    await page.locator('.lx-tree-file', { hasText: 'Other.lean' }).click()
    await focusEditor(page)
    await page.keyboard.press('ControlOrMeta+W')
    await expect(page.locator('.lx-tab', { hasText: 'Other.lean' })).toHaveCount(0)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  })

  test('a second launch hands its file to the running window and exits', async () => {
    const second = spawn(found.path as string, [REPO_ROOT, 'Other.lean:1:3', '--user-data', userData], { cwd: ws, stdio: 'ignore' })
    const code = await new Promise<number | null>((r) => second.on('exit', r))
    expect(code).toBe(0)
    await expect(page.locator('.lx-tab', { hasText: 'Other.lean' })).toBeVisible()
    await expect(page.getByTestId('status-cursor')).toHaveText('Ln 1, Col 3')
  })

  test('quitting with unsaved work asks nothing, writes the backup, and the next start brings it back', async () => {
    await page.locator('.lx-tab', { hasText: 'Main.lean' }).click()
    await expect.poll(() => modelText(join(ws, 'Main.lean'))).toContain('-- typed in the desktop app')
    await app.close()
    const backups = join(userData, 'backups')
    expect(existsSync(backups) && readdirSync(backups).length).toBeGreaterThan(0)
    await launch()
    await expect.poll(() => modelText(join(ws, 'Main.lean'))).toContain('-- typed in the desktop app')
  })
})
