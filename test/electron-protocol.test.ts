// app://lectern under a fake `electron`: the desktop page's CSP is this handler's header (index.html carries none),
// the frame's CSP has a fresh nonce, assets arrive whole and streamed, and an abandoned stream closes its file.
import './helpers/use-fake-electron'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { protocol } from './helpers/fake-electron'
import { handleAppProtocol } from '../src/main/electron/protocol'
import { waitFor } from './helpers/core-harness'

let renderer: string
const BIG = randomBytes(4 * 1024 * 1024)
const get = (url: string) => protocol.handlers.get('app')!({ url })

before(() => {
  renderer = mkdtempSync(join(tmpdir(), 'lectern-app-scheme-'))
  mkdirSync(join(renderer, 'assets', 'folder.js'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
  writeFileSync(join(renderer, 'infoview.html'), '<script type="esms-options">{"nonce": "lectern-infoview"}</script>')
  writeFileSync(join(renderer, 'assets', 'big.js'), BIG)
  handleAppProtocol(renderer, undefined)
})
after(() => rmSync(renderer, { recursive: true, force: true }))

test('the page gets its strict CSP from the handler; the frame gets a fresh nonce', async () => {
  const page = await get('app://lectern/index.html')
  assert.equal(page.status, 200)
  const csp = page.headers.get('content-security-policy') ?? ''
  assert.match(csp, /(^|; )script-src 'self'(;|$)/)
  assert.match(csp, /(^|; )object-src 'none'(;|$)/)
  const frame = await get('app://lectern/infoview.html')
  const nonce = /'nonce-([^']+)'/.exec(frame.headers.get('content-security-policy') ?? '')?.[1]
  assert.ok(nonce && nonce !== 'lectern-infoview')
  assert.equal(await frame.text(), `<script type="esms-options">{"nonce": "${nonce}"}</script>`)
})

test('an asset arrives whole with its length; a folder, a missing file or another host is a 404', async () => {
  const res = await get('app://lectern/assets/big.js')
  assert.equal(res.headers.get('content-length'), String(BIG.length))
  assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8')
  assert.ok(Buffer.from(await res.arrayBuffer()).equals(BIG))
  for (const url of ['app://lectern/assets/folder.js', 'app://lectern/assets/missing.js', 'app://other/index.html']) {
    assert.equal((await get(url)).status, 404, url)
  }
})

test('a response the page abandons closes its file', async () => {
  const bigOpen = () =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).endsWith('big.js')
      } catch {
        return false
      }
    }).length
  const res = await get('app://lectern/assets/big.js')
  const reader = res.body!.getReader()
  await reader.read()
  assert.equal(bigOpen(), 1, 'the file is open while it is sent')
  await reader.cancel()
  await waitFor(() => bigOpen() === 0, 'the file to be closed')
})

test('a file cut short while it is sent errors the stream instead of ending it short', async () => {
  const path = join(renderer, 'assets', 'rebuilt.js')
  writeFileSync(path, BIG)
  const res = await get('app://lectern/assets/rebuilt.js')
  const reader = res.body!.getReader()
  await reader.read()
  truncateSync(path, 1024)
  await assert.rejects(async () => {
    for (;;) if ((await reader.read()).done) break
  }, /changed while it was sent/)
})
