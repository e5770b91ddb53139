// Hot exit with real signals: SIGINT or SIGTERM (twice, as a terminal and npm both pass Ctrl+C on) writes the
// backup of an unsaved buffer before the process exits 0. And a shutdown that hangs still ends.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { Shutdown } from '../src/main/shell/shutdown'

const APP = join(__dirname, 'fixtures/launcher/hot-exit-app.ts')

async function stopWith(signal: NodeJS.Signals): Promise<{ code: number | null; backups: string[]; out: string }> {
  const tmp = mkdtempSync(join(tmpdir(), 'lectern-hot-exit-'))
  const ws = join(tmp, 'ws')
  mkdirSync(ws)
  writeFileSync(join(ws, 'notes.txt'), 'saved text\n')
  const userData = join(tmp, 'ud')
  const child = spawn(process.execPath, ['--import', 'tsx', APP, ws, userData], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk) => {
      out += String(chunk)
      if (out.includes('ready\n')) resolve()
    })
  })
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  child.kill(signal)
  child.kill(signal)
  const code = await exit
  const dir = join(userData, 'backups')
  const backups = readdirSync(dir).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text: string }).text)
  return { code, backups, out }
}

describe('hot exit on a stop signal', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} writes the backup of the unsaved buffer, then exits 0`, { skip: process.platform === 'win32' && 'no POSIX signals' }, async () => {
      const { code, backups, out } = await stopWith(signal)
      assert.equal(code, 0, out)
      assert.deepEqual(backups, ['typed just before Ctrl+C\n'])
      assert.equal(out.match(/saving backups/g)?.length, 1, 'the second signal does not start a second shutdown')
    })
  }

  it('a shutdown step that never finishes is cut off by the timeout with exit code 1', async () => {
    const exits: number[] = []
    const lines: string[] = []
    let exited!: () => void
    const done = new Promise<void>((r) => (exited = r))
    const shutdown = new Shutdown({ steps: () => new Promise(() => undefined), exit: (code) => (exits.push(code), exited()), timeoutMs: 50, log: (l) => void lines.push(l) })
    // The shutdown's own timer does not hold the process open (it is unref'd); this test must.
    const keepAlive = setInterval(() => undefined, 1000)
    void shutdown.run('SIGINT')
    void shutdown.run('SIGINT')
    await done
    clearInterval(keepAlive)
    assert.deepEqual(exits, [1])
    assert.match(lines.at(-1) ?? '', /took too long/)
  })
})
