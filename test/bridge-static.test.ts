// The bridge serving the renderer's files over a real socket: the page's security headers (its only CSP: the HTML
// carries none, see src/renderer/index.html), what the browser may cache, big assets streamed whole, HEAD, and clients that leave mid-file.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { Bridge } from '../src/main/bridge/bridge'
import { isContentHashed } from '../src/main/bridge/static-files'
import { type Harness, startCore, waitFor } from './helpers/core-harness'

let h: Harness
let bridge: Bridge
let renderer: string
// Bigger than what the sockets on both ends buffer, so a client that leaves does so mid-file.
const BIG = randomBytes(32 * 1024 * 1024)

before(async () => {
  renderer = mkdtempSync(join(tmpdir(), 'lectern-renderer-'))
  mkdirSync(join(renderer, 'assets', 'folder.js'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
  writeFileSync(join(renderer, 'assets', 'big.js'), BIG)
  writeFileSync(join(renderer, 'assets', 'workbench-main-BC8TpP4c.js'), 'export {}\n')
  h = await startCore({ files: { 'A.lean': '#eval 1\n' } })
  bridge = new Bridge({ core: h.core, rendererDir: renderer })
  await bridge.listen()
})
after(async () => {
  await bridge.close()
  await h.dispose()
  rmSync(renderer, { recursive: true, force: true })
})

const withToken = (path: string) => `${bridge.origin}${path}?token=${bridge.token}`

test('the page is served with a strict CSP, no framing and no caching', async () => {
  const res = await fetch(withToken('/'))
  assert.equal(res.status, 200)
  const csp = res.headers.get('content-security-policy') ?? ''
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
  assert.deepEqual(directives.get('script-src'), ["'self'"], 'no inline or remote script')
  assert.deepEqual(directives.get('object-src'), ["'none'"])
  assert.deepEqual(directives.get('connect-src'), ["'self'", `ws://127.0.0.1:${bridge.port}`], 'sockets only to this bridge')
  assert.deepEqual(directives.get('frame-src'), [bridge.origin])
  assert.equal(res.headers.get('x-frame-options'), 'DENY')
  assert.equal(res.headers.get('cache-control'), 'no-store')
})

test('a file whose name carries its content hash may be kept by the browser; any other file, not', async () => {
  const hashed = await fetch(withToken('/assets/workbench-main-BC8TpP4c.js'))
  assert.equal(hashed.status, 200)
  assert.equal(hashed.headers.get('cache-control'), 'private, max-age=31536000, immutable')
  const plain = await fetch(withToken('/assets/big.js'), { method: 'HEAD' })
  assert.equal(plain.status, 200)
  assert.equal(plain.headers.get('cache-control'), null, 'a name without a hash may change: revalidated by default')
  assert.equal(isContentHashed('/assets/dejavu-mono-latin-400-normal-CC484euo.woff2'), true)
  assert.equal(isContentHashed('/infoview/index.production.min.js'), false, "the infoview's own files are not renamed per build")
  assert.equal(isContentHashed('/index.html'), false)
})

test('a big asset arrives whole, with its length and type; HEAD gives the length without the body', async () => {
  const res = await fetch(withToken('/assets/big.js'))
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8')
  assert.equal(res.headers.get('content-length'), String(BIG.length))
  assert.ok(Buffer.from(await res.arrayBuffer()).equals(BIG), 'the bytes are the file')
  const head = await fetch(withToken('/assets/big.js'), { method: 'HEAD' })
  assert.equal(head.status, 200)
  assert.equal(head.headers.get('content-length'), String(BIG.length))
  assert.equal((await head.arrayBuffer()).byteLength, 0)
})

test('a folder or a missing file is a 404, not an error', async () => {
  assert.equal((await fetch(withToken('/assets/folder.js'))).status, 404)
  assert.equal((await fetch(withToken('/assets/missing.js'))).status, 404)
})

test('clients that leave mid-file leave no file open, and the bridge serves on', async (t) => {
  const bigOpen = () =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).endsWith('big.js')
      } catch {
        return false // closed meanwhile
      }
    }).length
  // A file left open would be closed by the garbage collector at last, with this warning: that is a leak too.
  const warnings: string[] = []
  const onWarning = (w: Error) => warnings.push(w.message)
  process.on('warning', onWarning)
  t.after(() => process.off('warning', onWarning))
  for (let i = 0; i < 8; i++) {
    await new Promise<void>((resolve, reject) => {
      const req = request(withToken('/assets/big.js'), (res) => {
        // The first chunk has come: the file is open and being sent. Leave.
        res.once('data', () => {
          req.destroy()
          resolve()
        })
      })
      req.on('error', (err) => (req.destroyed ? undefined : reject(err)))
      req.end()
    })
  }
  await waitFor(() => bigOpen() === 0, 'the files of abandoned responses to be closed')
  const res = await fetch(withToken('/assets/big.js'))
  assert.ok(Buffer.from(await res.arrayBuffer()).equals(BIG))
  assert.deepEqual(warnings.filter((w) => /garbage collection/i.test(w)), [])
})

test('a file cut short while it is sent fails the load instead of ending it short', async () => {
  // A rebuild that rewrites a chunk in place while a page loads it: the browser must see a failed request (and load
  // it again), never a response that ends cleanly with part of a script.
  const path = join(renderer, 'assets', 'rebuilt.js')
  writeFileSync(path, BIG)
  const outcome = await new Promise<string>((resolve) => {
    const req = request(withToken('/assets/rebuilt.js'), (res) => {
      let received = 0
      res.once('data', () => truncateSync(path, 1024))
      res.on('data', (d: Buffer) => (received += d.length))
      res.on('end', () => resolve(`ended after ${received} of ${BIG.length} bytes`))
      res.on('error', () => resolve('failed'))
      res.on('aborted', () => resolve('failed'))
    })
    req.on('error', () => resolve('failed'))
    req.end()
  })
  assert.equal(outcome, 'failed')
  assert.equal((await fetch(withToken('/assets/rebuilt.js'))).headers.get('content-length'), '1024', 'the next load gets the file as it is now')
})
