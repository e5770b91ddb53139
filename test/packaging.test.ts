// `npm run dist`'s packing, run for real with electron-builder `--dir` against a stand-in Electron folder
// (electronDist; its binary carries a real fuse wire): the asar holds exactly the built app and the production
// dependencies, and the fuses are flipped in the packed binary. Plus the fuse configuration per platform.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, it } from 'node:test'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { listPackage } from '@electron/asar'
import { fuseConfig } from '../build/fuses.mjs'

const ROOT = resolve(__dirname, '..')
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ON = 49
const OFF = 48
/** What the issue asks of each fuse. */
const WANTED: [FuseV1Options, boolean][] = [
  [FuseV1Options.RunAsNode, false],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
  [FuseV1Options.EnableNodeCliInspectArguments, false],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
  [FuseV1Options.OnlyLoadAppFromAsar, true],
  [FuseV1Options.EnableCookieEncryption, true],
]

/** Electron 45's fuse wire as shipped: RunAsNode, NODE_OPTIONS and --inspect on; ASAR integrity and ASAR-only off. */
function standInElectron(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-electron-dist-'))
  const wire = Buffer.from([1, 9, ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON])
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), wire]), { mode: 0o755 })
  writeFileSync(join(dir, 'version'), JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version)
  mkdirSync(join(dir, 'resources'))
  return dir
}

describe('packaging', () => {
  it('the fuses turn off Node-style entry points and turn on ASAR-only loading, integrity and cookie encryption', () => {
    for (const [platform, arch] of [['linux', 'x64'], ['win32', 'x64'], ['darwin', 'arm64'], ['darwin', 'x64']]) {
      const c = fuseConfig(platform, arch)
      for (const [fuse, on] of WANTED) assert.equal(c[fuse], on, `${FuseV1Options[fuse]} on ${platform}`)
      assert.equal(c.resetAdHocDarwinSignature, platform === 'darwin' && arch === 'arm64', `${platform} ${arch}`)
    }
  })

  const built = existsSync(join(ROOT, 'out/main/index.js')) && existsSync(join(ROOT, 'out/renderer/index.html'))
  const skip = process.platform !== 'linux' ? 'the stand-in Electron folder is a Linux one' : !built ? 'the app is not built (run `npm run build` first)' : false
  if (skip) console.log(`Skipping the packing test: ${skip}.`)

  it('electron-builder --dir packs exactly out/ and the production dependencies, and flips the fuses', { skip }, async () => {
    const output = mkdtempSync(join(tmpdir(), 'lectern-pack-'))
    const res = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-builder/cli.js'), '--dir', '--linux', '--x64', '--config', 'electron-builder.config.mjs', `-c.electronDist=${standInElectron()}`, `-c.directories.output=${output}`],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    )
    assert.equal(res.status, 0, `${res.stdout}\n${res.stderr}`)
    const unpacked = join(output, 'linux-unpacked')
    const files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'))
    const production = ['ws', 'vscode-jsonrpc', 'shell-quote']
    for (const f of files) {
      const ok = f === '/package.json' || f === '/out' || f.startsWith('/out/') || f === '/node_modules' || production.some((p) => f === `/node_modules/${p}` || f.startsWith(`/node_modules/${p}/`))
      assert.ok(ok, `${f} does not belong in the asar`)
      assert.ok(!f.endsWith('.map') && !f.endsWith('.ts'), `${f}: no source maps or sources`)
    }
    for (const needed of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/renderer/infoview.html', '/node_modules/ws/package.json', '/node_modules/vscode-jsonrpc/package.json', '/node_modules/shell-quote/package.json']) {
      assert.ok(files.includes(needed), `${needed} is packed`)
    }
    assert.ok(files.some((f) => f.startsWith('/out/renderer/infoview/')), 'the infoview files are packed')

    const fuses = await getCurrentFuseWire(join(unpacked, 'lectern'))
    for (const [fuse, on] of WANTED) assert.equal(fuses[fuse], on ? ON : OFF, `${FuseV1Options[fuse]} in the packed binary`)
    assert.equal(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges], ON, 'fuses we do not set keep their value')
  })
})
