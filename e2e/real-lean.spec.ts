// Test tier 4 (DESIGN §7): the foundation scenario against a real Lean toolchain. Runs when LECTERN_TEST_LEAN
// is set on a machine with elan/lean installed; skipped elsewhere (no toolchain can be installed on CI here).
import { execFileSync } from 'node:child_process'
import { expect, test } from './fixtures'

function leanVersion(): string | undefined {
  try {
    return execFileSync('lean', ['--version'], { encoding: 'utf8', timeout: 20_000 }).split('\n')[0]
  } catch {
    return undefined
  }
}

const wanted = !!process.env.LECTERN_TEST_LEAN
const version = wanted ? leanVersion() : undefined
const why = !wanted ? 'LECTERN_TEST_LEAN is not set' : !version ? 'LECTERN_TEST_LEAN is set but `lean --version` failed' : ''

if (!version) console.log(`Real-Lean e2e skipped: ${why}.`)

test.describe('with the real Lean server', () => {
  test.skip(!version, why)
  test.use({
    leanServer: 'real',
    workspaceFiles: { 'Scratch.lean': '' },
  })

  test('a sorry proof warns and rfl clears the warning', async ({ app }) => {
    const { page } = app
    await page.locator('.lx-tree-file', { hasText: 'Scratch.lean' }).click()
    await page.locator('.lx-editor .view-lines').click()
    await page.keyboard.type('theorem two : 1 + 1 = 2 := by sorry')
    await expect(page.locator('.lx-problem-message', { hasText: /declaration uses .sorry./ })).toBeVisible({ timeout: 120_000 })
    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace')
    await page.keyboard.type('rfl')
    await expect(page.locator('.lx-problem-message', { hasText: /sorry/ })).toHaveCount(0, { timeout: 60_000 })
  })
})
