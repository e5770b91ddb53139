// Where elan is found: ELAN_HOME/bin, ~/.elan/bin, the login shell's PATH (read once, with a timeout), PATH.
// Real processes: fake elan scripts and fake login shells that print rc-file noise, hang, or fail.
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { Core } from '../src/main/core'
import { ToolchainEnvironment, discoverElan, readLoginShellPath } from '../src/main/toolchain/elan-discovery'
import { chooseToolchain, parseToolchainList } from '../src/main/toolchain/installed-toolchains'
import { TempDirs, writeFakeTool } from './fixtures/toolchain/fake-tools'
import { waitFor } from './helpers/core-harness'
import { writeFakeElan } from './fixtures/tasks/fake-lake'

const temp = new TempDirs()
after(() => temp.cleanup())

const ELAN = `echo 'elan 4.1.2 (58e8d545e 2025-05-26)'`

/** A login shell that prints noise from its rc files, then runs the command with the given PATH. */
async function fakeShell(dir: string, loginPath: string, body?: string): Promise<string> {
  return writeFakeTool(dir, 'fakesh', body ?? `echo 'Welcome back!'\nexport PATH='${loginPath}'\n[ "$1" = -ilc ] || exit 9\n/bin/bash -c "$2"\necho 'bye'`)
}

async function box(): Promise<{ home: string; dirs: (name: string) => string }> {
  const home = await temp.make('lectern-discovery-')
  return { home, dirs: (name) => path.join(home, name) }
}

const noShell = async () => ({ status: 'skipped' as const, detail: 'not asked' })

describe('elan discovery', () => {
  it('elan only in ELAN_HOME/bin', async () => {
    const { home, dirs } = await box()
    const elan = await writeFakeTool(path.join(dirs('elan-home'), 'bin'), 'elan', ELAN)
    const found = await discoverElan({ HOME: home, ELAN_HOME: dirs('elan-home'), PATH: '' }, { loginShell: noShell })
    assert.deepEqual(found.elan, { path: elan, source: 'ELAN_HOME/bin' })
    assert.equal(found.env.PATH?.split(':')[0], path.dirname(elan))
    assert.equal(found.loginShell.status, 'skipped', 'the login shell is not waited for when elan was found earlier')
  })

  it('elan only in ~/.elan/bin (not on PATH)', async () => {
    const { home } = await box()
    const elan = await writeFakeTool(path.join(home, '.elan', 'bin'), 'elan', ELAN)
    const found = await discoverElan({ HOME: home, PATH: '/nonexistent' }, { loginShell: noShell })
    assert.deepEqual(found.elan, { path: elan, source: '~/.elan/bin' })
    assert.match(found.summary, /elan found in ~\/\.elan\/bin/)
  })

  it('elan only on the login shell PATH (rc files printing noise around it)', async () => {
    const { home, dirs } = await box()
    const elan = await writeFakeTool(dirs('shell-bin'), 'elan', ELAN)
    const shell = await fakeShell(dirs('shells'), `${dirs('shell-bin')}:/usr/bin:/bin`)
    const env = { HOME: home, PATH: '/nonexistent', SHELL: shell }
    const found = await new ToolchainEnvironment(env).resolve()
    assert.deepEqual(found.elan, { path: elan, source: 'login shell PATH' })
    assert.equal(found.loginShell.status, 'ok')
    assert.ok(found.env.PATH?.includes(dirs('shell-bin')))
    assert.ok(found.searched.some((l) => l.startsWith('login shell PATH: elan found')))
  })

  it('a login shell that hangs is killed after the timeout; PATH is then used', async () => {
    const { home, dirs } = await box()
    const elan = await writeFakeTool(dirs('path-bin'), 'elan', ELAN)
    const pidFile = dirs('shell.pid')
    const shell = await fakeShell(dirs('shells'), '', `echo $$ > '${pidFile}'\nexec /bin/sleep 1000`)
    const found = await new ToolchainEnvironment({ HOME: home, PATH: dirs('path-bin'), SHELL: shell }, { loginShellTimeoutMs: 300 }).resolve()
    assert.equal(found.loginShell.status, 'timeout')
    assert.match(found.loginShell.detail, /did not answer within 0\.3 s/)
    assert.deepEqual(found.elan, { path: elan, source: 'PATH' })
    const pid = Number(await fs.readFile(pidFile, 'utf8'))
    assert.throws(() => process.kill(pid, 0), 'the hanging shell was killed')
  })

  it('none at all: says where it looked', async () => {
    const { home } = await box()
    const found = await discoverElan({ HOME: home, PATH: '' }, { loginShell: () => readLoginShellPath({ HOME: home }) })
    assert.equal(found.elan, undefined)
    assert.equal(found.summary, 'elan was not found (searched ELAN_HOME/bin, ~/.elan/bin, the login shell PATH and PATH).')
    assert.deepEqual(found.searched.map((l) => l.split(':')[0]), ['ELAN_HOME/bin', `~/.elan/bin (${home}/.elan/bin)`, 'login shell PATH', 'PATH'])
  })

  it('the app starts while the login shell hangs, and the shell ends with the core', async () => {
    const { home, dirs } = await box()
    const pidFile = dirs('shell.pid')
    const shell = await fakeShell(dirs('shells'), '', `echo $$ > '${pidFile}'\nexec /bin/sleep 1000`)
    const workspace = dirs('ws')
    await fs.mkdir(workspace)
    await fs.writeFile(path.join(workspace, 'lean-toolchain'), 'leanprover/lean4:v4.20.0\n')
    const core = await Core.create({ mode: 'serve', workspace, userDataDir: dirs('data'), env: { HOME: home, PATH: '', SHELL: shell }, loginShell: { timeoutMs: 60_000 } })
    try {
      core.toolchain.start()
      await waitFor(() => fs.readFile(pidFile, 'utf8').catch(() => undefined), 'the login shell to run')
      // The core answers while the login shell still hangs.
      const info = (await core.router.dispatch('app.info', {}, { id: 't', sendEvent: () => {} })) as { roots: string[] }
      assert.deepEqual(info.roots, [workspace])
      const shellPid = Number(await fs.readFile(pidFile, 'utf8'))
      assert.doesNotThrow(() => process.kill(shellPid, 0), 'the login shell is still running')
      await core.dispose()
      await waitFor(() => isGone(shellPid), 'the login shell to be ended with the core')
    } finally {
      await core.dispose()
    }
  })
})

describe('discovery soon after launch', () => {
  // The login shell must not compete with the window while it loads, and must not wait when Lean needs it.
  /** A toolchain whose login shell counts its runs; disposed with the test. */
  async function countingToolchain(t: { after(fn: () => void): void }): Promise<{ toolchain: ToolchainEnvironment; runs: () => Promise<number> }> {
    const { home, dirs } = await box()
    const log = dirs('runs.log')
    const shell = await fakeShell(dirs('shells'), '', `echo run >> '${log}'\n/bin/bash -c "$2"`)
    const runs = async () => (await fs.readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).length
    const toolchain = new ToolchainEnvironment({ HOME: home, PATH: '', SHELL: shell })
    t.after(() => toolchain.dispose())
    return { toolchain, runs }
  }

  it('reads the login shell after the delay, once', async (t) => {
    const { toolchain, runs } = await countingToolchain(t)
    toolchain.startSoon(400)
    await new Promise((r) => setTimeout(r, 200))
    assert.equal(await runs(), 0, 'the login shell ran before the window had its time')
    await waitFor(async () => ((await runs()) === 1 ? true : undefined), 'the login shell to run after the delay')
    await toolchain.resolve()
    assert.equal(await runs(), 1)
  })

  it('waits past the delay while a window is still busy starting, then reads the shell once', async (t) => {
    const { toolchain, runs } = await countingToolchain(t)
    let busy = true
    toolchain.startSoon(100, () => busy)
    await new Promise((r) => setTimeout(r, 700))
    assert.equal(await runs(), 0, 'the login shell ran while the window was still calling')
    busy = false
    await waitFor(async () => ((await runs()) === 1 ? true : undefined), 'the login shell to run once the window was quiet')
    await toolchain.resolve()
    assert.equal(await runs(), 1)
  })

  it('starts at once when a Lean server needs the toolchain before the delay', async (t) => {
    const { toolchain, runs } = await countingToolchain(t)
    toolchain.startSoon(60_000)
    const found = await toolchain.resolve()
    assert.equal(found.loginShell.status, 'ok')
    assert.equal(await runs(), 1)
  })

  it('never runs the shell when the core ends first', async (t) => {
    const { toolchain, runs } = await countingToolchain(t)
    toolchain.startSoon(150)
    toolchain.dispose()
    await new Promise((r) => setTimeout(r, 400))
    assert.equal(await runs(), 0)
  })
})

function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return false
  } catch {
    return true
  }
}

describe('setup report', () => {
  it('names the source elan was found in and every source searched', async () => {
    const { home, dirs } = await box()
    await writeFakeTool(path.join(home, '.elan', 'bin'), 'elan', ELAN)
    const workspace = dirs('ws')
    await fs.mkdir(workspace)
    const core = await Core.create({ mode: 'serve', workspace, userDataDir: dirs('data'), env: { HOME: home, PATH: '' }, loginShell: false })
    try {
      const report = (await core.router.dispatch('toolchain.report', {}, { id: 't', sendEvent: () => {} })) as { report: string }
      assert.match(report.report, /## Where elan was looked for\n\n- Result: elan found in ~\/\.elan\/bin: .*\/\.elan\/bin\/elan/)
      assert.match(report.report, /- ELAN_HOME\/bin: not set/)
    } finally {
      await core.dispose()
    }
  })
})

describe('toolchain to pin', () => {
  it('the scratch project pins the newest installed release, not `stable`', async () => {
    const { home, dirs } = await box()
    await writeFakeElan(path.join(home, '.elan', 'bin'))
    const core = await Core.create({ mode: 'serve', userDataDir: dirs('data'), env: { HOME: home, PATH: '' }, loginShell: false })
    try {
      assert.equal(await fs.readFile(path.join(core.roots[0], 'lean-toolchain'), 'utf8'), 'leanprover/lean4:v4.19.0-rc1\n')
    } finally {
      await core.dispose()
    }
  })

  it("elan's default when it names a release, else the newest installed release", () => {
    assert.equal(chooseToolchain(parseToolchainList('leanprover/lean4:v4.9.0\nleanprover/lean4:v4.12.0 (default)\n')), 'leanprover/lean4:v4.12.0')
    assert.equal(
      chooseToolchain(parseToolchainList('leanprover/lean4:v4.9.0\nleanprover/lean4:v4.20.0\nleanprover/lean4:v4.20.0-rc3\nleanprover/lean4:stable (default)')),
      'leanprover/lean4:v4.20.0',
    )
    assert.equal(chooseToolchain(parseToolchainList('no installed toolchains\n')), undefined)
    assert.equal(chooseToolchain(parseToolchainList('leanprover/lean4:nightly-2024-05-01 (default)\n')), 'leanprover/lean4:nightly-2024-05-01')
  })
})
