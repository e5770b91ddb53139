import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Bridge, BRIDGE_TAG, type BridgeTransport, type Methods } from '../src/renderer/src/infoview/bridge'

/** Two ends of a fake postMessage channel: asynchronous, ordered, and lossy while nobody listens. */
function pair(): { a: BridgeTransport; b: BridgeTransport; posted: { from: 'a' | 'b'; data: string }[] } {
  const listeners: Record<'a' | 'b', Set<(d: unknown) => void>> = { a: new Set(), b: new Set() }
  const posted: { from: 'a' | 'b'; data: string }[] = []
  const end = (self: 'a' | 'b', other: 'a' | 'b'): BridgeTransport => ({
    post(data) {
      posted.push({ from: self, data })
      setImmediate(() => {
        for (const l of [...listeners[other]]) l(data)
      })
    },
    listen(handler) {
      listeners[self].add(handler)
      return () => listeners[self].delete(handler)
    },
  })
  return { a: end('a', 'b'), b: end('b', 'a'), posted }
}

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms))

interface Remote extends Methods {
  add(x: number, y: number): Promise<number>
  echo(...args: unknown[]): Promise<unknown[]>
  fail(): Promise<never>
  nothing(): Promise<void>
}

const handlers = {
  add: async (x: number, y: number) => x + y,
  echo: async (...args: unknown[]) => args.map((x) => (x === undefined ? 'undefined' : x)),
  fail: async () => {
    throw Object.assign(new Error('content modified'), { code: -32801, data: { retry: true } })
  },
  nothing: async () => undefined,
}

describe('infoview bridge', () => {
  it('completes the handshake when the other side starts late, and delivers calls queued before it', async () => {
    const { a, b } = pair()
    const host = new Bridge<Remote>(a, {}, { handshakeIntervalMs: 2 })
    const early = host.call('add', 2, 3)
    await tick(10)
    assert.equal(host.isConnected, false)
    const frame = new Bridge<Remote>(b, handlers, { handshakeIntervalMs: 2 })
    assert.equal(await early, 5)
    await Promise.all([host.ready, frame.ready])
    assert.equal(host.isConnected && frame.isConnected, true)
    host.dispose()
    frame.dispose()
  })

  it('keeps undefined arguments and results, and nulls inside data', async () => {
    const { a, b } = pair()
    const host = new Bridge<Remote>(a, {})
    const frame = new Bridge<Remote>(b, handlers)
    assert.deepEqual(await host.call('echo', undefined, null, { x: null }, undefined), ['undefined', null, { x: null }, 'undefined'])
    assert.equal(await host.call('nothing'), undefined)
    host.dispose()
    frame.dispose()
  })

  it('rejects with a plain object keeping the numeric code, message and data', async () => {
    const { a, b } = pair()
    const host = new Bridge<Remote>(a, {})
    const frame = new Bridge<Remote>(b, handlers)
    await assert.rejects(host.call('fail'), (err: unknown) => {
      assert.deepEqual(err, { message: 'content modified', code: -32801, data: { retry: true } })
      return true
    })
    await assert.rejects(host.call('nope' as 'fail'), (err: { code?: number }) => err.code === -32601)
    host.dispose()
    frame.dispose()
  })

  it('does not call inherited properties as methods', async () => {
    const { a, b } = pair()
    const host = new Bridge<Remote>(a, {})
    const frame = new Bridge<Remote>(b, handlers)
    await assert.rejects(host.call('toString' as 'fail'), (err: { code?: number }) => err.code === -32601)
    host.dispose()
    frame.dispose()
  })

  it('ignores messages that are not bridge messages', async () => {
    const { a, b, posted } = pair()
    let addCalls = 0
    let answer!: () => void
    const frame = new Bridge<Remote>(b, {
      ...handlers,
      add: (x: number, y: number) => (addCalls++, new Promise<number>((r) => (answer = () => r(x + y)))),
    })
    const host = new Bridge<Remote>(a, {})
    await host.ready
    // A call that is waiting for its answer, so a forged answer would have something to settle.
    let settled = false
    const waiting = host.call('add', 1, 1).finally(() => (settled = true))
    const call = posted.map((p) => JSON.parse(p.data)).find((m) => m.kind === 'call' && m.name === 'add')
    b.post('not json')
    b.post(JSON.stringify({ kind: 'result', seqNum: call.seqNum, result: 'forged' }))
    b.post(JSON.stringify({ bridge: 'other', kind: 'error', seqNum: call.seqNum, exception: { message: 'forged' } }))
    a.post(JSON.stringify({ bridge: 'other', kind: 'call', name: 'add', args: [5, 5], seqNum: 9 }))
    // A round trip posted after the forgeries comes back after them (the channel is ordered): by then they were seen.
    assert.equal(await host.call('nothing'), undefined)
    assert.equal(settled, false, 'no forged answer settled the waiting call')
    assert.equal(addCalls, 1, 'no foreign call reached a handler')
    answer()
    assert.equal(await waiting, 2)
    host.dispose()
    frame.dispose()
  })

  it('notices a restarted peer: old calls reject, onPeerRestart fires, new calls reach the new peer', async () => {
    const { a, b } = pair()
    let restarts = 0
    const host = new Bridge<Remote>(a, {}, { onPeerRestart: () => restarts++, handshakeIntervalMs: 2 })
    const frame1 = new Bridge<Remote>(b, { ...handlers, add: () => new Promise<number>(() => {}) })
    await host.ready
    const stuck = host.call('add', 1, 2)
    await tick()
    frame1.dispose() // the frame navigated away
    const frame2 = new Bridge<Remote>(b, handlers, { handshakeIntervalMs: 2 })
    await assert.rejects(stuck, { message: 'The infoview restarted.' })
    assert.equal(restarts, 1)
    // The answer comes back after every handshake the new frame sent before it connected (the channel is ordered).
    assert.equal(await host.call('add', 4, 4), 8)
    assert.equal(restarts, 1, 'repeated handshakes of one instance are not restarts')
    host.dispose()
    frame2.dispose()
  })

  it('rejects pending and later calls after dispose, and stops its handshake', async () => {
    const { a, posted } = pair()
    const host = new Bridge<Remote>(a, {}, { handshakeIntervalMs: 1 })
    const pending = host.call('add', 1, 1)
    host.dispose()
    await assert.rejects(pending, { message: 'The infoview bridge is closed.' })
    await assert.rejects(host.call('add', 1, 1))
    const count = posted.length
    // Another bridge with the same handshake interval, unanswered too: once it has handshaken a few times, the
    // disposed one would have as well.
    const other = new Bridge<Remote>(a, {}, { handshakeIntervalMs: 1 })
    const fromOther = () => posted.length - count
    while (fromOther() < 3) await tick(1)
    assert.ok(posted.slice(0, count).every((p) => JSON.parse(p.data).bridge === BRIDGE_TAG))
    const instances = new Set(posted.slice(count).map((p) => JSON.parse(p.data).instance))
    assert.equal(instances.size, 1, 'only the live bridge kept handshaking')
    other.dispose()
  })
})
