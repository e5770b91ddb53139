// `npm run watch-events`: the command-line client prints a channel live, over SSE and over /ws, and a wrong
// token ends it with the bridge's reason.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { REPO_ROOT, type Harness, startCore, waitFor } from './helpers/core-harness'

let h: Harness
before(async () => {
  h = await startCore({ files: {}, bridge: true })
})
after(() => h.dispose())

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/main/cli/watch-events.ts'), ...args], { cwd: REPO_ROOT })
  const out = { stdout: '', stderr: '', code: undefined as number | null | undefined }
  child.stdout.on('data', (d) => (out.stdout += d))
  child.stderr.on('data', (d) => (out.stderr += d))
  child.on('exit', (code) => (out.code = code))
  return { child, out }
}

for (const transport of ['sse', 'ws'] as const) {
  test(`prints events of the chosen channel live (${transport})`, async (t) => {
    const b = h.bridge!
    const args = ['--url', b.origin, '--token', b.token, '--channel', 'files', '--root', '/cli', '--json']
    const { child, out } = run(transport === 'ws' ? [...args, '--ws'] : args)
    t.after(() => child.kill())
    // Publish until the client is connected and prints; each path is distinct.
    let n = 0
    const lines = await waitFor(() => {
      h.core.hub.publish('files', { kind: 'created', path: `/elsewhere/${n}`, root: '/other' })
      h.core.hub.publish('files', { kind: 'created', path: `/cli/${n++}`, root: '/cli' })
      const printed = out.stdout.split('\n').filter(Boolean)
      return printed.length >= 2 ? printed : undefined
    }, 'two printed events').catch((err) => {
      // What the client said (reconnecting, refused, crashed) is the only clue when it printed nothing.
      throw new Error(`${(err as Error).message}; the client's exit code: ${out.code}, stdout: ${JSON.stringify(out.stdout.slice(-500))}, stderr: ${JSON.stringify(out.stderr.slice(-2000))}`)
    })
    for (const line of lines) {
      const ev = JSON.parse(line)
      assert.equal(ev.channel, 'files')
      assert.equal(ev.data.root, '/cli', 'the filter holds')
      if (transport === 'sse') assert.match(ev.id, /^[0-9a-f]{8}-\d+$/)
    }
  })
}

test('a wrong token ends the client with the reason and exit code 1', async () => {
  const { out } = run(['--url', h.bridge!.origin, '--token', 'wrong', '--channel', 'files'])
  await waitFor(() => out.code !== undefined, 'exit', 30_000)
  assert.equal(out.code, 1)
  assert.match(out.stderr, /HTTP 401/)
})
