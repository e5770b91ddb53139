// Electron's argv and the hand-over of a second launch to the running instance.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { FileTarget } from '../src/shared/api'
import { handOver, userArgs } from '../src/main/shell/argv'

describe("Electron's argv", () => {
  it('drops the executable, and unpackaged the app folder, wherever Chromium switches are', () => {
    assert.deepEqual(userArgs(['/e/electron', '/repo', '/ws', 'A.lean:3'], false), ['/ws', 'A.lean:3'])
    assert.deepEqual(userArgs(['/e/electron', '--inspect=0', '--remote-debugging-port=0', '/repo', '/ws'], false), ['--inspect=0', '--remote-debugging-port=0', '/ws'])
    assert.deepEqual(userArgs(['C:\\Lectern\\Lectern.exe', 'C:\\p\\A.lean:2'], true), ['C:\\p\\A.lean:2'])
  })
})

describe('second-instance hand-over', () => {
  function recorder(roots: string[]) {
    const log = { focused: 0, files: [] as FileTarget[], folders: [] as string[], notices: [] as string[] }
    return {
      log,
      targets: {
        focus: () => void log.focused++,
        openFiles: (files: FileTarget[]) => void log.files.push(...files),
        openFolder: (path: string) => void log.folders.push(path),
        notify: (message: string) => void log.notices.push(message),
        roots: () => roots,
      },
    }
  }
  const stat = (p: string) => (p === '/proj' || p === '/other' ? 'dir' as const : undefined)

  it('focuses, opens the files relative to the second launch folder, asks for a new folder only', () => {
    const { log, targets } = recorder(['/proj'])
    handOver(['/e/Lectern', '/proj', 'Foo.lean:12', '/other', '--no-sandbox'], '/proj', true, targets, { stat })
    assert.equal(log.focused, 1)
    assert.deepEqual(log.files, [{ path: '/proj/Foo.lean', line: 12 }])
    assert.deepEqual(log.folders, ['/other'], 'the folder already open is not opened again')
    assert.deepEqual(log.notices, [])
  })

  it('a bare second launch just focuses; unknown flags become a notice, not a crash', () => {
    const { log, targets } = recorder(['/proj'])
    handOver(['/e/Lectern'], '/', true, targets, { stat })
    assert.deepEqual(log, { focused: 1, files: [], folders: [], notices: [] })
    handOver(['/e/Lectern', '--frobnicate', '--port', 'x'], '/', true, targets, { stat })
    assert.equal(log.focused, 2)
    assert.match(log.notices[0], /second launch of Lectern was ignored: Bad port/)
    handOver(['/e/Lectern', '--frobnicate'], '/', true, targets, { stat })
    assert.match(log.notices[1], /does not know: --frobnicate/)
  })
})
