// Which Chromium the e2e tier drives (scripts/find-browser.cjs), with the machine injected: LECTERN_CHROMIUM wins,
// then Playwright's own download, then the system's Chromium and Chrome; nothing found gives the install sentence.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { chooseBrowser, INSTALL_HINT, SYSTEM_BROWSERS } from '../scripts/find-browser.cjs'

const PW = '/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome'
const on = (...paths: string[]) => (p: string) => paths.includes(p)

test('LECTERN_CHROMIUM wins over everything, and a missing one is an error, not a silent fallback', () => {
  const exists = on('/opt/my/chrome', PW, '/usr/bin/chromium')
  assert.deepEqual(chooseBrowser({ env: { LECTERN_CHROMIUM: '/opt/my/chrome' }, exists, playwrightPath: PW }), { path: '/opt/my/chrome', source: 'LECTERN_CHROMIUM' })
  const missing = chooseBrowser({ env: { LECTERN_CHROMIUM: '/opt/gone' }, exists, playwrightPath: PW })
  assert.equal(missing.path, undefined)
  assert.match(missing.error!, /LECTERN_CHROMIUM=\/opt\/gone does not exist/)
})

test("Playwright's Chromium comes next, but only when it was really downloaded", () => {
  assert.deepEqual(chooseBrowser({ env: {}, exists: on(PW, '/usr/bin/chromium'), playwrightPath: PW }), { path: PW, source: 'playwright' })
  assert.deepEqual(chooseBrowser({ env: {}, exists: on('/usr/bin/chromium'), playwrightPath: PW }), { path: '/usr/bin/chromium', source: 'system' })
  assert.deepEqual(chooseBrowser({ env: {}, exists: on('/usr/bin/chromium'), playwrightPath: undefined }), { path: '/usr/bin/chromium', source: 'system' })
})

test('system browsers in order: chromium, chromium-browser, then Google Chrome', () => {
  assert.deepEqual(SYSTEM_BROWSERS.slice(0, 3), ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'])
  const all = on(...SYSTEM_BROWSERS)
  assert.equal(chooseBrowser({ env: {}, exists: all, playwrightPath: undefined }).path, '/usr/bin/chromium')
  assert.equal(chooseBrowser({ env: {}, exists: on('/usr/bin/chromium-browser', '/usr/bin/google-chrome'), playwrightPath: undefined }).path, '/usr/bin/chromium-browser')
  assert.equal(chooseBrowser({ env: {}, exists: on('/opt/google/chrome/chrome'), playwrightPath: undefined }).path, '/opt/google/chrome/chrome')
})

test('nothing anywhere: one sentence naming the command to run', () => {
  const none = chooseBrowser({ env: {}, exists: () => false, playwrightPath: PW })
  assert.equal(none.path, undefined)
  assert.equal(none.error, INSTALL_HINT)
  assert.match(INSTALL_HINT, /npx playwright install chromium/)
  assert.equal(INSTALL_HINT.split('. ').length, 1, 'one sentence')
})
