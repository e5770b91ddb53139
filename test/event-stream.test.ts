// GET /api/events with a plain HTTP client: SSE framing and headers, ordered global ids, filters, resume with
// Last-Event-ID (exactly the missed events), reset + current state when the id is too old, keep-alive
// comments, the slow-reader cut-off, and clear refusals of bad requests.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { Bridge } from '../src/main/bridge/bridge'
import type { FileEvent } from '../src/shared/channels'
import { type Harness, startCore, waitFor } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'
import { openSse } from './helpers/sse-client'

let h: Harness
let bridge: Bridge
let small: Bridge

before(async () => {
  h = await startCore({ files: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'A.lean': 'example : 1 = 2 := rfl\n' } })
  bridge = new Bridge({ core: h.core, events: { keepAliveMs: 100 } })
  await bridge.listen()
  // A second bridge on the same core with a tiny journal and a tiny slow-reader limit.
  small = new Bridge({ core: h.core, events: { maxEvents: 5, maxUnsentBytes: 64 * 1024, keepAliveMs: 60_000 } })
  await small.listen()
})
after(async () => {
  await bridge.close()
  await small.close()
  await h.dispose()
})

const url = (b: Bridge, query = '') => `${b.origin}/api/events?token=${b.token}${query}`
let counter = 0
function publishFile(root = '/r'): string {
  const path = `/r/f${++counter}.lean`
  h.core.hub.publish('files', { kind: 'changed', path, root })
  return path
}
const paths = (events: { event: string; data: string }[]) => events.filter((e) => e.event === 'files').map((e) => (JSON.parse(e.data) as FileEvent).path)
const seqOf = (id: string) => Number(id.split('-')[1])

test('no token → 401; bad requests → 400 with the reason', async () => {
  assert.equal((await fetch(`${bridge.origin}/api/events`)).status, 401)
  const bad = async (query: string, reason: RegExp, headers: Record<string, string> = {}) => {
    const res = await fetch(url(bridge, query), { headers })
    assert.equal(res.status, 400, query)
    assert.match(await res.text(), reason)
  }
  await bad('&channel=nope', /Unknown channel 'nope'/)
  await bad('&channel=lsp', /lsp only over \/ws/)
  await bad('&colour=red', /Unknown parameter 'colour'/)
  await bad('&uri=a&uri=b', /'uri' is given 2 times/)
  await bad('&lastEventId=42', /not an id/)
  await bad('', /not an id/, { 'Last-Event-ID': 'garbage!' })
  await bad(`&uri=${'x'.repeat(5000)}`, /longer than 4096/)
  // The bridge is unharmed.
  assert.equal((await fetch(`${bridge.origin}/health?token=${bridge.token}`)).status, 200)
})

test('events arrive in order, framed with id/event/data, with retry and the no-buffering headers', async () => {
  const r = await openSse(url(bridge, '&channel=files'))
  assert.equal(r.status, 200)
  assert.match(String(r.headers['content-type']), /^text\/event-stream/)
  assert.equal(r.headers['cache-control'], 'no-cache')
  assert.equal(r.headers['x-accel-buffering'], 'no')
  await waitFor(() => r.retry !== undefined, 'retry field')
  const sessions = (await (await fetch(`${bridge.origin}/api/sessions?token=${bridge.token}`)).json()) as { kind: string; channels?: string[] }[]
  assert.deepEqual(sessions.filter((s) => s.kind === 'events').map((s) => s.channels), [['files']], '/api/sessions lists the stream')
  const sent = [publishFile(), publishFile(), publishFile(), publishFile()]
  await r.until((ev) => paths(ev).length === 4, 'four events')
  assert.deepEqual(paths(r.events), sent)
  const ids = r.events.map((e) => seqOf(e.id))
  assert.ok(r.events.every((e) => e.hasId), 'every event carries an id')
  assert.ok(ids.every((id, i) => i === 0 || id > ids[i - 1]), `ids increase: ${ids}`)
  assert.match(r.body, /^retry: \d+\n\n/)
  assert.match(r.body, /id: [0-9a-f]{8}-\d+\nevent: files\ndata: \{.*\}\n\n/)
  r.close()
})

test('filters mirror /ws: several channels, and per-channel filter keys', async () => {
  const r = await openSse(url(bridge, '&channel=files,server&root=/keep&project=/p1'))
  h.core.hub.publish('server', { project: '/p2', state: 'running', detail: 'other' })
  publishFile('/drop')
  h.core.hub.publish('server', { project: '/p1', state: 'running', detail: 'mine' })
  const kept = publishFile('/keep')
  await r.until((ev) => paths(ev).includes(kept), 'the kept file event')
  assert.deepEqual(paths(r.events), [kept])
  assert.deepEqual(r.events.filter((e) => e.event === 'server').map((e) => JSON.parse(e.data).detail), ['mine'])
  r.close()
})

test('reconnect with Last-Event-ID → exactly the events missed meanwhile, no duplicates', async () => {
  const first = await openSse(url(bridge, '&channel=files'))
  const before = [publishFile(), publishFile()]
  await first.until((ev) => paths(ev).length === 2, 'first two')
  const lastId = first.events.at(-1)!.id
  first.close()
  await waitFor(() => bridge.events.count === 0, 'the server to notice the disconnect')
  const missed = [publishFile(), publishFile(), publishFile()]
  const second = await openSse(url(bridge, '&channel=files'), { 'Last-Event-ID': lastId })
  const live = publishFile()
  await second.until((ev) => paths(ev).includes(live), 'the live event after the replay')
  assert.deepEqual(paths(second.events), [...missed, live])
  assert.ok(!paths(second.events).some((p) => before.includes(p)), 'nothing seen before is repeated')
  assert.ok(seqOf(second.events[0].id) > seqOf(lastId))
  second.close()
  // The query form (for clients that cannot set headers) resumes the same way.
  const third = await openSse(url(bridge, `&channel=files&lastEventId=${encodeURIComponent(lastId)}`))
  const live2 = publishFile()
  await third.until((ev) => paths(ev).includes(live2), 'live event')
  assert.deepEqual(paths(third.events), [...missed, live, live2])
  third.close()
})

test('an id older than the buffer (or from another launch) → reset, then the current state', async () => {
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('A.lean') })
  await c.waitDiagnostics(doc.uri, (m) => m.length > 0)
  const first = await openSse(url(small, '&channel=files,diagnostics'))
  // The fresh stream starts with the current diagnostics of A.lean.
  await first.until((ev) => ev.some((e) => e.event === 'diagnostics' && JSON.parse(e.data).uri === doc.uri), 'snapshot')
  publishFile()
  await first.until((ev) => paths(ev).length === 1, 'one live event')
  const oldId = first.events.at(-1)!.id
  first.close()
  for (let i = 0; i < 8; i++) publishFile() // the journal keeps 5
  const again = await openSse(url(small, '&channel=files,diagnostics'), { 'Last-Event-ID': oldId })
  await again.until((ev) => ev.some((e) => e.event === 'diagnostics'), 'current state after reset')
  assert.equal(again.events[0].event, 'reset')
  assert.match(JSON.parse(again.events[0].data).reason, /no longer buffered/)
  assert.deepEqual(paths(again.events), [], 'no partial replay after a reset')
  const diag = JSON.parse(again.events.find((e) => e.event === 'diagnostics')!.data)
  assert.equal(diag.uri, doc.uri)
  assert.ok(diag.diagnostics.length > 0)
  again.close()
  const foreign = await openSse(url(small, '&channel=diagnostics'), { 'Last-Event-ID': '00000000-3' })
  await foreign.until((ev) => ev.length >= 2, 'reset and state')
  assert.equal(foreign.events[0].event, 'reset')
  assert.match(JSON.parse(foreign.events[0].data).reason, /earlier Lectern launch/)
  foreign.close()
  await c.call('doc.close', { uri: doc.uri })
})

test('keep-alive comments arrive on an idle stream', async () => {
  const r = await openSse(url(bridge, '&channel=files'))
  await waitFor(() => r.comments.filter((c) => c === 'keep-alive').length >= 2, 'two keep-alive comments')
  r.close()
})

test('a reader that stops reading is cut off at the limit, with a final event saying why', async () => {
  const r = await openSse(url(small, '&channel=files'), {}, { paused: true })
  await waitFor(() => small.events.count === 1, 'stream registered')
  const big = 'x'.repeat(8 * 1024)
  let published = 0
  // Kernel socket buffers absorb some data first; publish until the bridge gives up on this reader.
  while (small.events.count > 0) {
    h.core.hub.publish('files', { kind: 'changed', path: `/slow/${published++}/${big}`, root: '/slow' })
    if (published % 20 === 0) await new Promise((resolve) => setImmediate(resolve))
    assert.ok(published < 200_000, 'the slow reader was never cut off')
  }
  const publishedBeforeCut = published
  // Events after the cut are not queued for this reader any more.
  for (let i = 0; i < 5; i++) h.core.hub.publish('files', { kind: 'changed', path: `/slow/${published++}/${big}`, root: '/slow' })
  r.res.resume()
  await waitFor(() => r.ended, 'the stream to end')
  const last = r.events.at(-1)!
  assert.equal(last.event, 'disconnect')
  assert.equal(JSON.parse(last.data).reason, 'slow-reader')
  const got = paths(r.events)
  // What was queued before the cut arrives in order without gaps, then the final event; nothing after it.
  assert.equal(got.length, publishedBeforeCut)
  assert.ok(got.every((p, i) => p.startsWith(`/slow/${i}/`)), 'in order without gaps')
})
