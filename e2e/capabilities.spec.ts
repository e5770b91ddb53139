// The editor asks a Lean server only for what its initialize result offers: Lean before 4.22 has no signature
// help and answers -32601 to each request, which typing spaces would otherwise send on every keystroke.
import { test, expect, type LecternApp } from './fixtures'

test.use({
  workspaceFiles: {
    'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
    'lakefile.toml': 'name = "demo"\n',
    'Main.lean': 'def foo (n : Nat) : Nat := n\n#eval foo 1\n',
  },
})

/** Types `foo ` (a space after a function: Monaco's signature-help trigger), then hovers `foo` on line 1 and waits
 *  until the server has seen that hover: any signature help request would have reached it before. */
async function typeSpaceThenHover(app: LecternApp): Promise<string[]> {
  const { page } = app
  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Main.lean' }).first().click()
  await expect(page.locator('.lx-editor .view-lines')).toContainText('#eval foo 1')
  await page.locator('.lx-editor .view-line', { hasText: '#eval foo 1' }).click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('#eval foo ', { delay: 40 })
  const requested = () => app.doubleLog().filter((m) => m.dir === 'in').map((m) => m.msg.method ?? '')
  await expect.poll(() => requested().filter((m) => m === 'textDocument/didChange').length).toBeGreaterThan(0)
  await page.locator('.lx-editor .view-line', { hasText: 'def foo' }).locator('span > span', { hasText: 'foo' }).first().hover()
  await expect(page.locator('.monaco-hover:visible').filter({ hasText: 'foo' })).toHaveCount(1)
  await expect.poll(() => requested().includes('textDocument/hover')).toBe(true)
  return requested()
}

test.describe('a server that offers signature help', () => {
  test('is asked for it when a space is typed after a function', async ({ app }) => {
    const methods = await typeSpaceThenHover(app)
    expect(methods).toContain('textDocument/signatureHelp')
  })
})

test.describe('a server without signatureHelpProvider (Lean before 4.22)', () => {
  test.use({ doubleEnv: { LEAN_DOUBLE_OMIT_CAPABILITIES: 'signatureHelpProvider' } })
  test('is never asked for signature help, and nothing is reported', async ({ app }) => {
    const warnings: string[] = []
    app.page.on('console', (msg) => {
      if (msg.type() === 'warning' && msg.text().includes('signatureHelp')) warnings.push(msg.text())
    })
    const methods = await typeSpaceThenHover(app)
    expect(methods).not.toContain('textDocument/signatureHelp')
    expect(warnings).toEqual([])
  })
})
