// `npm start`'s launcher: Electron's download triggered when the binary is missing, serve mode only when it fails
// (with the download's own error), signals forwarded once, deaths by signal reported non-zero, the environment
// cleaned, and a build command that needs no shell.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, it } from 'node:test'
import { buildCommand, downloadElectron, findElectronBinary, HINT, planLaunch, runApp } from '../scripts/lib/launcher.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const FAKE_APP = join(import.meta.dirname, 'fixtures/launcher/fake-app.mjs')

function sink() {
  let text = ''
  return { write: (chunk: unknown) => void (text += String(chunk)), get text() { return text } }
}

/** A child process double that records how it was started and finishes as told. */
function fakeSpawn(finish: (child: EventEmitter & { stderr: PassThrough }) => void) {
  const calls: { command: string; args: string[]; options: Record<string, unknown> }[] = []
  const spawn = (command: string, args: string[], options: Record<string, unknown>) => {
    calls.push({ command, args, options })
    const child = Object.assign(new EventEmitter(), { stderr: new PassThrough(), kill: () => true })
    setImmediate(() => finish(child))
    return child as never
  }
  return { spawn, calls }
}

async function waitForLine(file: string, line: string): Promise<void> {
  for (;;) {
    if (existsSync(file) && readFileSync(file, 'utf8').split('\n').includes(line)) return
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('finding and downloading Electron', () => {
  it('a missing binary triggers install.js with its output visible, and a failed download falls back with its error', async () => {
    const { spawn, calls } = fakeSpawn((child) => {
      child.stderr.end('TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n')
      child.stderr.on('end', () => child.emit('exit', 1, null))
    })
    const echoed = sink()
    const log: string[] = []
    const plan = await planLaunch({
      root: '/repo',
      env: { DISPLAY: ':0' },
      platform: 'linux',
      find: () => ({ why: "Electron's binary is not downloaded yet", download: true }),
      download: (opts) => downloadElectron({ ...opts, spawn, execPath: '/node', stderr: echoed }),
      log: (l) => log.push(l),
    })
    assert.deepEqual(plan, { mode: 'serve', why: "Electron's download failed: TypeError: fetch failed" })
    assert.equal(calls.length, 1)
    assert.equal(calls[0].command, '/node')
    assert.deepEqual(calls[0].args, [join('/repo', 'node_modules', 'electron', 'install.js')])
    assert.deepEqual(calls[0].options.stdio, ['ignore', 'inherit', 'pipe'])
    assert.match(echoed.text, /fetch failed/, 'the download error is shown as it happens')
    assert.match(log.join('\n'), /downloading Electron's binary/)
  })

  it('a successful download starts Electron', async () => {
    let downloaded = false
    const plan = await planLaunch({
      root: '/repo',
      env: {},
      platform: 'win32',
      find: () => (downloaded ? { path: 'C:\\repo\\electron.exe' } : { why: 'not yet', download: true }),
      download: async () => ((downloaded = true), { ok: true }),
      log: () => undefined,
    })
    assert.deepEqual(plan, { mode: 'electron', path: 'C:\\repo\\electron.exe' })
  })

  it('reads path.txt, honours ELECTRON_OVERRIDE_DIST_PATH; serve mode when asked, without a display, or after a failed download', async () => {
    const files = new Map([
      ['/r/node_modules/electron/install.js', ''],
      ['/r/node_modules/electron/path.txt', 'electron'],
      ['/r/node_modules/electron/dist/electron', ''],
      ['/o/Electron.app/Contents/MacOS/Electron', ''],
    ])
    const fs = { exists: (p: string) => files.has(p), readText: (p: string) => files.get(p) ?? (() => { throw new Error('ENOENT') })() }
    assert.deepEqual(findElectronBinary({ root: '/r', env: {}, platform: 'linux', ...fs }), { path: '/r/node_modules/electron/dist/electron' })
    assert.deepEqual(findElectronBinary({ root: '/r', env: { ELECTRON_OVERRIDE_DIST_PATH: '/o' }, platform: 'darwin', ...fs }), { path: '/o/Electron.app/Contents/MacOS/Electron' })
    files.delete('/r/node_modules/electron/path.txt')
    assert.equal(findElectronBinary({ root: '/r', env: {}, platform: 'linux', ...fs }).download, true)
    const never = () => { throw new Error('must not look for Electron') }
    assert.deepEqual(await planLaunch({ root: '/r', forceServe: true, find: never }), { mode: 'serve', why: '--serve was given' })
    const installed = () => ({ path: '/r/electron' })
    assert.deepEqual(await planLaunch({ root: '/r', env: {}, platform: 'linux', find: installed }), { mode: 'serve', why: 'there is no display ($DISPLAY and $WAYLAND_DISPLAY are unset)' })
    assert.deepEqual(await planLaunch({ root: '/r', env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', find: installed }), { mode: 'electron', path: '/r/electron' })
    const failed = await planLaunch({ root: '/r', env: {}, platform: 'linux', find: () => ({ why: 'not yet', download: true }), download: async () => ({ ok: false, error: 'TypeError: fetch failed' }), log: () => undefined })
    assert.deepEqual(failed, { mode: 'serve', why: "Electron's download failed: TypeError: fetch failed; also, there is no display ($DISPLAY and $WAYLAND_DISPLAY are unset)" }, 'a headless machine still tries the download and names both reasons')
  })
})

describe('running the app', () => {
  it('forwards SIGINT once although the launcher receives it twice, and the app exits cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-launcher-'))
    const log = join(dir, 'log')
    const signals = new EventEmitter()
    const exit = runApp({
      mode: 'electron', command: process.execPath, args: [FAKE_APP, 'graceful', log, '--no-sandbox'],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, signals, stderr: sink(),
    })
    await waitForLine(log, 'ready')
    // The terminal and npm both pass Ctrl+C on.
    signals.emit('SIGINT')
    signals.emit('SIGINT')
    assert.equal(await exit, 0)
    const lines = readFileSync(log, 'utf8').trim().split('\n')
    assert.equal(lines.filter((l) => l === 'got SIGINT').length, 1)
    assert.equal(lines.at(-1), 'clean exit')
    assert.equal(lines[0], 'started ELECTRON_RUN_AS_NODE= args=--no-sandbox', 'ELECTRON_RUN_AS_NODE is cleared, Chromium switches reach the app')
    assert.equal(signals.listenerCount('SIGINT'), 0, 'handlers are removed when the app ends')
  })

  it('on Windows the console delivers Ctrl+C itself: the launcher waits instead of terminating the app', async () => {
    const kills: string[] = []
    let child: (EventEmitter & { kill(sig: string): boolean }) | undefined
    const spawn = (_c: string, _a: string[], options: Record<string, unknown>) => {
      assert.equal(options.detached, false, 'a detached child would get its own console window')
      child = Object.assign(new EventEmitter(), { stderr: new PassThrough(), kill: (sig: string) => (kills.push(sig), true) })
      return child as never
    }
    const signals = new EventEmitter()
    const exit = runApp({ mode: 'electron', command: 'electron.exe', args: [], platform: 'win32', spawn, signals, stderr: sink() })
    signals.emit('SIGINT')
    child?.emit('exit', 0, null)
    assert.equal(await exit, 0)
    assert.deepEqual(kills, [])
  })

  it('a death by signal is reported with the hint and a non-zero exit', async () => {
    const err = sink()
    const code = await runApp({ mode: 'electron', command: process.execPath, args: [FAKE_APP, 'segv', join(mkdtempSync(join(tmpdir(), 'lectern-launcher-')), 'log')], signals: new EventEmitter(), stderr: err })
    assert.notEqual(code, 0)
    assert.match(err.text, /killed by SIGSEGV/)
    assert.ok(err.text.includes(HINT))
    assert.match(HINT, /--no-sandbox/)
    assert.match(HINT, /npm run serve/)
  })

  it('a missing display is named, not just an exit code', async () => {
    const err = sink()
    const code = await runApp({ mode: 'electron', command: process.execPath, args: [FAKE_APP, 'no-display', join(mkdtempSync(join(tmpdir(), 'lectern-launcher-')), 'log')], signals: new EventEmitter(), stderr: err })
    assert.equal(code, 1)
    assert.match(err.text, /Missing X server/, "Electron's own line is still shown")
    assert.match(err.text, /could not open a display/)
  })

  it('builds through Node and the package entry, so no npx.cmd or shell is needed on Windows', () => {
    const build = buildCommand(ROOT, process.execPath)
    assert.equal(build.command, process.execPath)
    assert.ok(existsSync(build.args[0]), build.args[0])
    const res = spawnSync(build.command, [build.args[0], '--version'], { encoding: 'utf8' })
    assert.equal(res.status, 0, res.stderr)
    assert.match(res.stdout, /\d+\.\d+\.\d+/)
  })
})
