// The logic of `npm start` (scripts/start.mjs), with every process and file access injectable so
// test/launcher.test.ts can drive it under Node. Types: launcher.d.mts beside this file.
import { spawn as nodeSpawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const HINT =
  'If Chromium\'s sandbox is what fails (e.g. AppArmor on Ubuntu 24.04), try `npm start -- --no-sandbox`; `npm run serve` opens Lectern in a browser instead.'

/** The path Electron's install.js writes to path.txt, per platform. */
export function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

/**
 * Finds Electron's binary without `require('electron')` (which downloads silently and throws a generic error).
 * `download: true` means running Electron's own install.js may fetch it.
 */
export function findElectronBinary({ root, env = process.env, platform = process.platform, exists = existsSync, readText = (p) => readFileSync(p, 'utf8') }) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(env.ELECTRON_OVERRIDE_DIST_PATH, platformExecutable(platform))
    return exists(p) ? { path: p } : { why: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary (${p})`, download: false }
  }
  if (env.ELECTRON_EXEC_PATH) {
    return exists(env.ELECTRON_EXEC_PATH) ? { path: env.ELECTRON_EXEC_PATH } : { why: `ELECTRON_EXEC_PATH does not exist (${env.ELECTRON_EXEC_PATH})`, download: false }
  }
  const pkg = join(root, 'node_modules', 'electron')
  if (!exists(join(pkg, 'install.js'))) return { why: 'the electron package is not installed (run `npm install`)', download: false }
  let rel
  try {
    rel = readText(join(pkg, 'path.txt')).trim()
  } catch {
    rel = undefined
  }
  const bin = join(pkg, 'dist', rel || platformExecutable(platform))
  return rel && exists(bin) ? { path: bin } : { why: "Electron's binary is not downloaded yet", download: true }
}

/** First line of a stack or message that says something (install.js prints `err.stack`). */
export function firstErrorLine(text) {
  return text.split(/\r?\n/).map((l) => l.trim()).find((l) => l && !l.startsWith('at ')) ?? ''
}

/**
 * Runs Electron's own install.js (the download `require('electron')` would do), its output visible.
 * Resolves `{ ok: true }` or `{ ok: false, error }` with the download's own error line.
 */
export function downloadElectron({ root, spawn = nodeSpawn, execPath = process.execPath, env = process.env, stderr = process.stderr }) {
  return new Promise((resolvePromise) => {
    let errText = ''
    let child
    try {
      child = spawn(execPath, [join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, env, stdio: ['ignore', 'inherit', 'pipe'] })
    } catch (err) {
      resolvePromise({ ok: false, error: err instanceof Error ? err.message : String(err) })
      return
    }
    child.stderr?.on('data', (chunk) => {
      errText += String(chunk)
      stderr.write(chunk)
    })
    child.on('error', (err) => resolvePromise({ ok: false, error: err.message }))
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise({ ok: true })
      else resolvePromise({ ok: false, error: firstErrorLine(errText) || `install.js ended with ${signal ?? `exit code ${code}`}` })
    })
  })
}

/** True where a desktop window cannot be shown: Linux/BSD with neither X11 nor Wayland. */
export function missingDisplay(env, platform) {
  if (platform === 'win32' || platform === 'darwin') return undefined
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return undefined
  return 'there is no display ($DISPLAY and $WAYLAND_DISPLAY are unset)'
}

/**
 * Decides how to start: `{ mode: 'electron', path }` or `{ mode: 'serve', why }`. Downloads Electron's binary
 * first when it is missing; only a failed download, no display or a forced `--serve` means serve mode, and the
 * reason names each that applies.
 */
export async function planLaunch({ root, forceServe, env = process.env, platform = process.platform, find = findElectronBinary, download = downloadElectron, log = console.log }) {
  if (forceServe) return { mode: 'serve', why: '--serve was given' }
  const noDisplay = missingDisplay(env, platform)
  const also = noDisplay ? `; also, ${noDisplay}` : ''
  let found = find({ root, env, platform })
  if (!found.path && found.download) {
    log("Lectern: downloading Electron's binary (node node_modules/electron/install.js)…")
    const result = await download({ root, env })
    if (!result.ok) return { mode: 'serve', why: `Electron's download failed: ${result.error}${also}` }
    found = find({ root, env, platform })
    if (!found.path) return { mode: 'serve', why: `Electron's download finished but ${found.why}${also}` }
  }
  if (!found.path) return { mode: 'serve', why: `${found.why}${also}` }
  if (noDisplay) return { mode: 'serve', why: noDisplay }
  return { mode: 'electron', path: found.path }
}

/** The environment the app runs with: ELECTRON_RUN_AS_NODE would make Electron a plain Node. */
export function appEnv(env) {
  const copy = { ...env }
  delete copy.ELECTRON_RUN_AS_NODE
  return copy
}

/** Why Electron ended, as one sentence for the terminal, or undefined for an orderly exit. */
export function describeExit({ code, signal, stderrText, forwarded }) {
  if (/Missing X server|cannot open display|Failed to connect to Wayland/i.test(stderrText)) {
    return `Lectern: Electron could not open a display. ${HINT}`
  }
  if (signal) return forwarded.has(signal) ? undefined : `Lectern: Electron was killed by ${signal}. ${HINT}`
  if (code !== 0) return `Lectern: Electron exited with code ${code}. ${HINT}`
  return undefined
}

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP']

/**
 * Runs the app and resolves with the exit code for `npm start`. Electron runs in its own process group, so a
 * Ctrl+C reaches it exactly once, from here (the terminal, npm and this script each see it): Chromium handles
 * only its first SIGINT gracefully, and the second would kill it before the backups are written. The handlers
 * also keep this script alive until the app has finished shutting down.
 */
export function runApp({ mode, command, args, env = process.env, platform = process.platform, spawn = nodeSpawn, signals = process, stderr = process.stderr }) {
  const isElectron = mode === 'electron'
  const child = spawn(command, args, {
    env: appEnv(env),
    stdio: isElectron ? ['inherit', 'inherit', 'pipe'] : 'inherit',
    detached: platform !== 'win32',
  })
  const forwarded = new Set()
  let stderrText = ''
  child.stderr?.on('data', (chunk) => {
    stderr.write(chunk)
    if (stderrText.length < 64_000) stderrText += String(chunk)
  })
  const handlers = FORWARDED.map((sig) => {
    const handler = () => {
      if (forwarded.has(sig)) return
      forwarded.add(sig)
      // Windows delivers Ctrl+C to every process of the console itself, and `kill` there is TerminateProcess,
      // which would skip the backups: only wait for the app.
      if (platform !== 'win32') child.kill(sig)
    }
    signals.on(sig, handler)
    return [sig, handler]
  })
  return new Promise((resolvePromise) => {
    const done = (exitCode, message) => {
      for (const [sig, handler] of handlers) signals.off(sig, handler)
      if (message) stderr.write(`${message}\n`)
      resolvePromise(exitCode)
    }
    child.on('error', (err) => done(1, `Lectern: could not start ${command}: ${err.message}`))
    child.on('exit', (code, signal) => {
      const message = isElectron ? describeExit({ code, signal, stderrText, forwarded }) : undefined
      if (signal) done(message ? 1 : 128 + (SIGNAL_NUMBERS[signal] ?? 0), message ?? (forwarded.has(signal) ? undefined : `Lectern: the server was killed by ${signal}.`))
      else done(code === 0 && message ? 1 : (code ?? 1), message)
    })
  })
}

function newestMtime(dir) {
  let newest = 0
  for (const f of readdirSync(dir, { recursive: true })) {
    const s = statSync(join(dir, String(f)))
    if (s.isFile()) newest = Math.max(newest, s.mtimeMs)
  }
  return newest
}

export function buildIsStale(root) {
  const built = join(root, 'out/main/serve.js')
  if (!existsSync(built) || !existsSync(join(root, 'out/main/index.js')) || !existsSync(join(root, 'out/renderer/index.html'))) return true
  return newestMtime(join(root, 'src')) > statSync(built).mtimeMs
}

/** `electron-vite build` run by this Node through the package's JS entry: no `npx`/`npx.cmd`, no shell, any OS. */
export function buildCommand(root, execPath = process.execPath) {
  return { command: execPath, args: [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'] }
}
