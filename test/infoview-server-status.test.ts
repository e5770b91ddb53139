import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { ServerEvent } from '../src/shared/channels'
import { NO_SERVER_INITIALIZE_RESULT, projectOf, ServerStatus, uriPath } from '../src/renderer/src/infoview/server-status'

const flush = (): Promise<void> => new Promise((r) => setImmediate(r))

function setup(initResult: (uri: string) => unknown = () => ({ serverInfo: { version: '0.3.0' }, capabilities: {} })) {
  const log: string[] = []
  const status = new ServerStatus({
    initializeResult: async (uri) => {
      log.push(`initializeResult ${uri}`)
      return initResult(uri)
    },
    serverRestarted: () => log.push('serverRestarted'),
    serverStopped: (r) => log.push(r ? `serverStopped ${r.message}` : 'serverStopped undefined'),
  })
  return { status, log }
}

const ev = (project: string, state: ServerEvent['state'], detail = ''): ServerEvent => ({ project, state, detail })

describe('infoview server status', () => {
  it('finds the project of a uri (longest containing root, decoded)', () => {
    assert.equal(uriPath('file:///home/u/My%20Proj/A.lean'), '/home/u/My Proj/A.lean')
    assert.equal(uriPath('untitled:1'), undefined)
    const projects = ['/home/u/outer', '/home/u/outer/inner', '/home/u/out']
    assert.equal(projectOf('file:///home/u/outer/inner/X.lean', projects), '/home/u/outer/inner')
    assert.equal(projectOf('file:///home/u/outer/X.lean', projects), '/home/u/outer')
    assert.equal(projectOf('file:///home/u/outside/X.lean', projects), undefined)
    assert.equal(projectOf('file:///C:/Users/u/p/X.lean', ['c:\\Users\\u\\p']), 'c:\\Users\\u\\p')
  })

  it('a crashed worker stops the infoview for that file only; its restart announces the server again', async () => {
    const { status, log } = setup()
    status.update(ev('/p', 'running'))
    status.setActiveUri('file:///p/A.lean')
    await flush()
    log.length = 0
    status.setFileCrash('file:///p/A.lean', 'Server process for file:///p/A.lean crashed, likely due to a stack overflow or a bug.')
    status.setFileCrash('file:///p/A.lean', 'Server process for file:///p/A.lean crashed, likely due to a stack overflow or a bug.')
    assert.deepEqual(log, ['serverStopped Lean stopped processing this file.'], 'once, with its own sentence')
    status.setActiveUri('file:///p/B.lean')
    await flush()
    assert.deepEqual(log.slice(1), ['initializeResult file:///p/B.lean', 'serverStopped undefined', 'serverRestarted'], 'another file of the project works')
    log.length = 0
    status.setFileCrash('file:///p/B.lean', undefined) // not crashed: nothing to say
    status.setActiveUri('file:///p/A.lean')
    assert.deepEqual(log, ['serverStopped Lean stopped processing this file.'])
    status.setFileCrash('file:///p/A.lean', undefined)
    await flush()
    assert.deepEqual(log.slice(1), ['initializeResult file:///p/A.lean', 'serverStopped undefined', 'serverRestarted'])
  })

  it('announces a running server once per start, and again after a restart', async () => {
    const { status, log } = setup()
    status.update(ev('/p', 'running'))
    status.setActiveUri('file:///p/A.lean')
    await flush()
    status.setActiveUri('file:///p/B.lean')
    status.update(ev('/p', 'running')) // a replay of the same state
    await flush()
    assert.deepEqual(log, ['initializeResult file:///p/A.lean', 'serverStopped undefined', 'serverRestarted'])
    log.length = 0
    status.update(ev('/p', 'crashed', 'exit code 1'))
    status.update(ev('/p', 'restarting'))
    status.update(ev('/p', 'starting'))
    status.update(ev('/p', 'running'))
    await flush()
    assert.deepEqual(log, [
      'serverStopped The Lean server stopped unexpectedly.',
      'serverStopped The Lean server is restarting…',
      'initializeResult file:///p/B.lean',
      'serverStopped undefined',
      'serverRestarted',
    ])
  })

  it('re-announces when the active document moves to another project', async () => {
    const { status, log } = setup()
    status.update(ev('/p', 'running'))
    status.update(ev('/q', 'no-toolchain', 'Install elan.'))
    status.setActiveUri('file:///p/A.lean')
    await flush()
    status.setActiveUri('file:///q/B.lean')
    await flush()
    assert.deepEqual(log, [
      'initializeResult file:///p/A.lean',
      'serverStopped undefined',
      'serverRestarted',
      'serverStopped No Lean toolchain was found for this file.',
    ])
  })

  it('asks directly when no server event names the project, and waits while the server is starting', async () => {
    let result: unknown = null
    const { status, log } = setup(() => result)
    status.setActiveUri('file:///x/A.lean')
    await flush()
    assert.deepEqual(log, ['initializeResult file:///x/A.lean'])
    status.update(ev('/x', 'starting'))
    await flush()
    assert.equal(log.length, 1)
    result = { serverInfo: { version: '0.3.0' } }
    status.update(ev('/x', 'running'))
    await flush()
    assert.deepEqual(log.slice(1), ['initializeResult file:///x/A.lean', 'serverStopped undefined', 'serverRestarted'])
  })

  it('with no toolchain and no server ever started, the infoview is told a stand-in first, then why', async () => {
    const { status, log } = setup()
    const reasons: unknown[] = []
    const s2 = new ServerStatus({
      initializeResult: async () => null,
      serverRestarted: (r) => reasons.push(['restarted', r]),
      serverStopped: (r) => reasons.push(['stopped', r]),
    })
    s2.update(ev('/q', 'no-toolchain', 'No Lean toolchain found: neither elan nor lean is on PATH.'))
    s2.setActiveUri('file:///q/B.lean')
    await flush()
    assert.deepEqual(reasons, [
      ['restarted', NO_SERVER_INITIALIZE_RESULT],
      ['stopped', { message: 'No Lean toolchain was found for this file.', reason: 'No Lean toolchain found: neither elan nor lean is on PATH.' }],
    ])
    // Once a server did run, no stand-in is needed.
    status.update(ev('/p', 'running'))
    status.setActiveUri('file:///p/A.lean')
    await flush()
    status.update(ev('/p', 'no-toolchain', 'gone'))
    assert.equal(log.filter((l) => l === 'serverRestarted').length, 1)
  })

  it('tells a reloaded infoview again after reset', async () => {
    const { status, log } = setup()
    status.update(ev('/p', 'running'))
    status.setActiveUri('file:///p/A.lean')
    await flush()
    status.reset()
    status.sync()
    await flush()
    assert.equal(log.filter((l) => l === 'serverRestarted').length, 2)
  })
})
