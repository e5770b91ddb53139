import { after, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { ELAN_INSTALL_COMMAND, planServerCommand } from '../src/main/toolchain'
import type { ProjectInfo } from '../src/main/toolchain'
import {
  DEBIAN_ELAN,
  LAKE_5,
  LEAN_4_20,
  TempDirs,
  createProject,
  createSandbox,
  dispatch,
  fakeEnv,
  print,
  writeFakeTool,
  type Sandbox,
} from './fixtures/toolchain/fake-tools'

const temp = new TempDirs()
after(() => temp.cleanup())

const sandbox = (): Promise<Sandbox> => createSandbox(temp)
const project = (files: Record<string, string>, file?: string): Promise<ProjectInfo> => createProject(temp, files, file)
const exists = (p: string): Promise<boolean> => fs.access(p).then(() => true, () => false)

describe('planServerCommand: missing toolchains', () => {
  let box: Sandbox
  beforeEach(async () => {
    box = await sandbox()
  })

  it('reports no-elan with the elan installer when neither elan nor lean is on PATH', async () => {
    const plan = await planServerCommand({ project: await project({}), env: box.env })
    assert.equal(plan.status, 'no-elan')
    assert.equal(plan.ok, false)
    assert.equal(plan.summary, 'No Lean toolchain found: neither elan nor lean is on PATH.')
    assert.equal(plan.fixCommand, ELAN_INSTALL_COMMAND)
    assert.match(plan.fixCommand ?? '', /curl https:\/\/elan\.lean-lang\.org\/elan-init\.sh -sSf \| sh/)
    assert.equal(plan.command, undefined)
    assert.deepEqual(plan.detection, [])
  })

  it('ignores a non-executable lean on PATH', async () => {
    await fs.writeFile(path.join(box.bin, 'lean'), '#!/bin/bash\necho hi\n', { mode: 0o644 })
    const plan = await planServerCommand({ project: await project({}), env: box.env })
    assert.equal(plan.status, 'no-elan')
  })

  it('explains elan with no toolchain (Debian elan 1.4.2 texts)', async () => {
    await writeFakeTool(box.bin, 'elan', dispatch({ '--version': print(DEBIAN_ELAN.version), show: print(DEBIAN_ELAN.showNoToolchain) }))
    await writeFakeTool(box.bin, 'lean', `${print(DEBIAN_ELAN.leanNoDefault, 'stderr')}\nexit 1`)
    const plan = await planServerCommand({ project: await project({}), env: box.env })
    assert.equal(plan.status, 'no-lean')
    assert.equal(plan.ok, false)
    assert.equal(plan.elanVersion, '1.4.2')
    assert.equal(plan.summary, 'No Lean toolchain found: elan 1.4.2 is installed but has no default toolchain.')
    assert.equal(plan.fixCommand, 'elan default leanprover/lean4:stable')
    assert.deepEqual(
      plan.detection.map((s) => [path.basename(s.argv[0]), ...s.argv.slice(1)].join(' ')),
      ['elan --version', 'elan show', 'lean --version'],
    )
    const leanStep = plan.detection[2]
    assert.equal(leanStep.exitCode, 1)
    assert.equal(leanStep.stderr, DEBIAN_ELAN.leanNoDefault)
    assert.equal(leanStep.timedOut, false)
  })

  it('does not call lean when elan show prints an error dump for the project toolchain (no download)', async () => {
    // Debian elan 1.4.2 inside a project whose toolchain is not installed: an Error(…) dump, exit 0.
    const dump = 'Error(Msg("toolchain \'leanprover/lean4:v4.9.0\' is unresolvable"), State { next_error: None })'
    await writeFakeTool(box.bin, 'elan', dispatch({ '--version': print(DEBIAN_ELAN.version), show: print(dump) }))
    await writeFakeTool(box.bin, 'lean', `: > '${box.marker}'\n${print(LEAN_4_20)}`)
    const info = await project({ 'lean-toolchain': 'leanprover/lean4:v4.9.0\n', 'lakefile.lean': '' })
    const plan = await planServerCommand({ project: info, env: box.env })
    assert.equal(plan.status, 'toolchain-not-installed')
    assert.equal(plan.ok, false)
    assert.equal(plan.toolchain, 'leanprover/lean4:v4.9.0')
    assert.match(plan.summary, /^Lean toolchain leanprover\/lean4:v4\.9\.0 \(from lean-toolchain\) is not installed/)
    assert.equal(plan.fixCommand, 'elan toolchain install leanprover/lean4:v4.9.0')
    assert.equal(await exists(box.marker), false, 'lean --version must not run: it would start a download')
  })

  it('still asks lean when elan show errors but the toolchain folder is installed', async () => {
    await fs.mkdir(path.join(box.home, '.elan', 'toolchains', 'leanprover--lean4---v4.20.0'), { recursive: true })
    await writeFakeTool(box.bin, 'elan', dispatch({ '--version': print(DEBIAN_ELAN.version), show: print('Error(Io("settings"))') }))
    await writeFakeTool(box.bin, 'lean', print(LEAN_4_20))
    const plan = await planServerCommand({ project: await project({ 'lean-toolchain': 'leanprover/lean4:v4.20.0' }), env: box.env })
    assert.equal(plan.status, 'ok')
    assert.equal(plan.detection.length, 3)
  })

  it('reports download-failed when elan show says the download failed', async () => {
    const url = 'https://github.com/leanprover/lean4/releases/expanded_assets/v4.9.0'
    await writeFakeTool(box.bin, 'elan', dispatch({ '--version': print(DEBIAN_ELAN.version), show: print(`Error(${DEBIAN_ELAN.downloadError(url)})`) }))
    const info = await project({ 'lean-toolchain': 'leanprover/lean4:v4.9.0' })
    const plan = await planServerCommand({ project: info, env: box.env })
    assert.equal(plan.status, 'download-failed')
    assert.equal(
      plan.summary,
      'Lean toolchain leanprover/lean4:v4.9.0 (from lean-toolchain) is not installed, and elan could not download it (offline?).',
    )
    assert.equal(plan.fixCommand, 'elan toolchain install leanprover/lean4:v4.9.0')
  })

  it('reports download-failed from the lean proxy text when elan show says nothing useful', async () => {
    const url = 'https://github.com/leanprover/lean4/releases/download/v4.9.0/lean-4.9.0-linux.tar.zst'
    await writeFakeTool(box.bin, 'elan', dispatch({ '--version': print(DEBIAN_ELAN.version), show: 'exit 0' }))
    await writeFakeTool(box.bin, 'lean', `${print('info: downloading component lean', 'stderr')}\n${print(DEBIAN_ELAN.downloadError(url), 'stderr')}\nexit 1`)
    const plan = await planServerCommand({ project: await project({ 'lean-toolchain': 'leanprover/lean4:v4.9.0' }), env: box.env })
    assert.equal(plan.status, 'download-failed')
    assert.match(plan.summary, /leanprover\/lean4:v4\.9\.0 \(from lean-toolchain\) is not installed, and elan could not download it/)
    assert.ok(plan.detection[2].stderr.includes(url))
  })

  it('understands newer elan: "(toolchain will be installed on first use)"', async () => {
    const info = await project({ 'lean-toolchain': 'leanprover/lean4:v4.21.0' })
    const show = `leanprover/lean4:v4.21.0 (overridden by '${info.toolchainFile}')\n(toolchain will be installed on first use)`
    await writeFakeTool(box.bin, 'elan', dispatch({ '--version': print('elan 4.1.2 (58e8d545e 2025-05-26)'), show: print(show) }))
    await writeFakeTool(box.bin, 'lean', `: > '${box.marker}'`)
    const plan = await planServerCommand({ project: info, env: box.env })
    assert.equal(plan.status, 'toolchain-not-installed')
    assert.equal(plan.elanVersion, '4.1.2')
    assert.equal(plan.fixCommand, 'elan toolchain install leanprover/lean4:v4.21.0')
    assert.equal(await exists(box.marker), false)
  })

  it('quotes a hostile toolchain name in the fix command', async () => {
    await writeFakeTool(box.bin, 'elan', dispatch({ '--version': print(DEBIAN_ELAN.version), show: print('Error(x)') }))
    const plan = await planServerCommand({ project: await project({ 'lean-toolchain': "v4; rm -rf ~ 'x'" }), env: box.env })
    assert.equal(plan.fixCommand, `elan toolchain install 'v4; rm -rf ~ '\\''x'\\'''`)
  })

  it('refuses a lakefile without lean-toolchain without running anything', async () => {
    await writeFakeTool(box.bin, 'elan', `: > '${box.marker}'`)
    const info = await project({ 'lakefile.toml': 'name = "x"' })
    const plan = await planServerCommand({ project: info, env: box.env })
    assert.equal(plan.status, 'lakefile-without-toolchain')
    assert.equal(plan.ok, false)
    assert.match(plan.summary, /has a lakefile but no lean-toolchain file/)
    assert.equal(plan.fixCommand, `cd ${info.root} && echo leanprover/lean4:stable > lean-toolchain`)
    assert.equal(await exists(box.marker), false)
  })
})

describe('planServerCommand: working toolchains', () => {
  let box: Sandbox
  beforeEach(async () => {
    box = await sandbox()
  })

  async function installWorkingElan(b: Sandbox): Promise<void> {
    await writeFakeTool(b.bin, 'elan', dispatch({
      '--version': print(DEBIAN_ELAN.version),
      show: print(`leanprover/lean4:v4.20.0 (overridden by '$PWD/lean-toolchain')\n${LEAN_4_20}`),
    }))
    await writeFakeTool(b.bin, 'lean', dispatch({ '--version': print(LEAN_4_20) }))
    await writeFakeTool(b.bin, 'lake', dispatch({ '--version': print(LAKE_5) }))
  }

  it('uses lake serve for a lake project, with lean --server as fallback', async () => {
    await installWorkingElan(box)
    const info = await project({ 'lean-toolchain': 'leanprover/lean4:v4.20.0\n', 'lakefile.lean': '' })
    const plan = await planServerCommand({ project: info, env: box.env, serverArgs: ['-DmaxHeartbeats=0'] })
    assert.equal(plan.status, 'ok')
    assert.equal(plan.ok, true)
    assert.deepEqual(plan.command, [path.join(box.bin, 'lake'), 'serve', '--', '-DmaxHeartbeats=0'])
    assert.deepEqual(plan.fallbackCommand, [path.join(box.bin, 'lean'), '--server', '-DmaxHeartbeats=0'])
    assert.equal(plan.leanVersion, '4.20.0')
    assert.equal(plan.lakeVersion, '5.0.0-0123456')
    assert.equal(plan.toolchain, 'leanprover/lean4:v4.20.0')
    assert.equal(plan.summary, 'Lean 4.20.0 (leanprover/lean4:v4.20.0) found; starting `lake serve`.')
    assert.ok(plan.detection.every((s) => s.cwd === info.root))
  })

  it('uses lean --server for a project with only lean-toolchain', async () => {
    await installWorkingElan(box)
    const plan = await planServerCommand({ project: await project({ 'lean-toolchain': 'leanprover/lean4:v4.20.0' }), env: box.env })
    assert.equal(plan.status, 'ok')
    assert.deepEqual(plan.command, [path.join(box.bin, 'lean'), '--server'])
    assert.equal(plan.fallbackCommand, undefined)
  })

  it('works with a bare lean (no elan) for a standalone file, naming the version line', async () => {
    await writeFakeTool(box.bin, 'lean', dispatch({ '--version': print(LEAN_4_20) }))
    const plan = await planServerCommand({ project: await project({}), env: box.env })
    assert.equal(plan.status, 'ok')
    assert.deepEqual(plan.command, [path.join(box.bin, 'lean'), '--server'])
    assert.equal(plan.toolchain, LEAN_4_20)
    assert.equal(plan.elanVersion, undefined)
    assert.equal(plan.detection.length, 1)
  })

  it('finds lake beside lean when only lean is on PATH', async () => {
    const toolchainBin = path.join(box.home, 'toolchain', 'bin')
    await writeFakeTool(toolchainBin, 'lean', dispatch({ '--version': print(LEAN_4_20) }))
    await writeFakeTool(toolchainBin, 'lake', dispatch({ '--version': print(LAKE_5) }))
    const info = await project({ 'lean-toolchain': 'leanprover/lean4:v4.20.0', 'lakefile.toml': '' })
    const plan = await planServerCommand({ project: info, env: fakeEnv(box.home, toolchainBin) })
    assert.deepEqual(plan.command, [path.join(toolchainBin, 'lake'), 'serve', '--'])
  })

  it('rejects Lean 3', async () => {
    await writeFakeTool(box.bin, 'lean', print('Lean (version 3.51.1, commit cce7990ea86a, Release)'))
    const plan = await planServerCommand({ project: await project({}), env: box.env })
    assert.equal(plan.ok, false)
    assert.equal(plan.status, 'no-lean')
    assert.match(plan.summary, /Lean 3\.51\.1 was found, but Lectern needs Lean 4/)
  })
})
