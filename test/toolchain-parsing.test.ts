import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeLakeServeFailure, formatCommandLine, splitCommandLine } from '../src/main/toolchain'
import { parseElanShow, parseElanVersion, parseLakeVersion, parseLeanVersion } from '../src/main/toolchain/parse-output'
import { runDetectionCommand } from '../src/main/toolchain/run-command'

describe('splitCommandLine', () => {
  const env = { HOME: '/home/ada lovelace', LEAN_DIR: '/opt/lean 4', EMPTY: '' }

  it('splits on blanks and honours quotes and backslashes', () => {
    assert.deepEqual(splitCommandLine(`lean --server "-Dfoo=a b" 'c d' e\\ f`, env), ['lean', '--server', '-Dfoo=a b', 'c d', 'e f'])
  })

  it('expands $VARS and ${VARS} without word-splitting their values', () => {
    assert.deepEqual(splitCommandLine('$LEAN_DIR/bin/lean ${LEAN_DIR}x', env), ['/opt/lean 4/bin/lean', '/opt/lean 4x'])
    assert.deepEqual(splitCommandLine(`'$LEAN_DIR' "$LEAN_DIR"`, env), ['$LEAN_DIR', '/opt/lean 4'])
  })

  it('drops words that expand to nothing', () => {
    assert.deepEqual(splitCommandLine('lean $UNSET $EMPTY --server', env), ['lean', '--server'])
  })

  it('expands an unquoted leading ~ only', () => {
    assert.deepEqual(splitCommandLine(`~/bin/lean ~ "~/q" '~' a~b ~user`, env), [
      '/home/ada lovelace/bin/lean',
      '/home/ada lovelace',
      '~/q',
      '~',
      'a~b',
      '~user',
    ])
  })

  it('ignores a trailing comment', () => {
    assert.deepEqual(splitCommandLine('lean --server # my build', env), ['lean', '--server'])
  })

  for (const line of ['lean | tee x', 'a && b', 'lean > log', 'a; b', 'a & b', 'lean 2>&1']) {
    it(`rejects operators: ${line}`, () => {
      assert.throws(() => splitCommandLine(line, env), /may not contain the shell operator/)
    })
  }

  it('round-trips through formatCommandLine', () => {
    const argv = ['/opt/lean 4/bin/lean', '--server', "it's", '', 'leanprover/lean4:v4.9.0']
    assert.equal(formatCommandLine(argv), `'/opt/lean 4/bin/lean' --server 'it'\\''s' '' leanprover/lean4:v4.9.0`)
    assert.deepEqual(splitCommandLine(formatCommandLine(argv).replace(" ''", ''), env), argv.filter((a) => a !== ''))
  })
})

describe('describeLakeServeFailure', () => {
  it('recognises a lakefile that fails to load', () => {
    const stderr = "error: ./lakefile.lean:3:2: unknown identifier 'pakage'\nwarning: package configuration has errors, falling back to plain `lean --server`"
    const sentence = describeLakeServeFailure(stderr)
    assert.match(sentence ?? '', /^The lakefile has errors \(error: \.\/lakefile\.lean:3:2: unknown identifier 'pakage'\)/)
  })

  it('recognises the setup-file message, old and new wording', () => {
    assert.match(describeLakeServeFailure('Failed to configure the Lake workspace. Please restart the server after fixing the error above.') ?? '', /^Lake could not configure the workspace/)
    assert.match(describeLakeServeFailure('Invalid Lake configuration. Please restart the server after fixing the Lake configuration file.') ?? '', /^Lake could not configure/)
  })

  it('quotes a plain Lake error and ignores unrelated text', () => {
    assert.equal(describeLakeServeFailure("error: unknown package 'mathlib'"), "`lake serve` failed: error: unknown package 'mathlib'")
    assert.equal(describeLakeServeFailure('info: everything fine'), undefined)
    assert.equal(describeLakeServeFailure(''), undefined)
  })
})

describe('output parsers', () => {
  it('reads elan and lake versions', () => {
    assert.equal(parseElanVersion('elan 1.4.2'), '1.4.2')
    assert.equal(parseElanVersion('elan 4.1.2 (58e8d545e 2025-05-26)'), '4.1.2')
    assert.equal(parseElanVersion('nonsense'), undefined)
    assert.equal(parseLakeVersion('Lake version 5.0.0-src+abc (Lean version 4.20.0)'), '5.0.0-src+abc')
  })

  it('reads Lean versions, including release candidates', () => {
    assert.deepEqual(parseLeanVersion('Lean (version 4.21.0-rc3, arm64-apple-darwin, commit abc, Release)'), {
      version: '4.21.0-rc3',
      line: 'Lean (version 4.21.0-rc3, arm64-apple-darwin, commit abc, Release)',
      major: 4,
    })
    assert.equal(parseLeanVersion('error: no default toolchain configured'), undefined)
  })

  it('reads elan show with section headers', () => {
    const text = [
      'installed toolchains',
      '--------------------',
      '',
      'leanprover/lean4:v4.20.0 (resolved from default \'leanprover/lean4:stable\')',
      'leanprover/lean4:v4.9.0',
      '',
      'active toolchain',
      '----------------',
      '',
      "leanprover/lean4:v4.9.0 (overridden by '/p/lean-toolchain')",
      'Lean (version 4.9.0, x86_64-unknown-linux-gnu, commit abc, Release)',
      '',
    ].join('\n')
    const info = parseElanShow(text)
    assert.deepEqual(info.installedToolchains, ['leanprover/lean4:v4.20.0', 'leanprover/lean4:v4.9.0'])
    assert.equal(info.activeToolchain, 'leanprover/lean4:v4.9.0')
    assert.equal(info.activeReason, "overridden by '/p/lean-toolchain'")
    assert.match(info.leanVersionLine ?? '', /4\.9\.0/)
    assert.equal(info.activeNotInstalled, false)
    assert.equal(info.error, undefined)
  })

  it('reads the one-section form and the no-toolchain form', () => {
    const single = parseElanShow('leanprover/lean4:stable (default)\nLean (version 4.20.0, x, commit y, Release)')
    assert.equal(single.activeToolchain, 'leanprover/lean4:stable')
    assert.equal(single.activeReason, 'default')
    const none = parseElanShow('no active toolchain')
    assert.equal(none.noActiveToolchain, true)
    assert.equal(none.activeToolchain, undefined)
  })

  it('spots error dumps and failed downloads', () => {
    const dump = parseElanShow("Error(Download(could not download file from 'https://github.com/…'))")
    assert.ok(dump.error)
    assert.equal(dump.downloadFailed, true)
    assert.equal(dump.activeToolchain, undefined)
    const newer = parseElanShow("leanprover/lean4:v4.9.0 (overridden by '/p/lean-toolchain')\n(error: toolchain is broken)")
    assert.equal(newer.activeToolchain, 'leanprover/lean4:v4.9.0')
    assert.ok(newer.error)
    assert.equal(newer.downloadFailed, false)
  })
})

describe('runDetectionCommand', () => {
  it('reports a program that cannot be started instead of throwing', async () => {
    const step = await runDetectionCommand(['/nonexistent/lean', '--version'], { cwd: '/', env: {}, timeoutMs: 1000 })
    assert.equal(step.timedOut, false)
    assert.match(step.spawnError ?? '', /ENOENT/)
  })

  it('captures exit code, trimmed output without ANSI colours', async () => {
    const step = await runDetectionCommand(['/bin/bash', '-c', 'printf "\\033[1mbold\\033[0m\\n\\n"; echo oops >&2; exit 3'], {
      cwd: '/',
      env: {},
      timeoutMs: 2000,
    })
    assert.equal(step.exitCode, 3)
    assert.equal(step.stdout, 'bold')
    assert.equal(step.stderr, 'oops')
  })

  // A login shell that runs pyenv's rehash holds a lock file its EXIT trap removes; killed outright it leaves the
  // lock, and every later shell of the user's waits 60 s for it.
  const lockingShell = (lock: string) => `set -o noclobber; echo -n > '${lock}'; trap "rm -f '${lock}'" EXIT; echo locked; /bin/sleep 30`

  it('lets a timed-out command run its exit traps', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-run-'))
    const lock = join(dir, 'lock')
    const step = await runDetectionCommand(['/bin/bash', '-c', lockingShell(lock)], { cwd: dir, env: {}, timeoutMs: 500 })
    assert.equal(step.timedOut, true)
    assert.equal(step.stdout, 'locked')
    assert.equal(await eventually(() => !existsSync(lock)), true, 'the lock file outlived the stopped shell')
  })

  it('lets an aborted command run its exit traps', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-run-'))
    const lock = join(dir, 'lock')
    const abort = new AbortController()
    const running = runDetectionCommand(['/bin/bash', '-c', lockingShell(lock)], { cwd: dir, env: {}, timeoutMs: 20_000, signal: abort.signal })
    assert.equal(await eventually(() => existsSync(lock)), true)
    abort.abort()
    const step = await running
    assert.equal(step.timedOut, false)
    assert.equal(await eventually(() => !existsSync(lock)), true, 'the lock file outlived the stopped shell')
  })

  it('still kills a command that ignores SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-run-'))
    const pidFile = join(dir, 'pid')
    const step = await runDetectionCommand(['/bin/bash', '-c', `trap '' TERM; echo $$ > '${pidFile}'; while :; do /bin/sleep 0.05; done`], { cwd: dir, env: {}, timeoutMs: 300 })
    assert.equal(step.timedOut, true)
    const pid = Number(readFileSync(pidFile, 'utf8'))
    assert.equal(await eventually(() => !alive(pid), 5000), true, `process ${pid} survived SIGKILL`)
  })
})

async function eventually(check: () => boolean, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (check()) return true
    await new Promise((r) => setTimeout(r, 20))
  }
  return check()
}

/** False once pid is gone or a zombie (a killed, reparented child may stay unreaped if this machine's init does not reap it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/\)\s+Z\b/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}
