// Which files a start opens (the session's groups, the scratch project's Main.lean, the launch files), and the
// subscription the early start holds for the workbench until it attaches.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { WorkspaceSession } from '../src/shared/api'
import { scratchFallback, sessionTabs, startFiles } from '../src/renderer/src/workbench/session-files'
import { HeldSubscription } from '../src/renderer/src/backend/held-subscription'

const session = (s: Partial<WorkspaceSession>): WorkspaceSession => ({ openFiles: [], unsaved: [], ...s })

describe('the tabs a session comes back with', () => {
  it('one group: every tab in order, then the backed-up files, each once', () => {
    assert.deepEqual(sessionTabs(session({ openFiles: ['/p/B.lean', '/p/A.lean'], unsaved: ['/p/A.lean', '/p/C.lean'] }), '/p/Main.lean'), {
      first: ['/p/B.lean', '/p/A.lean', '/p/C.lean'],
    })
  })

  it('a split: the left group keeps its tabs and gets the backed-up files no group had; the right one is its own', () => {
    const right = { openFiles: ['/p/R.lean', '/p/L.lean'], active: '/p/R.lean' }
    const s = session({ openFiles: ['/p/L.lean', '/p/R.lean', '/p/X.lean'], groups: [{ openFiles: ['/p/L.lean'] }, right], unsaved: ['/p/R.lean', '/p/U.lean'] })
    assert.deepEqual(sessionTabs(s, '/p/Main.lean'), { first: ['/p/L.lean', '/p/U.lean'], right })
  })

  it('nothing to restore: the fallback alone, and none without one', () => {
    assert.deepEqual(sessionTabs(undefined, '/p/Main.lean'), { first: ['/p/Main.lean'] })
    assert.deepEqual(sessionTabs(session({}), undefined), { first: [] })
  })

  it('the scratch project falls back to its Main.lean; a folder of the user has no fallback', () => {
    assert.equal(scratchFallback({ roots: ['/home/u/.lectern/scratch/'], scratch: true }), '/home/u/.lectern/scratch/Main.lean')
    assert.equal(scratchFallback({ roots: ['/home/u/proj'], scratch: false }), undefined)
    assert.equal(scratchFallback({ roots: [], scratch: true }), undefined)
  })

  it('a start opens both groups and the launch files, each once; with no folder, nothing', () => {
    const s = session({ groups: [{ openFiles: ['/p/L.lean'] }, { openFiles: ['/p/R.lean'] }], unsaved: [] })
    const launchFiles = [{ path: '/p/R.lean', line: 3 }, { path: '/p/New.lean' }]
    assert.deepEqual(startFiles({ roots: ['/p'], scratch: false, launchFiles }, s), ['/p/L.lean', '/p/R.lean', '/p/New.lean'])
    assert.deepEqual(startFiles({ roots: [], scratch: false, launchFiles }, s), [])
  })
})

describe('a subscription held until its listener attaches', () => {
  it('delivers what waited in order, then live events; disposing unsubscribes', () => {
    let emit: (n: number) => void = () => undefined
    let unsubscribed = false
    const held = new HeldSubscription<number>((listener) => {
      emit = listener
      return { dispose: () => (unsubscribed = true) }
    })
    emit(1)
    emit(2)
    const seen: number[] = []
    const attached = held.attach((n) => seen.push(n))
    emit(3)
    assert.deepEqual(seen, [1, 2, 3])
    assert.throws(() => held.attach(() => undefined), /already has its listener/)
    attached.dispose()
    assert.equal(unsubscribed, true)
    emit(4)
    assert.deepEqual(seen, [1, 2, 3])
  })
})
