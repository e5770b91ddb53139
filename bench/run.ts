// `npm run bench`: measures the core's own costs with real processes and sockets, and the window's in chromium
// (bench/ui.ts), each as a ratio in one run (DESIGN §8), writes bench/results/latest.json and a dated copy and
// prints a table. Not a test: nothing asserts. `npm run bench -- --only ui` (or `core`) runs one group.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node'
import WebSocket from 'ws'
import { DOUBLE, startCore, waitFor } from '../test/helpers/core-harness'
import { TestClient } from '../test/helpers/lean-client'
import { fileSearchBench } from './file-search'
import { remoteLeanBench } from './remote-lean'
import { lspBench, lspTable } from './lsp'
import { problemsModelBench } from './problems-model'
import { uiBench, uiTable } from './ui'

const N = Number(process.env.BENCH_N ?? 500)
const onlyAt = process.argv.indexOf('--only')
const ONLY = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : undefined
const wanted = (group: 'core' | 'ui') => !ONLY || ONLY.has(group)
const PROJECT = { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.toml': 'name = "b"\n' }

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]
  return { n: s.length, p50: q(0.5), p90: q(0.9), p99: q(0.99) }
}

async function directStdio(): Promise<number[]> {
  const child = spawn(DOUBLE, [], { stdio: 'pipe' })
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  conn.onRequest(() => null)
  conn.listen()
  await conn.sendRequest('initialize', { capabilities: {}, initializationOptions: { hasWidgets: true } })
  await conn.sendNotification('initialized', {})
  const samples: number[] = []
  for (let i = 0; i < N; i++) {
    const t = performance.now()
    await conn.sendRequest('$/lean/waitForILeans', { uri: 'file:///none.lean', version: 0 }).catch(() => undefined)
    samples.push(performance.now() - t)
  }
  conn.dispose()
  child.kill()
  return samples
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, n: N, loadAverageAtStart: loadavg() }
  // The window's scenarios first: the core's end with a hundred /lsp sessions, whose teardown still loads the
  // machine for a while (the key press row read ×2.0 right after them, ×1.1 alone).
  if (wanted('ui')) results.ui = await uiBench()
  if (wanted('core')) await coreBench(results)
  results.loadAverageAtEnd = loadavg()

  mkdirSync('bench/results', { recursive: true })
  const file = join('bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`)
  console.table({ ...(wanted('core') ? coreTable(results) : {}), ...(results.ui ? uiTable(results.ui) : {}) })
  console.log(`load average ${(results.loadAverageAtStart as number[]).map((x) => x.toFixed(2)).join(' ')} at start, ${(results.loadAverageAtEnd as number[]).map((x) => x.toFixed(2)).join(' ')} at end`)
  console.log(`written bench/results/latest.json and ${file}`)
  process.exit(0)
}

async function coreBench(results: Record<string, unknown>): Promise<void> {

  // 1. Round trip: renderer → /ws → core → Lean stdio → back, vs. talking to Lean's stdio directly.
  const direct = stats(await directStdio())
  const h = await startCore({ files: { ...PROJECT, 'A.lean': '#eval 1\n', 'Big.lean': '' }, bridge: true })
  const bridge = h.bridge!
  const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/ws?token=${bridge.token}`, { headers: { Origin: bridge.origin } })
  await new Promise((r) => ws.once('open', r))
  let nextId = 1
  const pending = new Map<number, (v: any) => void>()
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString())
    if (typeof m.id === 'number') pending.get(m.id)?.(m)
  })
  const call = (method: string, params: unknown) =>
    new Promise<any>((resolve) => {
      const id = nextId++
      pending.set(id, resolve)
      ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }))
    })
  const doc = (await call('doc.open', { path: h.file('A.lean') })).result
  const c = new TestClient(h.core)
  await c.subscribeAll()
  await c.waitServer('running')
  const viaBridge: number[] = []
  for (let i = 0; i < N; i++) {
    const t = performance.now()
    await call('lean.request', { uri: doc.uri, method: '$/lean/waitForILeans', params: { uri: doc.uri, version: 0 } })
    viaBridge.push(performance.now() - t)
  }
  const bridged = stats(viaBridge)
  results.roundTrip = { directStdio: direct, viaBridge: bridged, ratioP50: bridged.p50 / direct.p50 }

  // 2. Throughput: many pipelined calls through the bridge.
  const t0 = performance.now()
  await Promise.all(Array.from({ length: N * 4 }, () => call('app.info', {})))
  results.throughput = { messagesPerSecond: Math.round((N * 4) / ((performance.now() - t0) / 1000)) }

  // 3. Keystroke → didChange on a 20,000-line file: the cost must not grow with the file (incremental edits).
  const big = Array.from({ length: 20_000 }, (_, i) => `theorem t${i} : ${i} = ${i} := rfl`).join('\n')
  const bigDoc = (await call('doc.open', { path: h.file('Big.lean') })).result
  await call('doc.change', { uri: bigDoc.uri, changes: [{ text: big }] })
  const small = (await call('doc.open', { path: h.file('A.lean') })).result
  const keystroke = async (uri: string, line: number) => {
    const t = performance.now()
    await call('doc.change', { uri, changes: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }] })
    return performance.now() - t
  }
  // The files take turns, keystroke by keystroke: 200 on one file, then 200 on the other, put a load that came and
  // went on one of them (×0.98 and ×3.00 in two runs of the same code, the second begun at a load average of 12).
  const onBigSamples: number[] = []
  const onSmallSamples: number[] = []
  for (let i = 0; i < 200; i++) {
    onBigSamples.push(await keystroke(bigDoc.uri, 10_000))
    onSmallSamples.push(await keystroke(small.uri, 0))
  }
  const onBig = stats(onBigSamples)
  const onSmall = stats(onSmallSamples)
  results.keystrokeToDidChange = { file20kLines: onBig, file1Line: onSmall, ratioP50: onBig.p50 / onSmall.p50 }

  // 4. Diagnostics fan-out: thousands of diagnostics from the store to a /ws subscriber.
  const diags = Array.from({ length: 5000 }, (_, i) => ({ range: { start: { line: i, character: 0 }, end: { line: i, character: 5 } }, severity: 2 as const, message: `warning ${i}`, source: 'Lean 4' }))
  let received = 0
  const gotAll = new Promise<void>((resolve) =>
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString())
      if (m.method === 'channel.event' && m.params.payload.uri === 'file:///bench.lean' && m.params.payload.diagnostics.length === 5000 && ++received === 1) resolve()
    }),
  )
  await call('channel.subscribe', { channel: 'diagnostics', filter: { uri: 'file:///bench.lean' } })
  const td = performance.now()
  h.core.registry.diagnostics.applyPublish({ uri: 'file:///bench.lean', version: 1, diagnostics: diags })
  await gotAll
  results.diagnostics5000ToSubscriber = { ms: performance.now() - td }

  // 5. Memory per bridge session: RSS of one /lsp session's Lean process (the double here).
  const lsp = new WebSocket(`ws://127.0.0.1:${bridge.port}/lsp?token=${bridge.token}`, { headers: { Origin: bridge.origin } })
  await new Promise((r) => lsp.once('open', r))
  const sessions = await waitFor(async () => {
    const list = (await (await fetch(`${bridge.origin}/api/sessions?token=${bridge.token}`)).json()) as any[]
    const s = list.find((x) => x.kind === 'lsp' && x.memoryKb)
    return s ? list : undefined
  }, 'an lsp session with memory')
  results.lspSessionMemoryKb = sessions.find((x: any) => x.kind === 'lsp').memoryKb
  lsp.close()
  ws.close()
  await h.dispose()

  results.fileSearch = await fileSearchBench()
  results.remoteLean = await remoteLeanBench(N)
  results.problemsModel = problemsModelBench()
  // Last: a hundred /lsp sessions load the machine for a while after their teardown (Go to File's index over 50
  // files read 4 s instead of milliseconds right after them).
  results.lsp = await lspBench()
}

function coreTable(results: Record<string, unknown>): Record<string, { value: unknown }> {
  const rt = results.roundTrip as any
  const ks = results.keystrokeToDidChange as any
  const rl = results.remoteLean as any
  return {
    'round trip p50 (ms)': { value: `${rt.viaBridge.p50.toFixed(3)} via bridge vs ${rt.directStdio.p50.toFixed(3)} direct (×${rt.ratioP50.toFixed(2)})` },
    'throughput (msg/s)': { value: (results.throughput as any).messagesPerSecond },
    'keystroke→didChange p50 (ms)': { value: `${ks.file20kLines.p50.toFixed(3)} on 20k lines vs ${ks.file1Line.p50.toFixed(3)} on 1 line (×${ks.ratioP50.toFixed(2)})` },
    '5000 diagnostics → subscriber (ms)': { value: (results.diagnostics5000ToSubscriber as any).ms.toFixed(1) },
    'remote Lean vs local p50 (ms)': {
      value: `request ${rl.remote.request.p50.toFixed(3)} vs ${rl.local.request.p50.toFixed(3)} (×${rl.requestRatioP50.toFixed(2)}); edit→diagnostics ${rl.remote.editToDiagnostics.p50.toFixed(1)} vs ${rl.local.editToDiagnostics.p50.toFixed(1)} (×${rl.editRatioP50.toFixed(2)})`,
    },
    'LSP session RSS (KiB)': { value: results.lspSessionMemoryKb },
    ...lspTable(results.lsp),
    'Problems model 20k vs 200 diagnostics (ms)': {
      value: ((p) => `${p.ms20000.toFixed(1)} vs ${p.ms200.toFixed(2)} (per diagnostic ×${p.perDiagnosticRatio.toFixed(2)})`)(results.problemsModel as Record<string, number>),
    },
    'Go to File index / Find in Files rare / common (ms)': {
      value: Object.entries(results.fileSearch as Record<string, any>)
        .map(([k, v]) => `${k}: ${v.indexMs.toFixed(0)} / ${v.rareWordMs.toFixed(0)} / ${v.commonWordMs.toFixed(0)}`)
        .join('; '),
    },
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
