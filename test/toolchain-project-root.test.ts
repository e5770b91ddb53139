import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { resolveProjectRoot } from '../src/main/toolchain'
import { stepOutOfDependencies } from '../src/main/toolchain/project-root'
import { TempDirs, writeTree } from './fixtures/toolchain/fake-tools'

describe('resolveProjectRoot', () => {
  const temp = new TempDirs()
  let base = ''
  const at = (...parts: string[]): string => path.join(base, ...parts)

  before(async () => {
    base = await temp.make()
    await writeTree(base, {
      'outer/lean-toolchain': '  leanprover/lean4:v4.20.0\n\n',
      'outer/lakefile.lean': 'import Lake\n',
      'outer/Outer.lean': '',
      'outer/Outer/Deep/Nested.lean': '',
      'outer/inner/lean-toolchain': 'leanprover/lean4:v4.9.0\n',
      'outer/inner/Inner.lean': '',
      'outer/inner/sub/Deep.lean': '',
      'outer/.lake/packages/dep/lean-toolchain': 'leanprover/lean4:v4.19.0\n',
      'outer/.lake/packages/dep/lakefile.toml': 'name = "dep"\n',
      'outer/.lake/packages/dep/Dep/Basic.lean': '',
      'old/lean-toolchain': 'leanprover/lean4:v4.0.0\n',
      'old/lake-packages/std/Std.lean': '',
      'tomlonly/lakefile.toml': 'name = "x"\n',
      'tomlonly/Main.lean': '',
      'tomlonly/sub/lean-toolchain-is-not-here.txt': '',
      'both/lean-toolchain': 'leanprover/lean4:stable',
      'both/lakefile.lean': '',
      'both/lakefile.toml': '',
      'empty-toolchain/lean-toolchain': '\n',
      'empty-toolchain/A.lean': '',
      'ws/Scratch/A.lean': '',
      'ws/nested-ws/B.lean': '',
      'loose/C.lean': '',
    })
  })
  after(() => temp.cleanup())

  const table: Array<{ file: string[]; roots?: string[][]; root: string[]; kind: string; toolchain?: string }> = [
    { file: ['outer', 'Outer.lean'], root: ['outer'], kind: 'lake', toolchain: 'leanprover/lean4:v4.20.0' },
    { file: ['outer', 'Outer', 'Deep', 'Nested.lean'], root: ['outer'], kind: 'lake' },
    // Nested project: the inner lean-toolchain wins.
    { file: ['outer', 'inner', 'Inner.lean'], root: ['outer', 'inner'], kind: 'lean', toolchain: 'leanprover/lean4:v4.9.0' },
    { file: ['outer', 'inner', 'sub', 'Deep.lean'], root: ['outer', 'inner'], kind: 'lean' },
    // Dependencies belong to the root project, even though they carry their own lean-toolchain.
    { file: ['outer', '.lake', 'packages', 'dep', 'Dep', 'Basic.lean'], root: ['outer'], kind: 'lake', toolchain: 'leanprover/lean4:v4.20.0' },
    { file: ['old', 'lake-packages', 'std', 'Std.lean'], root: ['old'], kind: 'lean' },
    // No toolchain anywhere: the innermost workspace root that contains the file.
    { file: ['ws', 'Scratch', 'A.lean'], roots: [['ws']], root: ['ws'], kind: 'standalone' },
    { file: ['ws', 'nested-ws', 'B.lean'], roots: [['ws'], ['ws', 'nested-ws']], root: ['ws', 'nested-ws'], kind: 'standalone' },
    // ...else the file's own folder.
    { file: ['loose', 'C.lean'], roots: [['ws']], root: ['loose'], kind: 'standalone' },
    // A file that does not exist yet (unsaved) still resolves by its folder.
    { file: ['outer', 'inner', 'NotYetSaved.lean'], root: ['outer', 'inner'], kind: 'lean' },
    // A folder resolves from itself.
    { file: ['outer', 'inner'], root: ['outer', 'inner'], kind: 'lean' },
  ]

  for (const row of table) {
    it(`${row.file.join('/')} → ${row.root.join('/')} (${row.kind})`, async () => {
      const info = await resolveProjectRoot(at(...row.file), (row.roots ?? []).map((r) => at(...r)))
      assert.equal(info.root, at(...row.root))
      assert.equal(info.kind, row.kind)
      assert.equal(info.problem, undefined)
      if (row.toolchain) assert.equal(info.toolchain, row.toolchain)
      if (row.kind === 'standalone') assert.equal(info.toolchainFile, undefined)
    })
  }

  it('reports the toolchain file and lakefile paths', async () => {
    const info = await resolveProjectRoot(at('outer', 'Outer.lean'), [])
    assert.deepEqual(info, {
      root: at('outer'),
      kind: 'lake',
      toolchainFile: at('outer', 'lean-toolchain'),
      toolchain: 'leanprover/lean4:v4.20.0',
      lakefile: at('outer', 'lakefile.lean'),
    })
  })

  it('prefers lakefile.lean when both lakefiles exist', async () => {
    const info = await resolveProjectRoot(at('both', 'X.lean'), [])
    assert.equal(info.lakefile, at('both', 'lakefile.lean'))
  })

  it('flags a lakefile without lean-toolchain as a problem', async () => {
    const info = await resolveProjectRoot(at('tomlonly', 'Main.lean'), [base])
    assert.equal(info.root, at('tomlonly'))
    assert.equal(info.problem, 'lakefile-without-toolchain')
    assert.equal(info.lakefile, at('tomlonly', 'lakefile.toml'))
    assert.equal(info.toolchainFile, undefined)
  })

  it('leaves toolchain unset for an empty lean-toolchain file', async () => {
    const info = await resolveProjectRoot(at('empty-toolchain', 'A.lean'), [])
    assert.equal(info.kind, 'lean')
    assert.equal(info.toolchainFile, at('empty-toolchain', 'lean-toolchain'))
    assert.equal(info.toolchain, undefined)
  })
})

describe('stepOutOfDependencies', () => {
  it('cuts at the outermost dependency folder', () => {
    assert.equal(stepOutOfDependencies('/p/.lake/packages/a/.lake/packages/b/X'), '/p')
    assert.equal(stepOutOfDependencies('/p/lake-packages/std/Std'), '/p')
  })
  it('leaves other paths alone', () => {
    assert.equal(stepOutOfDependencies('/p/.lake/packages'), '/p/.lake/packages')
    assert.equal(stepOutOfDependencies('/p/.lake/build/lib'), '/p/.lake/build/lib')
    assert.equal(stepOutOfDependencies('/p/src'), '/p/src')
  })
})
