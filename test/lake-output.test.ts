// The Lake / Mathlib cache output parsers on the exact shapes those tools print (sources in lake-output.ts).
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { CacheGetParser, LakeBuildParser, PlainOutputParser } from '../src/main/tasks/lake-output'
import { TempDirs, writeTree } from './fixtures/toolchain/fake-tools'

const temp = new TempDirs()
after(() => temp.cleanup())

const feed = <P extends { line(t: string): void }>(parser: P, lines: string[]): P => (lines.forEach((l) => parser.line(l)), parser)

describe('LakeBuildParser', () => {
  it('reads job lines with (Optional), times and every icon', () => {
    const p = feed(new LakeBuildParser('/p'), ['✔ [1/9] Replayed Foo.Basic', 'ℹ [2/9] (Optional) Built Foo.Doc (12ms)', '⚠ [3/9] Built Foo.Bar:c.o (1.2s)'])
    assert.deepEqual(p.progress(), { done: 3, total: 9, text: 'Built Foo.Bar:c.o' })
    assert.deepEqual(p.rebuiltModules(), ['Foo.Doc', 'Foo.Bar'], 'Replayed is not a rebuild; facet suffixes are dropped')
  })

  it('positions: 1-based lines, codepoint columns turned into UTF-16, ranges, absolute paths, the newer label', async () => {
    const root = await temp.make('lectern-lake-')
    await writeTree(root, { 'Topo.lean': 'import Mathlib\n-- 𝓝 x = 𝓝 y\n' })
    const p = feed(new LakeBuildParser(root), [
      'error: ././././Topo.lean:2:10: unknown identifier',
      `warning: ${path.join(root, 'Topo.lean')}:1:0-1:14: unused import`,
      'error: Topo.lean:2:3: error(lean.unknownIdentifier): type mismatch: here',
      'info: ./Topo.lean:1:0: Note: kept',
    ])
    const got = p.problems().map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity, x.message])
    assert.deepEqual(got, [
      [1, 12, undefined, undefined, 1, 'unknown identifier'], // two 𝓝 before column 10: 12 UTF-16 units
      [0, 0, 0, 14, 2, 'unused import'],
      [1, 3, undefined, undefined, 1, 'type mismatch: here'],
      [0, 0, undefined, undefined, 3, 'Note: kept'],
    ])
    assert.ok(p.problems().every((x) => x.path === path.join(root, 'Topo.lean')))
  })

  it('trace lines and Lake\'s own errors are not problems; the summary names the first real error', () => {
    const p = feed(new LakeBuildParser('/p'), [
      'trace: .> LEAN_PATH=x lean ./A.lean:1:2',
      "error: no such file or directory (error code: 2, ./A.lean)",
      'error: build failed',
    ])
    assert.deepEqual(p.problems(), [])
    assert.equal(p.summary('failed', 1), 'no such file or directory (error code: 2, ./A.lean)')
    assert.equal(feed(new LakeBuildParser('/p'), ['Nothing to build.']).summary('done', 0), 'Nothing to build.')
    assert.equal(feed(new LakeBuildParser('/p'), ['All targets up-to-date (12 jobs).']).summary('done', 0), 'All targets up-to-date (12 jobs).')
  })
})

describe('CacheGetParser', () => {
  it('counts downloads, then decompression, and reports Mathlib\'s own ending', () => {
    const p = new CacheGetParser('/p')
    feed(p, ['✔ [5/12] Built Cache.IO (1.1s)'])
    assert.deepEqual(p.progress(), { done: 5, total: 12, text: 'Built Cache.IO' })
    feed(p, ['Attempting to download 4000 file(s)'])
    assert.deepEqual(p.progress(), { done: 0, total: 4000, text: 'Downloading 4000 file(s)' })
    feed(p, ['Downloaded: 120 file(s) [attempted 130/4000 = 3%], 10 failed'])
    assert.deepEqual(p.progress(), { done: 130, total: 4000, text: 'Downloaded 120 file(s), 10 failed' })
    feed(p, ['Downloaded: 4000 file(s) [attempted 4000/4000 = 100%] (100% success)', 'Decompressing 4000 file(s)'])
    assert.deepEqual(p.progress(), { text: 'Decompressing 4000 file(s)' })
    assert.deepEqual(p.rebuiltModules(), [])
    feed(p, ['Unpacked in 4123 ms', 'Completed successfully!'])
    assert.deepEqual(p.rebuiltModules(), ['*'])
    assert.equal(p.summary('done'), 'Mathlib cache: Completed successfully!')
  })

  it('says why it failed: failed downloads, or an uncaught exception', () => {
    assert.equal(feed(new CacheGetParser('/p'), ['Attempting to download 3 file(s)', '3 download(s) failed']).summary('failed'), '3 download(s) failed')
    assert.equal(feed(new CacheGetParser('/p'), ['uncaught exception: leantar failed with error code 1']).summary('failed'), 'uncaught exception: leantar failed with error code 1')
  })
})

describe('PlainOutputParser', () => {
  it('shows the latest line as progress and finds curl\'s error hidden behind `| sh`', () => {
    const p = feed(new PlainOutputParser(), ['info: mathlib: cloning https://github.com/leanprover-community/mathlib4', 'curl: (7) Failed to connect to elan.lean-lang.org port 443'])
    assert.equal(p.failedAnyway(), 'the download failed (offline?): curl: (7) Failed to connect to elan.lean-lang.org port 443')
    assert.equal(feed(new PlainOutputParser(), ['info: mathlib: cloning x']).progress()?.text, 'mathlib: cloning x')
    assert.equal(feed(new PlainOutputParser(), ['error: illegal package name']).summary('failed'), 'illegal package name')
  })
})
