import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { planServerCommand, setupReport } from '../src/main/toolchain'
import type { ProjectInfo, ServerCommandPlan } from '../src/main/toolchain'
import {
  DEBIAN_ELAN,
  LEAN_4_20,
  TempDirs,
  createProject,
  createSandbox,
  dispatch,
  print,
  writeFakeTool,
  type Sandbox,
} from './fixtures/toolchain/fake-tools'

const temp = new TempDirs()
after(() => temp.cleanup())
const sandbox = (): Promise<Sandbox> => createSandbox(temp)
const project = (files: Record<string, string>, file?: string): Promise<ProjectInfo> => createProject(temp, files, file)

describe('planServerCommand: override', () => {
  it('splits the setting like a shell and skips detection', async () => {
    const box = await sandbox()
    const dir = path.join(box.home, 'my builds')
    await writeFakeTool(dir, 'lean', 'exit 0')
    const plan = await planServerCommand({
      project: await project({}),
      env: box.env,
      overrideCommand: `"${dir}/lean" --server -Dtrace.Elab="true false" '$NOT_EXPANDED'`,
      serverArgs: ['--extra'],
    })
    assert.equal(plan.status, 'override')
    assert.equal(plan.ok, true)
    assert.deepEqual(plan.command, [path.join(dir, 'lean'), '--server', '-Dtrace.Elab=true false', '$NOT_EXPANDED', '--extra'])
    assert.deepEqual(plan.detection, [])
    assert.match(plan.summary, /^Using the Lean server command from the leanServerCommand setting: /)
  })

  it('lets LECTERN_LEAN_SERVER win over the setting, expanding $VARS and ~', async () => {
    const box = await sandbox()
    await writeFakeTool(path.join(box.home, 'custom'), 'server', 'exit 0')
    const env = { ...box.env, LECTERN_LEAN_SERVER: '~/custom/server --flag=$FLAG', FLAG: 'on' }
    const plan = await planServerCommand({ project: await project({}), env, overrideCommand: 'lean --server' })
    assert.equal(plan.ok, true)
    assert.deepEqual(plan.command, [path.join(box.home, 'custom', 'server'), '--flag=on'])
    assert.match(plan.summary, /from LECTERN_LEAN_SERVER/)
  })

  it('finds a bare program name on PATH and reports a missing one', async () => {
    const box = await sandbox()
    await writeFakeTool(box.bin, 'my-lean', 'exit 0')
    const found = await planServerCommand({ project: await project({}), env: box.env, overrideCommand: 'my-lean --server' })
    assert.deepEqual(found.command, [path.join(box.bin, 'my-lean'), '--server'])
    const missing = await planServerCommand({ project: await project({}), env: box.env, overrideCommand: 'nope --server' })
    assert.equal(missing.ok, false)
    assert.equal(missing.status, 'override')
    assert.match(missing.summary, /`nope` was not found on PATH/)
  })

  it('rejects shell operators with a clear summary', async () => {
    const box = await sandbox()
    const plan = await planServerCommand({ project: await project({}), env: box.env, overrideCommand: 'lean --server | tee log' })
    assert.equal(plan.ok, false)
    assert.match(plan.summary, /shell operator "\|"/)
  })
})

describe('planServerCommand: timeouts', () => {
  it('kills a hanging elan (and its children) within about timeoutMs', async () => {
    const box = await sandbox()
    const pids = path.join(box.home, 'pids')
    await writeFakeTool(box.bin, 'elan', `echo $$ > '${pids}'\n/bin/sleep 60 &\necho $! >> '${pids}'\nwait`)
    const plan = await planServerCommand({ project: await project({}), env: box.env, timeoutMs: 400 })
    assert.equal(plan.status, 'detection-timeout')
    assert.equal(plan.ok, false)
    assert.match(plan.summary, /`elan --version` did not answer within 0\.4 s/)
    assert.equal(plan.detection.length, 1)
    const step = plan.detection[0]
    assert.equal(step.timedOut, true)
    // "Not 60 s": the hanging elan and its sleeping child are both gone once planning has returned.
    for (const pid of (await fs.readFile(pids, 'utf8')).trim().split('\n').map(Number)) {
      assert.ok(await gone(pid), `process ${pid} survived`)
    }
  })

  it('does not wait for a background grandchild that keeps stdout open', async () => {
    const box = await sandbox()
    await writeFakeTool(box.bin, 'lean', `(/bin/sleep 30 &)\n${print(LEAN_4_20)}`)
    // Waiting for the grandchild's stdout (30 s) would run into the 10 s detection timeout: status 'ok' shows it did not.
    const plan = await planServerCommand({ project: await project({}), env: box.env, timeoutMs: 10_000 })
    assert.equal(plan.status, 'ok')
    assert.equal(plan.detection.some((step) => step.timedOut), false)
  })
})

/** True once pid is dead. A killed, reparented child may stay a zombie if this machine's init does not reap it. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0)
      const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
      // Field 3, after the parenthesised command name, is the state; Z = zombie (dead, not yet reaped).
      if (/\)\s+Z\b/.test(stat)) return true
    } catch {
      return true
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  return false
}

describe('setupReport', () => {
  it('includes system, project, tool versions and every raw output', async () => {
    const box = await sandbox()
    await writeFakeTool(box.bin, 'elan', dispatch({ '--version': print(DEBIAN_ELAN.version), show: print(DEBIAN_ELAN.showNoToolchain) }))
    await writeFakeTool(box.bin, 'lean', `${print(DEBIAN_ELAN.leanNoDefault, 'stderr')}\nexit 1`)
    const info = await project({ 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.lean': '' })
    const plan: ServerCommandPlan = await planServerCommand({ project: info, env: box.env })
    const report = setupReport(plan, info, { appVersion: '0.1.0' })
    for (const expected of [
      '# Lectern setup report',
      '| Lectern | 0.1.0 |',
      process.version,
      info.root,
      '- Kind: lake',
      'leanprover/lean4:v4.20.0',
      `| elan | ${path.join(box.bin, 'elan')} | 1.4.2 |`,
      plan.summary,
      DEBIAN_ELAN.version,
      DEBIAN_ELAN.showNoToolchain,
      DEBIAN_ELAN.leanNoDefault,
      'exit 1',
    ]) {
      assert.ok(report.includes(expected), `report lacks ${JSON.stringify(expected)}:\n${report}`)
    }
  })

  it('keeps code fences intact when output contains backticks', () => {
    const plan: ServerCommandPlan = {
      status: 'no-lean',
      ok: false,
      summary: 'x',
      detection: [{ argv: ['lean', '--version'], cwd: '/p', exitCode: 1, signal: null, stdout: 'a ``` b', stderr: '', durationMs: 3, timedOut: false }],
    }
    const report = setupReport(plan, { root: '/p', kind: 'standalone' })
    assert.ok(report.includes('````text\na ``` b\n````'))
    assert.ok(report.includes('stderr: (empty)'))
  })
})
