// Which tabs a start opens: the session's groups, the backed-up files, the scratch project's Main.lean.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { WorkspaceSession } from '../src/shared/api'
import { scratchFallback, sessionTabs } from '../src/renderer/src/workbench/session-files'

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
})
