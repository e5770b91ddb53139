// The whole test command (README, .ci/run): build, typecheck every layer, unit/integration tests under
// node:test, then the Playwright e2e in Debian chromium. Ends with one line: "N passed, N failed, N skipped".
//   node scripts/test.mjs [--unit] [--e2e] [--skip-build] [-- extra playwright args]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const argv = process.argv.slice(2)
const dashes = argv.indexOf('--')
const extra = dashes >= 0 ? argv.slice(dashes + 1) : []
const flags = new Set(dashes >= 0 ? argv.slice(0, dashes) : argv)
const onlyUnit = flags.has('--unit')
const onlyE2e = flags.has('--e2e')
const totals = { passed: 0, failed: 0, skipped: 0 }
const problems = []

function run(label, cmd, args, opts = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`)
  const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts })
  if (res.status !== 0) problems.push(`${label} exited with ${res.status ?? res.signal}`)
  return res.status === 0
}

function testFiles(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f))
    .sort()
}

mkdirSync('test-results', { recursive: true })

if (!flags.has('--skip-build') && !onlyUnit) {
  if (!run('build', 'npx', ['electron-vite', 'build'])) {
    totals.failed++
  }
}

if (!onlyE2e) {
  for (const cfg of ['tsconfig.core.json', 'tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.test.json']) {
    if (run(`typecheck ${cfg}`, 'npx', ['tsc', '-p', cfg, '--noEmit'])) totals.passed++
    else totals.failed++
  }
  const files = testFiles('test')
  const tap = 'test-results/unit.tap'
  rmSync(tap, { force: true })
  run('unit and integration tests', process.execPath, [
    '--import', 'tsx', '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ])
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : ''
  const count = (name) => Number((new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text) ?? [])[1] ?? 0)
  totals.passed += count('pass')
  totals.failed += count('fail') + count('cancelled')
  totals.skipped += count('skipped') + count('todo')
  if (!text) totals.failed++
}

if (!onlyUnit) {
  const report = 'test-results/e2e-results.json'
  rmSync(report, { force: true })
  run('browser e2e (serve mode, chromium)', 'npx', ['playwright', 'test', ...extra])
  if (existsSync(report)) {
    const { stats } = JSON.parse(readFileSync(report, 'utf8'))
    totals.passed += stats.expected + (stats.flaky ?? 0)
    totals.failed += stats.unexpected
    totals.skipped += stats.skipped
  } else {
    totals.failed++
  }
}

if (problems.length) console.log(`\nProblems:\n- ${problems.join('\n- ')}`)
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 || problems.length > 0 ? 1 : 0)
