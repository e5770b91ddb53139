// Project tasks as a user drives them (serve mode): a fake `lake` on PATH prints Lake's real output shapes
// (test/fixtures/tasks/fake-lake.ts). Build → Problems → jump; cancel a cache fetch → its process group is gone;
// New Project → the files exist.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { DEFAULT_FILES, test, expect } from './fixtures'
import { writeFakeLake } from '../test/fixtures/tasks/fake-lake'

const fakeBin = mkdtempSync(join(tmpdir(), 'lectern-e2e-lake-'))
const pidFile = join(fakeBin, 'grandchild.pid')
test.beforeAll(async () => {
  await writeFakeLake(fakeBin)
})

// SHELL='' : no login shell is asked here; lake is found on PATH.
const lakeEnv = (extra: Record<string, string>) => ({ PATH: `${fakeBin}:${process.env.PATH ?? ''}`, SHELL: '', FAKE_PID_FILE: pidFile, ...extra })

const DEMO = ['-- demo', '', 'def x := foo', '', 'example : 1 + 1 = 3 := by', '  simp', ''].join('\n')

async function runCommand(page: Page, title: string): Promise<void> {
  await expect(page.locator('.lx-explorer .lx-tree-row', { hasText: 'Main.lean' })).toBeVisible()
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type(title)
  await page.keyboard.press('Enter')
}

/** Live members of a process group (zombies waiting for a reaper do not count). */
function groupMembers(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      let stat = ''
      try {
        stat = readFileSync(`/proc/${e}/stat`, 'utf8')
      } catch {
        return false
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return fields[0] !== 'Z' && Number(fields[2]) === pgid
    })
    .map(Number)
}

test.describe('Build Project', () => {
  test.use({ workspaceFiles: { ...DEFAULT_FILES, 'Demo.lean': DEMO }, doubleEnv: lakeEnv({ FAKE_LAKE_BUILD: 'error' }) })

  test('a build error lands in Problems and jumps to the file', async ({ app }) => {
    const { page } = app
    await runCommand(page, 'Build Project')
    await expect(page.locator('[data-testid="output-text"]')).toContainText('error: build failed')
    await expect(page.locator('[data-testid="output-text"]')).toContainText('$ ')
    await expect(page.locator('[data-testid="task-status"]')).toContainText('Build Project — failed')
    await page.locator('.lx-panel-tab', { hasText: 'Problems' }).click()
    const row = page.locator('.lx-problem', { hasText: "unknown identifier 'foo'" })
    await expect(row).toBeVisible()
    await expect(row.locator('.lx-problem-source')).toHaveText('lake build')
    await expect(row.locator('.lx-problem-position')).toHaveText('3:9')
    await row.click()
    await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Demo.lean')
    await expect(page.locator('[data-testid="status-cursor"]')).toHaveText('Ln 3, Col 9')
  })
})

test.describe('Fetch Mathlib Cache', () => {
  test.use({ doubleEnv: lakeEnv({ FAKE_CACHE_HANG: '1' }) })

  test('cancel ends the whole process group and the UI says cancelled', async ({ app }) => {
    const { page } = app
    await runCommand(page, 'Fetch Mathlib Cache')
    const status = page.locator('[data-testid="task-status"]')
    await expect(status.locator('.lx-task-bar')).toBeVisible()
    await expect(status.locator('.lx-task-bar')).toHaveAttribute('aria-valuenow', '25')
    await expect.poll(() => existsSync(pidFile)).toBe(true)
    const grandchild = Number(readFileSync(pidFile, 'utf8'))
    const pgid = Number(readFileSync(`/proc/${grandchild}/stat`, 'utf8').split(') ')[1].split(' ')[2])
    expect(groupMembers(pgid).length).toBe(2)
    await status.getByRole('button', { name: 'Cancel task' }).click()
    await expect(status).toContainText('Fetch Mathlib Cache — cancelled')
    await expect(page.locator('[data-testid="output-state"]')).toHaveText('cancelled')
    await expect(page.locator('[data-testid="output-text"]')).toContainText('Fetch Mathlib Cache was cancelled.')
    expect(groupMembers(pgid)).toEqual([])
  })
})

test.describe('New Project', () => {
  test.use({ doubleEnv: lakeEnv({}) })

  test('creates the project with lake new and opens it', async ({ app }) => {
    const { page } = app
    const location = mkdtempSync(join(tmpdir(), 'lectern-e2e-new-'))
    await runCommand(page, 'New Project')
    const dialog = page.getByRole('dialog', { name: 'New Lean Project' })
    await dialog.getByTestId('new-project-name').fill('lake')
    await dialog.getByTestId('new-project-location').fill(location)
    await dialog.getByTestId('new-project-template').selectOption('lib')
    await dialog.getByRole('button', { name: 'Create' }).click()
    await expect(dialog.getByTestId('new-project-error')).toHaveText('"lake" is reserved by Lake (init, lean, lake and main cannot name a package).')
    await dialog.getByTestId('new-project-name').fill('Hello.World')
    await dialog.getByRole('button', { name: 'Create' }).click()
    await expect(dialog).toBeHidden()
    const created = join(location, 'Hello-World')
    // The new project replaces the open folder in the explorer.
    await expect(page.locator('.lx-tree-root')).toHaveText(['Hello-World'])
    expect(readFileSync(join(created, 'lakefile.toml'), 'utf8')).toBe('name = "Hello.World"\n')
    expect(existsSync(join(created, 'lean-toolchain'))).toBe(true)
    await expect(page.locator('[data-testid="output-text"]')).toContainText('new Hello.World lib')
  })
})

test.describe('no elan anywhere', () => {
  // A machine without elan or lean, and offline: `curl` fails as curl does without a network.
  const home = mkdtempSync(join(tmpdir(), 'lectern-e2e-home-'))
  test.use({
    leanServer: 'real',
    doubleEnv: { PATH: `${fakeBin}:/usr/bin:/bin`, HOME: home, SHELL: '', ELAN_HOME: join(home, '.elan') },
  })
  test.beforeAll(async () => {
    const { writeFakeTool } = await import('../test/fixtures/toolchain/fake-tools')
    await writeFakeTool(fakeBin, 'curl', `echo 'curl: (6) Could not resolve host: elan.lean-lang.org' >&2\nexit 6`)
  })

  test('the infoview says what the banner says, and Install elan fails clearly offline', async ({ app }) => {
    const { page } = app
    await expect(page.locator('.lx-explorer .lx-tree-row', { hasText: 'Main.lean' })).toBeVisible()
    await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Main.lean' }).click()
    const banner = page.locator('.lx-banner[data-state="no-toolchain"]')
    await expect(banner).toContainText('No Lean toolchain found: neither elan nor lean is on PATH.')
    const frame = page.frameLocator('iframe[title="Lean Infoview"]')
    await expect(frame.getByText('No Lean toolchain found: neither elan nor lean is on PATH.')).toBeVisible()
    await expect(frame.getByText('Waiting for Lean server to start')).toHaveCount(0)
    await banner.getByRole('button', { name: 'Install elan' }).click()
    const output = page.locator('[data-testid="output-text"]')
    await expect(output).toContainText('$ curl https://elan.lean-lang.org/elan-init.sh -sSf | sh -s -- -y')
    await expect(page.locator('[data-testid="output-state"]')).toHaveText('failed')
    await expect(output).toContainText('Install elan failed: the download failed (offline?): curl: (6) Could not resolve host: elan.lean-lang.org')
  })
})
