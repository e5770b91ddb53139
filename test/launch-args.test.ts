// The command line: flags, folders and files with positions, Chromium switches passed through, bad input as
// one sentence.
import assert from 'node:assert/strict'
import { resolve } from 'node:path'
import { describe, it, test } from 'node:test'
import { parseFileTarget, parseLaunchArgs } from '../src/main/launch-args'

const env = { LECTERN_USER_DATA: '/ud' }

/** A tiny file system: folders and files by absolute path. */
function fsOf(dirs: string[], files: string[] = []) {
  return (p: string) => (dirs.includes(p) ? 'dir' : files.includes(p) ? 'file' : undefined)
}

describe('launch flags', () => {
  it('workspace, port, no-browser, user data, bridge; env fallbacks; bad input is an error', () => {
    const args = parseLaunchArgs(['--workspace', '/w', '--port', '4567', '--no-browser', '--bridge'], env)
    assert.equal(args.workspace, '/w')
    assert.equal(args.port, 4567)
    assert.equal(args.openBrowser, false)
    assert.equal(args.userDataDir, '/ud')
    assert.equal(args.bridge, true)
    assert.equal(parseLaunchArgs([], env).bridge, false, 'the bridge is off in the desktop app unless asked for')
    assert.equal(parseLaunchArgs(['--user-data', 'data'], env, { cwd: '/home/u' }).userDataDir, resolve('/home/u', 'data'))
    assert.equal(parseLaunchArgs([], { ...env, LECTERN_WORKSPACE: '/from-env', LECTERN_PORT: '99' }).port, 99)
    assert.throws(() => parseLaunchArgs(['--port', 'x'], env), /Bad port/)
    assert.throws(() => parseLaunchArgs(['--workspace'], env), /needs a value/)
  })

  it('an unknown Lectern flag is one sentence naming it; a second instance collects them instead', () => {
    assert.throws(() => parseLaunchArgs(['--frobnicate'], env), (err: Error) => {
      assert.equal(err.message, 'Unknown argument: --frobnicate (`lectern --help` lists the options).')
      return true
    })
    assert.deepEqual(parseLaunchArgs(['--frobnicate'], env, { unknownFlags: 'collect' }).unknownFlags, ['--frobnicate'])
  })

  it('Chromium switches pass through instead of failing the start', () => {
    const switches = ['--no-sandbox', '--ozone-platform=wayland', '--disable-gpu', '--enable-features=UseOzonePlatform', '--inspect=0', '--remote-debugging-port=0', '--force-device-scale-factor=2']
    const args = parseLaunchArgs([...switches, '/w'], env, { stat: fsOf(['/w']) })
    assert.deepEqual(args.chromiumSwitches, switches)
    assert.equal(args.workspace, '/w')
  })

  it('--help and --version are actions, not errors', () => {
    assert.equal(parseLaunchArgs(['--help'], env).action, 'help')
    assert.equal(parseLaunchArgs(['-v'], env).action, 'version')
  })
})

describe('folders and files on the command line', () => {
  it('a folder opens as the workspace; files carry line and column; relative paths use the working folder', () => {
    const stat = fsOf(['/proj', '/other'], ['/proj/A.lean'])
    const args = parseLaunchArgs(['/proj', 'A.lean:12:5', 'B.lean:3', 'C.lean', '/other'], env, { cwd: '/proj', stat })
    assert.equal(args.workspace, '/proj')
    assert.deepEqual(args.extraFolders, ['/other'])
    assert.deepEqual(args.files, [
      { path: '/proj/A.lean', line: 12, column: 5 },
      { path: '/proj/B.lean', line: 3 },
      { path: '/proj/C.lean' },
    ])
  })

  it('paths with spaces stay whole; a file whose real name has a colon is not split', () => {
    const stat = fsOf([], ['/p/odd:1'])
    assert.deepEqual(parseFileTarget('My Proofs/Main File.lean:7:2', '/home/u', stat), { path: resolve('/home/u', 'My Proofs/Main File.lean'), line: 7, column: 2 })
    assert.deepEqual(parseFileTarget('/p/odd:1', '/', stat), { path: '/p/odd:1' })
  })

  it('Windows drive letters are part of the path, not a position', () => {
    const none = fsOf([])
    const target = parseFileTarget('C:\\Users\\me\\Foo.lean:12:3', '/', none)
    assert.equal(target.line, 12)
    assert.equal(target.column, 3)
    assert.match(target.path, /C:\\Users\\me\\Foo\.lean$/)
    const plain = parseFileTarget('C:\\Users\\me\\Foo.lean', '/', none)
    assert.equal(plain.line, undefined)
    assert.match(plain.path, /C:\\Users\\me\\Foo\.lean$/)
    assert.equal(parseFileTarget('D:7', '/', none).line, undefined, 'a bare drive letter is not a file with a line')
  })

  it('file:// URIs from a file manager are paths; a folder URI opens as the workspace', { skip: process.platform === 'win32' && 'POSIX file URIs' }, () => {
    const stat = fsOf(['/home/u/My Proofs'])
    const args = parseLaunchArgs(['file:///home/u/My%20Proofs', 'file:///home/u/My%20Proofs/A.lean'], env, { cwd: '/', stat })
    assert.equal(args.workspace, '/home/u/My Proofs')
    assert.deepEqual(args.files, [{ path: '/home/u/My Proofs/A.lean' }])
  })

  it('after -- every argument is a path, even one that looks like a flag', () => {
    const args = parseLaunchArgs(['--', '--weird.lean:2'], env, { cwd: '/p', stat: fsOf([]) })
    assert.deepEqual(args.files, [{ path: '/p/--weird.lean', line: 2 }])
  })
})

test('/lsp limit flags: seconds become milliseconds, --lsp-no-sandbox turns the sandbox off, bad numbers are errors', () => {
  const env = { LECTERN_USER_DATA: '/ud' }
  const args = parseLaunchArgs(['--lsp-idle', '60', '--lsp-max-life', '3600', '--lsp-max-sessions', '3', '--lsp-no-sandbox', '--lsp-memory', '4096'], env)
  assert.deepEqual(args.lsp, { idleMs: 60_000, maxLifeMs: 3_600_000, maxSessions: 3, sandbox: false, memoryMb: 4096 })
  assert.equal(parseLaunchArgs([], env).lsp, undefined)
  assert.throws(() => parseLaunchArgs(['--lsp-idle', 'soon'], env), /needs a number/)
})
