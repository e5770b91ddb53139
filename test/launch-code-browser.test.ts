// The URL handed to a browser carries a one-time code: in Debian chromium the page trades it for the cookie,
// lands on `/` (no code, no token in the address bar), runs the workbench, and still works after a reload.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { Bridge } from '../src/main/bridge/bridge'
import { REPO_ROOT, startCore } from './helpers/core-harness'

const RENDERER = join(REPO_ROOT, 'out/renderer')
const skip = !existsSync(join(RENDERER, 'index.html')) ? 'no build (npx electron-vite build)' : !existsSync('/usr/bin/chromium') ? 'no /usr/bin/chromium' : false

test('the launcher URL signs the browser in once and leaves a clean address bar', { skip, timeout: 120_000 }, async (t) => {
  const h = await startCore({ files: { 'Main.lean': 'theorem t : True := trivial\n' } })
  const bridge = new Bridge({ core: h.core, rendererDir: RENDERER })
  await bridge.listen()
  t.after(async () => (await bridge.close(), await h.dispose()))
  const { chromium } = await import('@playwright/test')
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  t.after(() => browser.close())
  const page = await browser.newPage()
  const launch = bridge.launchUrl()
  await page.goto(launch)
  await page.waitForFunction(() => (window as { __lectern?: { ready: boolean } }).__lectern?.ready === true)
  assert.equal(page.url(), `${bridge.origin}/`)
  await page.reload()
  await page.waitForFunction(() => (window as { __lectern?: { ready: boolean } }).__lectern?.ready === true)
  const again = await browser.newPage()
  const second = await again.goto(launch)
  assert.equal(second?.status(), 401, 'the code was used up')
})
