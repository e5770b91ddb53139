// /lsp against a direct stdio pipe to the same server (the Lean double), with clients that add no JSON-RPC
// library: both frame by hand, JSON.stringify requests and JSON.parse replies. Ratios are from one run. The
// bridge runs in a process of its own (bench/lsp-host.ts), as in serve mode, so the clients' work does not
// share its event loop.
//   node --import tsx bench/lsp.ts        (also part of `npm run bench`)
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { createInterface, type Interface } from 'node:readline'
import WebSocket from 'ws'
import { ContentLengthReader, contentLengthHeader } from '../src/main/bridge/lsp/framing'
import { DOUBLE } from '../test/helpers/core-harness'

const N = Number(process.env.BENCH_LSP_N ?? 2000)
const PIPELINE = Number(process.env.BENCH_LSP_PIPELINE ?? 5000)
const SESSIONS = Number(process.env.BENCH_LSP_SESSIONS ?? 100)
const SANDBOX = process.env.BENCH_LSP_SANDBOX === '1'
const PAIRS = Number(process.env.BENCH_LSP_PAIRS ?? 5)
const PAD = 'x'.repeat(1024 - 100) // ~1 KB requests, echoed back by codeAction/resolve

interface Client {
  send(msg: object): void
  onMessage(fn: (m: any) => void): void
  close(): void
}

function stdioClient(cwd: string): Client {
  const child = spawn(DOUBLE, [], { cwd, stdio: 'pipe' })
  const reader = new ContentLengthReader(64 * 1024 * 1024)
  let handler: (m: any) => void = () => undefined
  child.stdout.on('data', (d: Buffer) => {
    for (const body of reader.push(d)) handler(JSON.parse(body.toString('utf8')))
  })
  return {
    send: (msg) => {
      const body = Buffer.from(JSON.stringify(msg))
      child.stdin.write(Buffer.concat([contentLengthHeader(body.length), body]))
    },
    onMessage: (fn) => (handler = fn),
    close: () => child.stdin.end(),
  }
}

async function wsClient(url: string, origin: string): Promise<Client> {
  const ws = new WebSocket(url, { headers: { Origin: origin } })
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)))
  let handler: (m: any) => void = () => undefined
  ws.on('message', (d) => handler(JSON.parse(d.toString())))
  return { send: (msg) => ws.send(JSON.stringify(msg)), onMessage: (fn) => (handler = fn), close: () => ws.close() }
}

/** Replies by id; answers server requests like an editor. */
function rpc(c: Client) {
  const pending = new Map<number | string, (m: any) => void>()
  let next = 1
  c.onMessage((m) => {
    if (m.method !== undefined) {
      if (m.id !== undefined) c.send({ jsonrpc: '2.0', id: m.id, result: null })
      return
    }
    pending.get(m.id)?.(m)
    pending.delete(m.id)
  })
  const request = (method: string, params: object) =>
    new Promise<any>((resolve) => {
      const id = next++
      pending.set(id, resolve)
      c.send({ jsonrpc: '2.0', id, method, params })
    })
  return {
    request,
    async init() {
      await request('initialize', { capabilities: {} })
      c.send({ jsonrpc: '2.0', method: 'initialized', params: {} })
    },
  }
}

async function measure(c: Client) {
  const r = rpc(c)
  await r.init()
  for (let i = 0; i < 200; i++) await r.request('codeAction/resolve', { title: 'warm', data: PAD })
  const samples: number[] = []
  for (let i = 0; i < N; i++) {
    const t = performance.now()
    await r.request('codeAction/resolve', { title: 't', data: PAD })
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  const t0 = performance.now()
  await Promise.all(Array.from({ length: PIPELINE }, () => r.request('codeAction/resolve', { title: 'p', data: PAD })))
  const perSecond = PIPELINE / ((performance.now() - t0) / 1000)
  c.close()
  return { p50: samples[Math.floor(samples.length / 2)], p90: samples[Math.floor(samples.length * 0.9)], perSecond: Math.round(perSecond) }
}

interface HostInfo {
  port: number
  token: string
  origin: string
  workspace: string
  pid: number
}

/** bench/lsp-host.ts as a child process: its address, and its memory on request. */
class BridgeHost {
  private readonly lines: Interface
  private readonly waiting: ((line: string) => void)[] = []

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = createInterface({ input: child.stdout })
    this.lines.on('line', (line) => this.waiting.shift()?.(line))
    child.stderr.pipe(process.stderr)
  }

  static async start(): Promise<{ host: BridgeHost; info: HostInfo }> {
    // BENCH_LSP_HOST_ARGS: extra node flags for the bridge's process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
    const extra = (process.env.BENCH_LSP_HOST_ARGS ?? '').split(' ').filter(Boolean)
    const child = spawn(process.execPath, [...extra, '--expose-gc', '--import', 'tsx', 'bench/lsp-host.ts'], {
      env: { ...process.env, BENCH_LSP_MAX_SESSIONS: String(SESSIONS + 1), BENCH_LSP_SANDBOX: SANDBOX ? '1' : '0' },
      stdio: 'pipe',
    })
    const host = new BridgeHost(child)
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`bench/lsp-host.ts exited (${code}) before it listened`))))
    const info = JSON.parse(await Promise.race([host.nextLine(), exited])) as HostInfo
    return { host, info }
  }

  private nextLine(): Promise<string> {
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  async memory(): Promise<NodeJS.MemoryUsage> {
    const line = this.nextLine()
    this.child.stdin.write('mem\n')
    return JSON.parse(await line) as NodeJS.MemoryUsage
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve))
    this.child.stdin.end()
    await exited
    if (this.child.exitCode !== 0) throw new Error(`bench/lsp-host.ts exited with ${this.child.exitCode} (double violations or a failed dispose; see above)`)
  }
}

/** bench/lsp-floor-proxy.ts as a child process, and its address. */
async function startFloorProxy(cwd: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lsp-floor-proxy.ts', cwd], { stdio: ['pipe', 'pipe', 'inherit'] })
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`bench/lsp-floor-proxy.ts exited (${code})`)))
  })
  return { url: `ws://127.0.0.1:${(JSON.parse(line) as { port: number }).port}/`, stop: () => child.stdin.end() }
}

export async function lspBench(): Promise<Record<string, unknown>> {
  const { host, info: b } = await BridgeHost.start()
  const floorProxy = await startFloorProxy(b.workspace)
  // The bridge idle (no session yet): per-session memory is what 100 open sessions add to it.
  const before = await host.memory()
  const url = `ws://127.0.0.1:${b.port}/lsp?token=${b.token}`
  try {
    // Alternate pairs, so load from other processes on the machine hits both alike; report each pair's ratio
    // and the median of them.
    type Run = Awaited<ReturnType<typeof measure>>
    const pairs: { direct: Run; viaLsp: Run; viaFloorProxy: Run }[] = []
    for (let i = 0; i < PAIRS; i++) {
      pairs.push({
        direct: await measure(stdioClient(b.workspace)),
        viaLsp: await measure(await wsClient(url, b.origin)),
        viaFloorProxy: await measure(await wsClient(floorProxy.url, b.origin)),
      })
    }
    floorProxy.stop()
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]
    const rtRatios = pairs.map((p) => p.viaLsp.p50 / p.direct.p50)
    const rtFloorRatios = pairs.map((p) => p.viaFloorProxy.p50 / p.direct.p50)
    const rtOverFloorProxy = pairs.map((p) => p.viaLsp.p50 / p.viaFloorProxy.p50)
    const tpRatios = pairs.map((p) => p.viaLsp.perSecond / p.direct.perSecond)

    // 100 concurrent sessions, each initialized and asked 20 requests at once; every reply must arrive.
    const t0 = performance.now()
    const clients = await Promise.all(Array.from({ length: SESSIONS }, () => wsClient(url, b.origin)))
    const perSession = 20
    const answered = await Promise.all(
      clients.map(async (c) => {
        const r = rpc(c)
        await r.init()
        const replies = await Promise.all(Array.from({ length: perSession }, (_, i) => r.request('codeAction/resolve', { title: `s${i}`, data: PAD })))
        return replies.filter((m, i) => m.result?.title === `s${i}`).length
      }),
    )
    const withSessions = await host.memory()
    const heapOf = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external
    const sessions = ((await (await fetch(`${b.origin}/api/sessions?token=${b.token}`)).json()) as any[]).filter((s) => s.kind === 'lsp')
    const leanRss = sessions.map((s) => s.memoryKb as number).filter(Boolean)
    const wall = performance.now() - t0
    for (const c of clients) c.close()
    return {
      sandboxed: SANDBOX,
      roundTripP50Ms: {
        direct: median(pairs.map((p) => p.direct.p50)),
        viaLsp: median(pairs.map((p) => p.viaLsp.p50)),
        viaFloorProxy: median(pairs.map((p) => p.viaFloorProxy.p50)),
        ratio: median(rtRatios),
        pairRatios: rtRatios,
        floorProxyRatio: median(rtFloorRatios),
        overFloorProxy: median(rtOverFloorProxy),
      },
      pipelinedPerSecond: { direct: median(pairs.map((p) => p.direct.perSecond)), viaLsp: median(pairs.map((p) => p.viaLsp.perSecond)), ratio: median(tpRatios), pairRatios: tpRatios },
      pairs,
      concurrent: {
        sessions: SESSIONS,
        expectedReplies: SESSIONS * perSession,
        replies: answered.reduce((a, n) => a + n, 0),
        wallMs: Math.round(wall),
        bridgeRssPerSessionKb: Math.round((withSessions.rss - before.rss) / 1024 / SESSIONS),
        bridgeHeapPerSessionKb: Math.round((heapOf(withSessions) - heapOf(before)) / 1024 / SESSIONS),
        leanTreeRssPerSessionKb: leanRss.length ? Math.round(leanRss.reduce((a, n) => a + n, 0) / leanRss.length) : undefined,
      },
    }
  } finally {
    floorProxy.stop()
    await host.stop()
  }
}

const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ')

export function lspTable(r: any): Record<string, { value: string }> {
  const c = r.concurrent
  return {
    '/lsp round trip p50, 1 KB (ms)': {
      value: `${r.roundTripP50Ms.viaLsp.toFixed(3)} vs ${r.roundTripP50Ms.direct.toFixed(3)} direct pipe (median pair ×${r.roundTripP50Ms.ratio.toFixed(2)}, target ≤ 1.3; pairs ${fmt(r.roundTripP50Ms.pairRatios)})`,
    },
    '/lsp round trip vs a bare proxy (ms)': {
      value: `a framing-only WebSocket proxy in its own process: ${r.roundTripP50Ms.viaFloorProxy.toFixed(3)} (×${r.roundTripP50Ms.floorProxyRatio.toFixed(2)} the pipe); /lsp ×${r.roundTripP50Ms.overFloorProxy.toFixed(2)} of it`,
    },
    '/lsp pipelined (msg/s)': {
      value: `${r.pipelinedPerSecond.viaLsp} vs ${r.pipelinedPerSecond.direct} direct pipe (median pair ×${r.pipelinedPerSecond.ratio.toFixed(2)}, target ≥ 0.9; pairs ${fmt(r.pipelinedPerSecond.pairRatios)})`,
    },
    [`/lsp ${c.sessions} concurrent sessions${r.sandboxed ? ' (sandboxed)' : ''}`]: {
      value: `${c.replies}/${c.expectedReplies} replies in ${c.wallMs} ms; bridge RSS ${c.bridgeRssPerSessionKb} KiB/session (heap+external ${c.bridgeHeapPerSessionKb} KiB); Lean tree RSS ${c.leanTreeRssPerSessionKb} KiB/session`,
    },
  }
}

if (process.argv[1]?.endsWith('bench/lsp.ts')) {
  lspBench().then(
    (r) => {
      console.log(JSON.stringify(r, null, 2))
      console.table(lspTable(r))
      process.exit(0)
    },
    (err) => {
      console.error(err)
      process.exit(1)
    },
  )
}
