// /api/events from chromium's own EventSource: same-origin, authenticated by the cookie the page got on
// first load, it receives the diagnostics of an edit the user types.
import { expect, focusEditor, test } from './fixtures'

const ctrl = process.platform === 'darwin' ? 'Meta' : 'Control'

test('EventSource on /api/events receives a diagnostics event after an edit', async ({ app }) => {
  test.slow() // a serve process, the double and chromium on a shared machine
  const { page } = app
  await page.locator('.lx-tree-file', { hasText: 'Main.lean' }).click()
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText('Main.lean')
  await page.evaluate(() => {
    const w = window as unknown as { lecternEvents: { id: string; data: unknown }[]; lecternOpen: boolean }
    w.lecternEvents = []
    const source = new EventSource('/api/events?channel=diagnostics')
    source.onopen = () => (w.lecternOpen = true)
    source.addEventListener('diagnostics', (ev) => w.lecternEvents.push({ id: (ev as MessageEvent).lastEventId, data: JSON.parse((ev as MessageEvent).data) }))
  })
  await page.waitForFunction(() => (window as unknown as { lecternOpen?: boolean }).lecternOpen === true)
  await focusEditor(page)
  await page.keyboard.press(`${ctrl}+A`)
  await page.keyboard.press('Delete')
  await page.keyboard.type('theorem two : 1 + 1 = 2 := by sorry')
  const event = await page.waitForFunction(() => {
    const events = (window as unknown as { lecternEvents: { id: string; data: { uri: string; diagnostics: { message: string }[] } }[] }).lecternEvents
    return events.find((e) => e.data.uri.endsWith('/Main.lean') && e.data.diagnostics.some((d) => d.message.includes("declaration uses 'sorry'")))
  })
  const found = (await event.jsonValue()) as { id: string }
  expect(found.id).toMatch(/^[0-9a-f]{8}-\d+$/)
})
