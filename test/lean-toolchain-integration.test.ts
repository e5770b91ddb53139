// The core with no Lean at all, and with a `lake serve` that fails: fake tools on a temp PATH.
import assert from 'node:assert/strict'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { DOUBLE, startCore } from './helpers/core-harness'
import { TestClient } from './helpers/lean-client'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "p"\n', 'A.lean': '#eval 1 + 1\n' }

function script(dir: string, name: string, body: string): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, name), `#!/bin/bash\n${body}\n`)
  chmodSync(join(dir, name), 0o755)
}

test('no Lean installed: the server state says so in one sentence and names elan', async (t) => {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: '/usr/bin:/bin' }
  delete env.LECTERN_LEAN_SERVER
  const h = await startCore({ files: PROJECT, env })
  t.after(() => h.dispose())
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('A.lean') })
  const ev = await c.waitServer('no-toolchain')
  assert.match(ev.detail, /elan/)
  assert.match(ev.fixCommand ?? '', /elan-init/)
  const report = await c.call('toolchain.report', {})
  assert.equal(report.ok, false)
  assert.match(report.report, /PATH|elan/)
  // Requests fail at once with a clear error instead of hanging.
  await assert.rejects(c.call('lean.request', { uri: doc.uri, method: 'textDocument/hover', params: {} }), /elan/)
})

test('lake serve fails to start → falls back to lean --server and says why', async (t) => {
  const h0 = await startCore({ files: PROJECT })
  const bin = join(h0.tmp, 'bin')
  script(bin, 'lake', 'if [ "$1" = serve ]; then echo "error: lakefile.toml:1:0: package configuration has errors" >&2; exit 1; fi\necho "Lake version 5.0.0 (Lean version 4.20.0)"')
  script(bin, 'lean', `if [ "$1" = --version ]; then echo "Lean (version 4.20.0, x86_64-unknown-linux-gnu, Release)"; exit 0; fi\nexec ${DOUBLE} "$@"`)
  await h0.core.dispose()
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:/usr/bin:/bin` }
  delete env.LECTERN_LEAN_SERVER
  const h = await startCore({ files: PROJECT, env })
  t.after(async () => {
    await h.dispose()
    await h0.dispose()
  })
  const c = new TestClient(h.core)
  await c.subscribeAll()
  const doc = await c.call('doc.open', { path: h.file('A.lean') })
  const ev = await c.waitServer('running')
  assert.match(ev.detail, /lake serve failed.*lean --server/)
  assert.equal(ev.command?.[1], '--server')
  await c.waitDiagnostics(doc.uri, (m) => m.includes('2'))
})
