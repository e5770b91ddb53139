// The whole test command (README, .ci/run): build, typecheck every layer, unit/integration tests under
// node:test, then the Playwright e2e in Chromium. Ends with one line: "N passed, N failed, N skipped".
//   node scripts/test.mjs [--unit] [--e2e] [--skip-build] [-- extra playwright args]
// The counts are tests only, read from each runner's machine-readable report (node:test through the
// scripts/node-test-counts.mjs reporter, Playwright through its JSON report), never from text a test could print.
// Build and typechecks are steps: a failed step is listed under "Problems" and fails the run.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import findBrowserModule from './find-browser.cjs'

const { findBrowser } = findBrowserModule

const argv = process.argv.slice(2)
const dashes = argv.indexOf('--')
const extra = dashes >= 0 ? argv.slice(dashes + 1) : []
const flags = new Set(dashes >= 0 ? argv.slice(0, dashes) : argv)
const onlyUnit = flags.has('--unit')
const onlyE2e = flags.has('--e2e')
const totals = { passed: 0, failed: 0, skipped: 0 }
const problems = []
const steps = []

function run(label, cmd, args, opts = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`)
  const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts })
  return res.status === 0 ? true : `${label} exited with ${res.status ?? res.signal}`
}

/** A build or typecheck: reported on its own line, never counted as a test. */
function step(label, cmd, args) {
  const outcome = run(label, cmd, args)
  steps.push(`${outcome === true ? 'ok  ' : 'FAIL'} ${label}`)
  if (outcome !== true) problems.push(outcome)
}

function testFiles(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f))
    .sort()
}

/** Makes sure a browser exists for the e2e; tries the usual installs once. Returns an error sentence or undefined. */
function ensureBrowser() {
  let found = findBrowser()
  if (found.path || process.env.LECTERN_CHROMIUM) return found.error
  console.log('\n=== no Chromium found; trying `npx playwright install chromium`')
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
  found = findBrowser()
  if (!found.path && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('\n=== trying `apt-get install -y chromium`')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env })
    spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env })
    found = findBrowser()
  }
  return found.error
}

mkdirSync('test-results', { recursive: true })

if (!flags.has('--skip-build') && !onlyUnit) step('build', 'npx', ['electron-vite', 'build'])

if (!onlyE2e) {
  for (const cfg of ['tsconfig.core.json', 'tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.test.json']) {
    step(`typecheck ${cfg}`, 'npx', ['tsc', '-p', cfg, '--noEmit'])
  }
  const files = testFiles('test')
  const counts = 'test-results/unit-counts.json'
  rmSync(counts, { force: true })
  const outcome = run('unit and integration tests', process.execPath, [
    // A hung test fails after 5 minutes instead of stalling the run (CI has 90 minutes for everything).
    '--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-test-counts.mjs', `--test-reporter-destination=${counts}`,
    ...files,
  ])
  if (existsSync(counts)) {
    const c = JSON.parse(readFileSync(counts, 'utf8'))
    totals.passed += c.passed
    totals.failed += c.failed
    totals.skipped += c.skipped
    for (const f of c.failures) problems.push(`unit: ${f}`)
    // node:test failed without a failing test (it crashed, or a hook outside every test failed): still a failure.
    if (outcome !== true && c.failed === 0) {
      totals.failed++
      problems.push(outcome)
    }
  } else {
    totals.failed++
    problems.push(`unit and integration tests wrote no report (${outcome === true ? 'exit 0' : outcome})`)
  }
}

if (!onlyUnit) {
  const noBrowser = ensureBrowser()
  if (noBrowser) {
    // One failure, one sentence: not one identical launch error per test.
    console.log(`\n${noBrowser}`)
    totals.failed++
    problems.push(noBrowser)
  } else {
    const report = 'test-results/e2e-results.json'
    rmSync(report, { force: true })
    const outcome = run('browser e2e (serve mode, chromium)', 'npx', ['playwright', 'test', ...extra])
    if (existsSync(report)) {
      const { stats, errors = [], suites = [] } = JSON.parse(readFileSync(report, 'utf8'))
      totals.passed += stats.expected
      // A test that passed only on a retry is a failing test (playwright.config.ts has no retries anyway).
      totals.failed += stats.unexpected + (stats.flaky ?? 0)
      totals.skipped += stats.skipped
      for (const t of failedSpecs(suites)) problems.push(`e2e: ${t}`)
      // Errors outside any test (a spec that fails to load, a failing global setup) are failures too.
      totals.failed += errors.length
      for (const e of errors) problems.push(`e2e error outside a test: ${(e.message ?? String(e)).split('\n')[0]}`)
      if (outcome !== true && stats.unexpected + (stats.flaky ?? 0) + errors.length === 0) {
        totals.failed++
        problems.push(outcome)
      }
    } else {
      totals.failed++
      problems.push(`browser e2e wrote no report (${outcome === true ? 'exit 0' : outcome})`)
    }
  }
}

/** Titles of the specs that did not end as expected, from Playwright's JSON report. */
function failedSpecs(suites, path = []) {
  const out = []
  for (const s of suites) {
    const here = s.title ? [...path, s.title] : path
    for (const spec of s.specs ?? []) {
      if (spec.tests?.some((t) => t.status === 'unexpected' || t.status === 'flaky')) out.push([...here, spec.title].join(' › '))
    }
    out.push(...failedSpecs(s.suites ?? [], here))
  }
  return out
}

if (steps.length) console.log(`\nSteps:\n${steps.map((s) => `  ${s}`).join('\n')}`)
if (problems.length) console.log(`\nProblems:\n- ${problems.join('\n- ')}`)
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 || problems.length > 0 ? 1 : 0)
