// Finds the Chromium the e2e tier drives. Shared by playwright.config.ts and scripts/test.mjs so both
// agree on one browser. The order is: what the user asked for, what Playwright installed, the system's.
// CommonJS on purpose: Playwright's config loader and Node's ESM loader both import it as it is.
const { existsSync } = require('node:fs')

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]

/** What to run when no browser is found: the sentence the test runner prints. */
const INSTALL_HINT = 'No Chromium for the browser tests: run `npx playwright install chromium` (or, as root on Debian/Ubuntu, `apt-get install -y chromium`), or set LECTERN_CHROMIUM to a Chromium or Chrome binary.'

/**
 * Picks the browser from injected facts, so the order can be tested without touching the machine.
 * `playwrightPath` is Playwright's own Chromium location (it may not be downloaded: then it does not exist).
 * Returns `{ path, source }`, or `{ error }` when LECTERN_CHROMIUM names a missing file or nothing is found.
 */
function chooseBrowser({ env, exists, playwrightPath }) {
  const asked = env.LECTERN_CHROMIUM
  if (asked) {
    // An explicit choice that does not exist is an error, not a reason to test another browser silently.
    return exists(asked) ? { path: asked, source: 'LECTERN_CHROMIUM' } : { error: `LECTERN_CHROMIUM=${asked} does not exist.` }
  }
  if (playwrightPath && exists(playwrightPath)) return { path: playwrightPath, source: 'playwright' }
  for (const p of SYSTEM_BROWSERS) if (exists(p)) return { path: p, source: 'system' }
  return { error: INSTALL_HINT }
}

/** Playwright's own Chromium path, or undefined when Playwright cannot name one for this platform. */
function playwrightChromiumPath() {
  try {
    return require('@playwright/test').chromium.executablePath()
  } catch {
    return undefined
  }
}

/** The browser on this machine, now. */
function findBrowser(env = process.env) {
  return chooseBrowser({ env, exists: existsSync, playwrightPath: playwrightChromiumPath() })
}

module.exports = { SYSTEM_BROWSERS, INSTALL_HINT, chooseBrowser, playwrightChromiumPath, findBrowser }
