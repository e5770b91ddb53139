// The bridge for bench/lsp.ts in a process of its own, as serve mode runs it: the bench's clients must not
// share its event loop. Prints one JSON line {port, token, origin, workspace, pid}; answers "mem" lines on stdin
// with process.memoryUsage() after a GC; exits when stdin closes.
//   node --expose-gc --import tsx bench/lsp-host.ts   (started by bench/lsp.ts)
import { createInterface } from 'node:readline'
import { startCore } from '../test/helpers/core-harness'

const maxSessions = Number(process.env.BENCH_LSP_MAX_SESSIONS ?? 101)
const sandbox = process.env.BENCH_LSP_SANDBOX === '1'

async function main(): Promise<void> {
  const h = await startCore({
    files: { 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'A.lean': '#eval 1\n' },
    bridge: true,
    lsp: { limits: { maxSessions, sandbox } },
  })
  const b = h.bridge!
  process.stdout.write(`${JSON.stringify({ port: b.port, token: b.token, origin: b.origin, workspace: h.workspace, pid: process.pid })}\n`)
  const lines = createInterface({ input: process.stdin })
  lines.on('line', (line) => {
    if (line.trim() !== 'mem') return
    global.gc?.()
    process.stdout.write(`${JSON.stringify(process.memoryUsage())}\n`)
  })
  lines.on('close', () => {
    h.dispose().then(
      () => process.exit(0),
      (err) => (console.error(err), process.exit(1)),
    )
  })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
