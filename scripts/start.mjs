// `npm start`: build if needed, then open the desktop app where Electron's binary works, otherwise serve
// the same UI to a browser and print the URL. Flags after `--` go to the app:
//   npm start -- [--serve] [--workspace DIR] [--port N] [--no-browser]
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const forceServe = args.includes('--serve')
const appArgs = args.filter((a) => a !== '--serve')

function newestMtime(dir) {
  let newest = 0
  for (const f of readdirSync(dir, { recursive: true })) {
    const s = statSync(join(dir, String(f)))
    if (s.isFile()) newest = Math.max(newest, s.mtimeMs)
  }
  return newest
}

function buildIfStale() {
  const built = join(root, 'out/main/serve.js')
  const stale = !existsSync(built) || !existsSync(join(root, 'out/renderer/index.html')) || newestMtime(join(root, 'src')) > statSync(built).mtimeMs
  if (!stale) return
  console.log('Lectern: building (electron-vite build)…')
  const res = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  if (res.status !== 0) process.exit(res.status ?? 1)
}

/** Finds Electron's binary without `require('electron')`, which would try to download it. */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron')
    return existsSync(p) ? { path: p } : { why: `ELECTRON_OVERRIDE_DIST_PATH has no electron binary (${p})` }
  }
  if (process.env.ELECTRON_EXEC_PATH) {
    return existsSync(process.env.ELECTRON_EXEC_PATH) ? { path: process.env.ELECTRON_EXEC_PATH } : { why: 'ELECTRON_EXEC_PATH does not exist' }
  }
  const pkg = join(root, 'node_modules/electron')
  const pathTxt = join(pkg, 'path.txt')
  if (!existsSync(pathTxt)) return { why: "Electron's binary is not installed (it downloads from GitHub on first use, which is not reachable here)" }
  const bin = join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim())
  return existsSync(bin) ? { path: bin } : { why: `Electron's binary is missing (${bin})` }
}

buildIfStale()
const electron = forceServe ? { why: '--serve was given' } : electronBinary()
const child = electron.path
  ? spawn(electron.path, [root, ...appArgs], { stdio: 'inherit' })
  : (console.log(`Lectern: starting in serve mode because ${electron.why}.`),
    spawn(process.execPath, [join(root, 'out/main/serve.js'), ...appArgs], { stdio: 'inherit' }))
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
