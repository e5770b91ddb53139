// `lectern [folder] [file[:line[:column]]]`: files named on the command line open at their position once the
// workbench starts (serve mode here; the desktop app passes them the same way, and a second launch through its
// shell event — see test/electron-app.test.ts).
import { DEFAULT_FILES, expect, test } from './fixtures'

test.describe('files on the command line', () => {
  test.use({ launchArgs: ['Main.lean:2:3', 'notes/Read Me.txt:1'], workspaceFiles: { ...DEFAULT_FILES, 'notes/Read Me.txt': 'a note\n' } })

  test('open with the cursor at the given line and column', async ({ app }) => {
    const { page } = app
    await expect(page.locator('.lx-tab', { hasText: 'Main.lean' })).toBeVisible()
    await expect(page.locator('.lx-tab', { hasText: 'Read Me.txt' })).toBeVisible()
    // The last one is active, with the cursor where the command line said.
    await expect(page.getByTestId('status-cursor')).toHaveText('Ln 1, Col 1')
    await page.locator('.lx-tab', { hasText: 'Main.lean' }).click()
    await expect(page.getByTestId('status-cursor')).toHaveText('Ln 2, Col 3')
  })
})
