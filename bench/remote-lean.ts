// Remote Lean over loopback vs a local process (DESIGN §8): the same core talking to the Lean server double
// either as its own child (stdio) or through a second Lectern's /lsp (a separate serve process) with roots
// at different paths, so path mapping is included. Two measures: a request round trip, and an edit until its
// diagnostics are back.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DOUBLE, startCore } from '../test/helpers/core-harness'
import { TestClient } from '../test/helpers/lean-client'
import { startRemoteServe } from '../test/helpers/remote-serve'

const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "b"\n', 'A.lean': '#eval 1\n' }

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]
  return { n: s.length, p50: q(0.5), p90: q(0.9), p99: q(0.99) }
}

async function measure(serverCommand: string, n: number) {
  const h = await startCore({ files: PROJECT, env: { ...process.env, LECTERN_LEAN_SERVER: serverCommand } })
  try {
    const c = new TestClient(h.core)
    await c.subscribeAll()
    const doc = await c.call('doc.open', { path: h.file('A.lean') })
    await c.waitServer('running', 60_000)
    await c.waitDiagnostics(doc.uri, (m) => m.includes('1'), 60_000)
    const request: number[] = []
    for (let i = 0; i < n; i++) {
      const t = performance.now()
      await c.call('lean.request', { uri: doc.uri, method: '$/lean/waitForILeans', params: { uri: doc.uri, version: 0 } })
      request.push(performance.now() - t)
    }
    const edit: number[] = []
    for (let i = 2; i < 2 + Math.ceil(n / 20); i++) {
      // Resolved by the diagnostics event itself, not by polling.
      let done!: () => void
      const arrived = new Promise<void>((resolve) => (done = resolve))
      const sub = h.core.hub.subscribe('diagnostics', { uri: doc.uri }, (ev) => {
        if (ev.diagnostics.some((d) => d.message === String(i))) done()
      })
      const t = performance.now()
      await c.call('doc.change', { uri: doc.uri, changes: [{ text: `#eval ${i}\n` }] })
      await arrived
      edit.push(performance.now() - t)
      sub.dispose()
    }
    return { request: stats(request), editToDiagnostics: stats(edit) }
  } finally {
    await h.dispose()
  }
}

export async function remoteLeanBench(n: number): Promise<Record<string, unknown>> {
  const local = await measure(DOUBLE, n)
  const box = mkdtempSync(join(tmpdir(), 'lectern-bench-remote-'))
  const remoteRoot = join(box, 'elsewhere', 'proj')
  mkdirSync(remoteRoot, { recursive: true })
  for (const [rel, text] of Object.entries(PROJECT)) writeFileSync(join(remoteRoot, rel), text)
  const token = 'bench-remote-token-0123456789abcdef'
  const serve = await startRemoteServe({ workspace: remoteRoot, tmp: box, token })
  try {
    const remote = await measure(`ws://127.0.0.1:${serve.port}/lsp?project=${encodeURIComponent(remoteRoot)}&token=${token}`, n)
    return {
      local,
      remote,
      requestRatioP50: remote.request.p50 / local.request.p50,
      editRatioP50: remote.editToDiagnostics.p50 / local.editToDiagnostics.p50,
    }
  } finally {
    await serve.stop()
    rmSync(box, { recursive: true, force: true })
  }
}

if (require.main === module) {
  void remoteLeanBench(Number(process.env.BENCH_N ?? 500)).then((r) => {
    console.log(JSON.stringify(r, null, 2))
    process.exit(0)
  })
}
