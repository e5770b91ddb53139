// A Lean server command for the keystroke bench: runs the Lean double with its stdin passed through, and notes
// when each didOpen/didChange arrives on the server's input pipe (JSON lines in BENCH_STAMP_LOG). The double
// re-parses a 20,000-line file for ~0.7 s after every edit and reads its next message only afterwards; real
// Lean reads its input on a thread of its own. This process's loop is free, so its stamps time Lectern alone.
// Its first line names the double's pid, so the bench can pause the server's own work (SIGSTOP) while it presses.
import { spawn } from 'node:child_process'
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'

const double = join(import.meta.dirname, '../e2e/lean-double/lean-double')
const log = process.env.BENCH_STAMP_LOG
const child = spawn(double, process.argv.slice(2), { stdio: ['pipe', 'inherit', 'inherit'] })
let pending = Buffer.alloc(0)
if (log) appendFileSync(log, `${JSON.stringify({ dir: 'stamp', t: Date.now(), serverPid: child.pid })}\n`)

process.stdin.on('data', (chunk) => {
  const t = Date.now()
  child.stdin.write(chunk)
  if (!log) return
  pending = Buffer.concat([pending, chunk])
  for (;;) {
    const end = pending.indexOf('\r\n\r\n')
    if (end < 0) return
    const length = Number(/Content-Length:\s*(\d+)/i.exec(pending.subarray(0, end).toString('latin1'))?.[1])
    if (pending.length < end + 4 + length) return
    const msg = JSON.parse(pending.subarray(end + 4, end + 4 + length).toString('utf8'))
    pending = pending.subarray(end + 4 + length)
    if (msg.method === 'textDocument/didChange' || msg.method === 'textDocument/didOpen') {
      if (msg.params.textDocument.text !== undefined) msg.params.textDocument.text = `(${msg.params.textDocument.text.length} chars)`
      appendFileSync(log, `${JSON.stringify({ dir: 'in', t, msg })}\n`)
    }
  }
})
process.stdin.on('end', () => child.stdin.end())
// A paused double would hold the signal until continued.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill('SIGCONT') && child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
