// The code font ships with the app: ⊢ → in a goal and ℕ in the editor are drawn from the bundled web fonts (Chromium
// reports which platform font drew each glyph run), not from whatever the machine has installed.
import type { CDPSession, Frame, Page } from '@playwright/test'
import { test, expect } from './fixtures'

test.use({
  workspaceFiles: {
    'lean-toolchain': 'leanprover/lean4:v4.20.0\n',
    'lakefile.toml': 'name = "demo"\n',
    'Proof.lean': 'theorem t (p q : Prop) (hp : p) : q → p := by\n  intro h\n  exact hp\n',
  },
})

interface PlatformFont {
  familyName: string
  isCustomFont: boolean
  glyphCount: number
}

/** The fonts Chromium used to draw the text directly inside the element `expression` evaluates to. */
async function fontsDrawing(cdp: CDPSession, expression: string, mustExist = true): Promise<PlatformFont[]> {
  await cdp.send('DOM.getDocument', { depth: 0 })
  const { result } = (await cdp.send('Runtime.evaluate', { expression })) as {
    result: { objectId?: string }
  }
  if (!result.objectId && !mustExist) return []
  expect(result.objectId, `an element: ${expression}`).toBeTruthy()
  const { nodeId } = (await cdp.send('DOM.requestNode', { objectId: result.objectId! })) as { nodeId: number }
  const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: PlatformFont[] }
  return fonts
}

async function cdpFor(page: Page, frame: Frame | undefined): Promise<CDPSession> {
  let cdp: CDPSession
  try {
    cdp = await page.context().newCDPSession(frame ?? page)
  } catch {
    cdp = await page.context().newCDPSession(page) // the frame shares the page's renderer process
  }
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  return cdp
}

test('the goal (⊢ q → p) and ℕ typed in the editor are drawn with the bundled fonts', async ({ app }) => {
  const { page } = app
  await page.locator('.lx-explorer .lx-tree-row', { hasText: 'Proof.lean' }).first().click()
  await page.locator('.lx-editor .view-line', { hasText: 'intro h' }).click()
  await page.keyboard.press('Home')
  const frameEl = page.frameLocator('iframe[title="Lean Infoview"]')
  const hyp = frameEl.locator('[data-is-goal]', { hasText: /^⊢\sq\s→\sp$/ })
  await expect(hyp).toBeVisible({ timeout: 30_000 })
  await hyp.evaluate((el) => el.setAttribute('data-font-probe', '')) // the frame re-renders only on new goals
  const frame = page.frames().find((f) => f.url().includes('infoview'))
  const inFrame = await cdpFor(page, frame)
  await expect.poll(async () => (await fontsDrawing(inFrame, `document.querySelector('[data-font-probe]')`)).filter((f) => f.isCustomFont).length).toBeGreaterThan(0)
  const goalFonts = await fontsDrawing(inFrame, `document.querySelector('[data-font-probe]')`)
  expect(goalFonts.every((f) => f.isCustomFont), JSON.stringify(goalFonts)).toBe(true)

  // The editor: type ℕ through the \N abbreviation and find the line drawn by web fonts only.
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('-- \\N ', { delay: 30 })
  const line = page.locator('.lx-editor .view-line', { hasText: '-- ℕ' })
  await expect(line).toBeVisible()
  const inPage = await cdpFor(page, undefined)
  const span = `[...document.querySelectorAll('.lx-editor .view-line span span')].find((s) => s.textContent.includes('ℕ'))`
  const editorFonts = await fontsDrawing(inPage, span)
  expect(editorFonts.length).toBeGreaterThan(0)
  expect(editorFonts.every((f) => f.isCustomFont), JSON.stringify(editorFonts)).toBe(true)
})
