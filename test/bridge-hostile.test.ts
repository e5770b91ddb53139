// Hostile requests without the token: bad request targets, undecodable cookies, huge headers, foreign Host
// names. Each gets an HTTP error on its own connection and the bridge keeps serving everyone else.
import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { after, before, test } from 'node:test'
import WebSocket from 'ws'
import { type Harness, startCore } from './helpers/core-harness'

let h: Harness
let port: number
let token: string

before(async () => {
  h = await startCore({ files: { 'A.lean': '#eval 1\n' }, bridge: true })
  port = h.bridge!.port
  token = h.bridge!.token
})
after(() => h.dispose())

/** Sends raw bytes, returns everything the server wrote until it closed the connection. */
function raw(text: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1')
    let got = ''
    s.on('data', (d) => (got += d.toString('latin1')))
    s.on('error', () => undefined)
    s.on('close', () => resolve(got))
    s.write(text)
  })
}

const upgrade = (target: string, headers: string[] = [`Host: 127.0.0.1:PORT`]) =>
  [`GET ${target} HTTP/1.1`, ...headers, 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', '', '']
    .join('\r\n')
    .replaceAll('PORT', String(port))
const get = (target: string, headers: string[] = [`Host: 127.0.0.1:PORT`]) =>
  [`GET ${target} HTTP/1.1`, ...headers, 'Connection: close', '', ''].join('\r\n').replaceAll('PORT', String(port))
const status = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0)

async function stillServes(): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/health?token=${token}`)
  assert.equal(res.status, 200, 'the bridge still answers /health')
}

test('hostile upgrade requests without a token get HTTP errors; the bridge keeps serving', async () => {
  const cases: [string, string, number][] = [
    ['path //', upgrade('//'), 401],
    ['path //evil.example/ws', upgrade('//evil.example/ws'), 401],
    ['absolute-form target', upgrade('http://evil.example/ws'), 400],
    ['asterisk target', upgrade('*'), 400],
    ['cookie %E0', upgrade('/ws', ['Host: 127.0.0.1:PORT', 'Cookie: lectern_token=%E0']), 401],
    ['per-port cookie %E0', upgrade('/lsp', ['Host: 127.0.0.1:PORT', `Cookie: lectern_token_${port}=%E0%A4%A`]), 401],
    ['cookie soup', upgrade('/ws', ['Host: 127.0.0.1:PORT', 'Cookie: ;;=;a;==;%;lectern_token_PORT']), 401],
    ['percent soup in the query', upgrade('/ws?token=%E0&project=%', ['Host: 127.0.0.1:PORT']), 401],
    ['no Host', upgrade('/ws', []), 421],
    ['bad Sec-WebSocket-Key', upgrade('/ws').replace('dGhlIHNhbXBsZSBub25jZQ==', '!!'), 401],
  ]
  for (const [what, request, expected] of cases) {
    assert.equal(status(await raw(request)), expected, what)
    await stillServes()
  }
  const huge = await raw(upgrade('/ws', ['Host: 127.0.0.1:PORT', `X-Big: ${'a'.repeat(100_000)}`]))
  assert.equal(status(huge), 431, 'huge headers')
  assert.equal(status(await raw(Buffer.from([0x16, 0x03, 0x01, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]))), 400, 'TLS bytes')
  await stillServes()
})

test('hostile plain HTTP requests get HTTP errors; the bridge keeps serving', async () => {
  assert.equal(status(await raw(get('//'))), 401)
  assert.equal(status(await raw(get('http://evil.example/health'))), 400)
  assert.equal(status(await raw(get('/health', ['Host: 127.0.0.1:PORT', 'Cookie: lectern_token_PORT=%E0']))), 401)
  assert.equal(status(await raw(get('/health', ['Host: 127.0.0.1:PORT', `Cookie: ${'x=1; '.repeat(10_000)}`]))), 431)
  await stillServes()
})

test('the Host must name this bridge (DNS rebinding), even with the right token', async () => {
  for (const host of ['evil.example:PORT', `127.0.0.1:${port + 1}`, '127.0.0.1', 'localhost.evil.example:PORT']) {
    assert.equal(status(await raw(get(`/health?token=${token}`, [`Host: ${host}`]))), 421, host)
    assert.equal(status(await raw(upgrade(`/ws?token=${token}`, [`Host: ${host}`]))), 421, `upgrade with ${host}`)
  }
  assert.equal(status(await raw(get(`/health?token=${token}`, ['Host: localhost:PORT']))), 200)
})

test('the cookie is per port; the launcher URL carries a one-time code that becomes the cookie', async () => {
  assert.equal((await fetch(`http://127.0.0.1:${port}/health`, { headers: { cookie: `lectern_token=${token}` } })).status, 401, 'an unported cookie is not ours')
  const launch = h.bridge!.launchUrl()
  assert.doesNotMatch(launch, /token/)
  const first = await fetch(launch, { redirect: 'manual' })
  assert.equal(first.status, 303)
  assert.equal(first.headers.get('location'), '/', 'the code leaves the address bar')
  const cookie = first.headers.get('set-cookie')!.split(';')[0]
  assert.equal(cookie, `lectern_token_${port}=${token}`)
  assert.equal((await fetch(launch, { redirect: 'manual' })).status, 401, 'a code works once')
  assert.equal((await fetch(`http://127.0.0.1:${port}/health`, { headers: { cookie } })).status, 200)
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { cookie, Origin: h.bridge!.origin } })
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)))
  ws.close()
})
