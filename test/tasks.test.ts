// Tasks with real child processes: fake `lake`/`elan` scripts in a private ~/.elan/bin that is NOT on PATH
// (found by the elan discovery), printing Lake's real output shapes and exiting with its real codes.
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { LecternErrorCodes } from '../src/shared/api'
import type { TaskEvent } from '../src/shared/channels'
import { Hub } from '../src/main/hub/hub'
import { TaskServices } from '../src/main/tasks'
import { ToolchainEnvironment } from '../src/main/toolchain/elan-discovery'
import { TempDirs, writeFakeTool, writeTree } from './fixtures/toolchain/fake-tools'
import { writeFakeElan, writeFakeLake } from './fixtures/tasks/fake-lake'
import { waitFor } from './helpers/core-harness'

const temp = new TempDirs()
after(() => temp.cleanup())

interface Setup {
  services: TaskServices
  hub: Hub
  home: string
  project: string
  events: TaskEvent[]
  dispose(): void
}

async function setup(extraEnv: NodeJS.ProcessEnv = {}): Promise<Setup> {
  const home = await temp.make('lectern-tasks-')
  const elanBin = path.join(home, '.elan', 'bin')
  await writeFakeLake(elanBin)
  await writeFakeElan(elanBin)
  const project = path.join(home, 'demo')
  await writeTree(project, { 'lakefile.toml': 'name = "demo"\n', 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'Demo.lean': 'def x := 1\n' })
  const emptyBin = path.join(home, 'bin')
  await fs.mkdir(emptyBin)
  const hub = new Hub()
  const env = { HOME: home, PATH: emptyBin, FAKE_PID_FILE: path.join(home, 'grandchild.pid'), ...extraEnv }
  const toolchain = new ToolchainEnvironment(env, { readLoginShell: false })
  const services = new TaskServices(hub, toolchain, () => [project])
  const events: TaskEvent[] = []
  const sub = hub.subscribe('tasks', {}, (e) => events.push(e))
  return { services, hub, home, project, events, dispose: () => (sub.dispose(), services.dispose()) }
}

/** Live (not zombie) processes of a process group, from /proc: a zombie may wait long for a reaper here. */
async function groupMembers(pgid: number): Promise<number[]> {
  const members: number[] = []
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    // pid (comm) state ppid pgrp …; comm may hold spaces, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (fields[0] !== 'Z' && Number(fields[2]) === pgid) members.push(Number(entry))
  }
  return members
}

describe('tasks: Lake commands', () => {
  it('Build Project streams output, reports [n/m] progress and turns error lines into problems', async () => {
    const s = await setup({ FAKE_LAKE_BUILD: 'error' })
    try {
      const started = await s.services.projectTasks.start('build', s.project)
      assert.equal(started.state, 'running')
      assert.match(started.command, /lake build$/)
      const ended = await s.services.manager.whenEnded(started.id)
      assert.equal(ended.state, 'failed')
      assert.equal(ended.exitCode, 1)
      assert.match(ended.detail ?? '', /Build Project failed \(exit code 1\): 2 errors in Lean files/)
      assert.deepEqual(ended.progress, { done: 2, total: 3, text: 'Building Demo' })
      const file = path.join(s.project, 'Demo.lean')
      assert.deepEqual(
        ended.problems?.map((p) => [p.path, p.line, p.character, p.severity, p.message]),
        [
          [file, 2, 8, 1, "unknown identifier 'foo'"],
          [file, 0, 0, 2, "declaration uses 'sorry'"],
          [file, 4, 2, 1, 'unsolved goals\n⊢ 1 + 1 = 3'],
        ],
      )
      assert.equal(ended.problems?.[2].endLine, 5)
      assert.deepEqual(ended.rebuiltModules, ['Demo.Basic'])
      const output = s.events.filter((e) => e.id === started.id).flatMap((e) => e.output)
      assert.ok(output.includes('error: build failed'), 'the raw output is streamed on the tasks channel')
      assert.equal(output[0], `$ ${started.command}`, 'the exact command comes first')
    } finally {
      s.dispose()
    }
  })

  it('a successful build ends done with Lake\'s own last line', async () => {
    const s = await setup({ FAKE_LAKE_BUILD: 'ok' })
    try {
      const started = await s.services.projectTasks.start('build', s.project)
      const ended = await s.services.manager.whenEnded(started.id)
      assert.equal(ended.state, 'done')
      assert.equal(ended.detail, 'Build completed successfully (2 jobs).')
      assert.deepEqual(ended.rebuiltModules, ['Demo.Basic', 'Demo'])
      assert.deepEqual(ended.problems, [])
    } finally {
      s.dispose()
    }
  })

  it('cancel ends the whole process group (the grandchild too) and the task says cancelled', async () => {
    const s = await setup({ FAKE_CACHE_HANG: '1' })
    const pidFile = path.join(s.home, 'grandchild.pid')
    try {
      const started = await s.services.projectTasks.start('cache', s.project)
      const progress = await waitFor(() => s.events.find((e) => e.id === started.id && e.progress?.done === 1)?.progress, 'cache progress')
      assert.deepEqual(progress, { done: 1, total: 4, text: 'Downloaded 1 file(s)' })
      const leader = s.services.manager.pidOf(started.id)
      assert.ok(leader)
      const grandchild = Number(await waitFor(() => fs.readFile(pidFile, 'utf8').catch(() => undefined), 'the grandchild pid'))
      assert.deepEqual((await groupMembers(leader)).sort(), [leader, grandchild].sort(), 'lake and its grandchild share the task\'s group')
      // A second build-like task on the same project is refused while this one runs.
      await assert.rejects(s.services.projectTasks.start('build', s.project), (err: { code?: number; message: string }) => {
        assert.equal(err.code, LecternErrorCodes.TaskBusy)
        assert.match(err.message, /Fetch Mathlib Cache is still running/)
        return true
      })
      assert.equal(s.services.manager.cancel(started.id), true)
      const ended = await s.services.manager.whenEnded(started.id)
      assert.equal(ended.state, 'cancelled')
      assert.equal(ended.detail, 'Fetch Mathlib Cache was cancelled.')
      assert.deepEqual(await groupMembers(leader), [], 'no process of the group survives')
    } finally {
      s.dispose()
    }
  })

  it('refuses a project outside the workspace and a folder without a lakefile', async () => {
    const s = await setup()
    try {
      await assert.rejects(s.services.projectTasks.start('build', s.home), (err: { code?: number }) => err.code === LecternErrorCodes.PathOutsideWorkspace)
      await fs.rm(path.join(s.project, 'lakefile.toml'))
      await assert.rejects(s.services.projectTasks.start('clean', s.project), /is not a Lake project/)
    } finally {
      s.dispose()
    }
  })
})

describe('tasks: New Project', () => {
  it('runs `lake +<newest installed release> new NAME TEMPLATE` and reports the created folder', async () => {
    const s = await setup()
    const argsFile = path.join(s.home, 'args.txt')
    try {
      const location = await temp.make('lectern-new-')
      const services = new TaskServices(s.hub, new ToolchainEnvironment({ HOME: s.home, PATH: '', FAKE_ARGS_FILE: argsFile }, { readLoginShell: false }), () => [])
      const started = await services.createProject('my.proj', location, 'math')
      const ended = await services.manager.whenEnded(started.id)
      assert.equal(ended.state, 'done', ended.detail)
      const created = path.join(location, 'my-proj')
      assert.equal(ended.createdPath, created)
      // elan's default is a channel (`stable`), so the newest installed release is pinned.
      assert.equal((await fs.readFile(path.join(created, 'lean-toolchain'), 'utf8')).trim(), 'leanprover/lean4:v4.19.0-rc1')
      assert.equal((await fs.readFile(argsFile, 'utf8')).trim(), '+leanprover/lean4:v4.19.0-rc1 new my.proj math')
      services.dispose()
    } finally {
      s.dispose()
    }
  })

  it('refuses names Lake rejects and a location that already holds a project, in one sentence', async () => {
    const s = await setup()
    try {
      const location = await temp.make('lectern-new-')
      await assert.rejects(s.services.createProject('a/b', location, 'std'), /is not a name Lake accepts/)
      await assert.rejects(s.services.createProject('Lake', location, 'std'), /reserved by Lake/)
      await writeTree(path.join(location, 'taken'), { 'lakefile.lean': '' })
      await assert.rejects(s.services.createProject('taken', location, 'std'), (err: { code?: number; message: string }) => {
        assert.equal(err.code, LecternErrorCodes.InvalidProject)
        assert.match(err.message, /already holds a Lake project/)
        return true
      })
      await assert.rejects(s.services.createProject('x', path.join(location, 'missing'), 'std'), /is not an existing folder/)
    } finally {
      s.dispose()
    }
  })

  it('reports the partial project when lake is killed mid-way', async () => {
    const s = await setup({ FAKE_LAKE_NEW: 'die' })
    try {
      const location = await temp.make('lectern-new-')
      const started = await s.services.createProject('half', location, 'std')
      const ended = await s.services.manager.whenEnded(started.id)
      assert.equal(ended.state, 'failed')
      assert.match(ended.detail ?? '', /killed by SIGKILL.*Lake left a partial project at .*half \(lakefile\.toml\)/)
      assert.equal(ended.createdPath, undefined)
    } finally {
      s.dispose()
    }
  })

  it('uses `lake init` in an existing empty folder', async () => {
    const s = await setup()
    try {
      const location = await temp.make('lectern-new-')
      await fs.mkdir(path.join(location, 'empty'))
      const ended = await s.services.manager.whenEnded((await s.services.createProject('empty', location, 'lib')).id)
      assert.equal(ended.state, 'done', ended.detail)
      assert.match(ended.command, /lake \+leanprover\/lean4:v4\.19\.0-rc1 init empty lib$/)
      assert.ok(await fs.stat(path.join(location, 'empty', 'lakefile.toml')))
    } finally {
      s.dispose()
    }
  })
})

describe('tasks: installs', () => {
  it('Install elan fails clearly when offline (curl\'s own error), though `curl | sh` exits 0', async () => {
    const home = await temp.make('lectern-elan-')
    const bin = path.join(home, 'bin')
    await writeFakeTool(bin, 'curl', `echo 'curl: (6) Could not resolve host: elan.lean-lang.org' >&2\nexit 6`)
    await fs.symlink('/bin/sh', path.join(bin, 'sh'))
    const hub = new Hub()
    const services = new TaskServices(hub, new ToolchainEnvironment({ HOME: home, PATH: bin }, { readLoginShell: false }), () => [])
    try {
      const started = await services.projectTasks.installElan()
      assert.equal(started.command, "sh -c 'curl https://elan.lean-lang.org/elan-init.sh -sSf | sh -s -- -y'")
      const ended = await services.manager.whenEnded(started.id)
      assert.equal(ended.state, 'failed')
      assert.equal(ended.detail, 'Install elan failed: the download failed (offline?): curl: (6) Could not resolve host: elan.lean-lang.org')
    } finally {
      services.dispose()
    }
  })

  it('Install toolchain runs `elan toolchain install <the project\'s toolchain>`', async () => {
    const s = await setup()
    try {
      const started = await s.services.projectTasks.installToolchain(s.project)
      assert.match(started.command, /elan toolchain install leanprover\/lean4:v4\.20\.0$/)
      const ended = await s.services.manager.whenEnded(started.id)
      assert.equal(ended.state, 'done', ended.detail)
    } finally {
      s.dispose()
    }
  })
})

describe('tasks: API validation', () => {
  it('refuses unknown kinds and templates with -32602 and runs nothing', async () => {
    const { Core } = await import('../src/main/core')
    const home = await temp.make('lectern-api-')
    const core = await Core.create({ mode: 'serve', workspace: home, userDataDir: path.join(home, '.data'), env: { HOME: home, PATH: '' }, loginShell: false })
    const ctx = { id: 't', sendEvent: () => {} }
    try {
      for (const [method, params] of [
        ['tasks.start', { kind: 'rm -rf', project: home }],
        ['tasks.start', { project: home }],
        ['project.create', { name: 'x', location: home, template: 'evil' }],
        ['toolchain.install', { what: 'curl' }],
        ['tasks.cancel', {}],
      ] as const) {
        await assert.rejects(core.router.dispatch(method, params, ctx), (err: { code?: number }) => err.code === -32602, method)
      }
      assert.deepEqual(await core.router.dispatch('tasks.list', {}, ctx), [])
    } finally {
      await core.dispose()
    }
  })
})
