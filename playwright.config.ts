import { defineConfig } from '@playwright/test'
import { findBrowser } from './scripts/find-browser.cjs'

// Browser e2e against serve mode. The browser comes from scripts/find-browser.cjs (LECTERN_CHROMIUM, Playwright's
// Chromium, then the system's); scripts/test.mjs checks it first and stops with one clear failure if there is none.
const browser = findBrowser()

export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts$/,
  // Budgets, not measurements: a clean-clone run under ten times the machine's load (load average 22 on 2 cores)
  // took up to 1.7 min for a test that takes 15 s on a quiet machine. A test that hangs still fails, later.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  // No retries: a test that fails once is a failing test (a retry would turn it green). failOnFlakyTests guards
  // the same rule if someone passes --retries on the command line: a pass on retry still fails the run.
  retries: 0,
  failOnFlakyTests: true,
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/e2e-results.json' }],
    ['html', { outputFolder: 'playwright-report', open: 'never' }],
  ],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: browser.path,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
})
