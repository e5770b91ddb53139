// `npm start`: build if needed, then open the desktop app — downloading Electron's binary first when it is
// missing — and serve the same UI to a browser only when Electron cannot be had, saying why. Flags after `--`
// go to the app (`npm start -- --help`); `--serve` forces the browser UI. The logic is in lib/launcher.mjs.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { buildCommand, buildIsStale, planLaunch, runApp } from './lib/launcher.mjs'

const root = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const appArgs = args.filter((a) => a !== '--serve')

if (buildIsStale(root)) {
  console.log('Lectern: building (electron-vite build)…')
  const build = buildCommand(root)
  const res = spawnSync(build.command, build.args, { cwd: root, stdio: 'inherit' })
  if (res.status !== 0) {
    console.error(`Lectern: the build failed (${res.error?.message ?? `exit code ${res.status ?? res.signal}`}).`)
    process.exit(1)
  }
}

const plan = await planLaunch({ root, forceServe: args.includes('--serve') })
if (plan.mode === 'serve') console.log(`Lectern: starting in serve mode because ${plan.why}.`)
const code = await runApp(
  plan.mode === 'electron'
    ? { mode: 'electron', command: plan.path, args: [root, ...appArgs] }
    : { mode: 'serve', command: process.execPath, args: [join(root, 'out/main/serve.js'), ...appArgs] },
)
process.exit(code)
