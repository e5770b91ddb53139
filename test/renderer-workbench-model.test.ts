// Pure workbench state: diagnostics store and counts, Problems order, server status text, uris, explorer order,
// remembered files.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { LeanDiagnostic } from '../src/shared/lsp'
import type { ServerEvent } from '../src/shared/channels'
import {
  DiagnosticsStore,
  countSeverities,
  firstLine,
  gutterLines,
  mentionsStaleImports,
} from '../src/renderer/src/workbench/diagnostics-store'
import { problemRows } from '../src/renderer/src/workbench/problems-panel'
import { ServerStates, needsBanner, projectFor, serverStatusText, shortToolchain } from '../src/renderer/src/workbench/server-states'
import { fileUriToPath } from '../src/renderer/src/workbench/file-uri'
import { parentDir, sortEntries } from '../src/renderer/src/workbench/explorer'
import { absoluteUnder, fuzzyScore, movedPath, rankFiles, relativeTo } from '../src/renderer/src/workbench/file-actions'
import { isSymbolInformation, symbolPlace } from '../src/renderer/src/workbench/workspace-symbols'
import { previewParts } from '../src/renderer/src/workbench/find-in-files'

function diag(line: number, severity: 1 | 2 | 3, message = 'm', extra: Partial<LeanDiagnostic> = {}): LeanDiagnostic {
  return { range: { start: { line, character: 0 }, end: { line, character: 1 } }, severity, message, ...extra }
}

describe('DiagnosticsStore', () => {
  it('keeps the latest list per uri and reports changes', () => {
    const store = new DiagnosticsStore()
    const changed: string[] = []
    store.onDidChange((u) => changed.push(u))
    store.set('file:///a.lean', [diag(0, 1), diag(1, 2)])
    store.set('file:///b.lean', [diag(0, 2)])
    store.set('file:///a.lean', [diag(3, 1)])
    assert.deepEqual(store.totals(), { errors: 1, warnings: 1, infos: 0 })
    store.delete('file:///a.lean')
    assert.deepEqual(store.totals(), { errors: 0, warnings: 1, infos: 0 })
    assert.deepEqual(changed, ['file:///a.lean', 'file:///b.lean', 'file:///a.lean', 'file:///a.lean'])
  })

  it('ignores silent diagnostics in counts and gutter icons; a missing severity is an error', () => {
    const list = [diag(0, 1, 'x', { isSilent: true }), { ...diag(2, 3), severity: undefined }, diag(2, 2), diag(2, 3)]
    assert.deepEqual(countSeverities(list), { errors: 1, warnings: 1, infos: 1 })
    const gutter = gutterLines(list)
    assert.deepEqual(gutter.map((g) => [g.line, g.severity, g.messages.length]), [[2, 1, 3]])
  })

  // Its speed is measured by `npm run bench` (bench/problems-model.ts), not asserted here.
  it('lists every one of 20,000 diagnostics, with a gutter icon per line', () => {
    const store = new DiagnosticsStore()
    const many = Array.from({ length: 20000 }, (_, i) => diag(i, ((i % 3) + 1) as 1 | 2 | 3))
    store.set('file:///big.lean', many)
    const rows = problemRows(store, () => 'big.lean')
    const gutter = gutterLines(many)
    assert.equal(rows.length, 20000)
    assert.equal(gutter.length, 20000)
    assert.deepEqual(gutter[19999], { line: 19999, severity: (19999 % 3) + 1, messages: [many[19999].message] })
  })

  it('message helpers', () => {
    assert.equal(firstLine('unsolved goals\n⊢ True'), 'unsolved goals')
    assert.ok(mentionsStaleImports(diag(0, 1, 'Imports are out of date and must be rebuilt; use the "Restart File" command')))
  })
})

describe('problemRows', () => {
  it('orders by file name, then position, errors first; skips silent ones', () => {
    const store = new DiagnosticsStore()
    store.set('file:///z/B.lean', [diag(5, 2), diag(1, 3)])
    store.set('file:///a/A.lean', [diag(2, 2), diag(2, 1), diag(0, 1, 's', { isSilent: true })])
    const rows = problemRows(store, (uri) => uri.split('/').pop()!)
    assert.deepEqual(
      rows.map((r) => [r.uri.split('/').pop(), r.diagnostic.range.start.line, r.diagnostic.severity]),
      [['A.lean', 2, 1], ['A.lean', 2, 2], ['B.lean', 1, 3], ['B.lean', 5, 2]],
    )
  })
})

describe('server status', () => {
  const ev = (state: ServerEvent['state'], extra: Partial<ServerEvent> = {}): ServerEvent => ({
    project: '/w/p',
    state,
    detail: 'detail',
    ...extra,
  })

  it('phrases each state', () => {
    assert.deepEqual(serverStatusText(ev('no-toolchain'), false).text, 'Lean: no toolchain')
    assert.equal(serverStatusText(ev('no-toolchain'), false).tone, 'warning')
    assert.equal(serverStatusText(ev('running', { toolchain: 'leanprover/lean4:v4.20.0' }), false).text, 'Lean v4.20.0')
    assert.equal(serverStatusText(ev('running', { toolchain: 'leanprover/lean4:v4.20.0' }), true).text, 'Lean v4.20.0: processing…')
    assert.equal(serverStatusText(ev('crashed'), false).tone, 'error')
    assert.equal(serverStatusText(ev('starting'), false).tone, 'busy')
  })

  it('short toolchain names', () => {
    assert.equal(shortToolchain(ev('running', { serverVersion: '4.21.0-rc1' })), '4.21.0-rc1')
    assert.equal(shortToolchain(ev('running', { toolchain: 'leanprover/lean4:nightly' })), 'nightly')
    assert.equal(shortToolchain(ev('running')), undefined)
  })

  it('banners only for states that need the user', () => {
    assert.deepEqual(
      (['starting', 'running', 'crashed', 'restarting', 'stopped', 'no-toolchain'] as const).filter(needsBanner),
      ['crashed', 'stopped', 'no-toolchain'],
    )
  })

  it('finds the project of a file (longest root wins) and falls back to a problem', () => {
    assert.equal(projectFor('/w/p/sub/A.lean', ['/w', '/w/p', '/w/p2']), '/w/p')
    assert.equal(projectFor('/w/p2x/A.lean', ['/w/p2']), undefined)
    assert.equal(projectFor('C:\\w\\p\\A.lean', ['C:\\w\\p']), 'C:\\w\\p')
    const states = new ServerStates()
    states.update(ev('running', { project: '/a' }))
    states.update(ev('no-toolchain', { project: '/b' }))
    assert.equal(states.forPath('/a/X.lean')?.project, '/a')
    assert.equal(states.forPath(undefined)?.project, '/b')
  })
})

describe('file uris and explorer order', () => {
  it('file uri → path', () => {
    assert.equal(fileUriToPath('file:///home/u/a%20b/M%C3%BC.lean'), '/home/u/a b/Mü.lean')
    assert.equal(fileUriToPath('file:///C:/x/y.lean'), 'C:/x/y.lean')
    assert.equal(fileUriToPath('untitled:1'), undefined)
  })

  it('folders first, natural order, .git hidden', () => {
    const sorted = sortEntries([
      { name: 'b10.lean', path: '/b10.lean', kind: 'file' },
      { name: 'b2.lean', path: '/b2.lean', kind: 'file' },
      { name: '.git', path: '/.git', kind: 'dir' },
      { name: 'Zeta', path: '/Zeta', kind: 'dir' },
      { name: 'alpha', path: '/alpha', kind: 'dir' },
    ])
    assert.deepEqual(sorted.map((e) => e.name), ['alpha', 'Zeta', 'b2.lean', 'b10.lean'])
    assert.equal(parentDir('/w/p/A.lean'), '/w/p')
  })
})

describe('Go to File and New File paths', () => {
  const view = (relative: string) => ({ path: `/w/${relative}`, relative, name: relative.split('/').pop()! })
  const files = ['Main.lean', 'Mathlib/Algebra/Group/Basic.lean', 'Demo/Main.lean', 'lakefile.toml', 'README.md'].map(view)

  it('ranks file-name matches first, then shorter paths; characters match in order, spaces ignored', () => {
    // A scattered match in the folders (M…a…i…n) still counts, after the real ones.
    assert.deepEqual(rankFiles(files, 'main').map((f) => f.relative), ['Main.lean', 'Demo/Main.lean', 'Mathlib/Algebra/Group/Basic.lean'])
    assert.deepEqual(rankFiles(files, 'mnl').map((f) => f.relative)[0], 'Main.lean')
    assert.deepEqual(rankFiles(files, 'alg basic').map((f) => f.relative), ['Mathlib/Algebra/Group/Basic.lean'])
    assert.deepEqual(rankFiles(files, 'zzz'), [])
    assert.equal(rankFiles(files, '').length, files.length)
    assert.equal(fuzzyScore('Basic.lean', 'cisab'), undefined, 'order matters')
  })

  it('turns typed relative paths into paths under the root, on either separator', () => {
    assert.equal(absoluteUnder('/w/proj', 'Proofs/Group.lean'), '/w/proj/Proofs/Group.lean')
    assert.equal(absoluteUnder('/w/proj/', ' A//B.lean '), '/w/proj/A/B.lean')
    assert.equal(absoluteUnder('C:\\proj', 'Sub/X.lean'), 'C:\\proj\\Sub\\X.lean')
    assert.equal(relativeTo('/w/proj', '/w/proj/Sub/X.lean'), 'Sub/X.lean')
    assert.equal(movedPath('/w/proj/Old.lean', '/w/proj/Old.lean', '/w/proj/P/New.lean'), '/w/proj/P/New.lean')
    assert.equal(movedPath('/w/proj/Alg/G/A.lean', '/w/proj/Alg', '/w/proj/Algebra'), '/w/proj/Algebra/G/A.lean')
  })
})

describe('workspace symbol rows', () => {
  it('names the place of a symbol relative to the workspace, or by file name outside it', () => {
    assert.equal(symbolPlace('file:///w/proj/Sub/Defs.lean', '/w/proj'), 'Sub/Defs.lean')
    assert.equal(symbolPlace('file:///home/u/.elan/toolchains/v4/src/lean/Init/Prelude.lean', '/w/proj'), 'Prelude.lean')
  })

  it('keeps only well-formed SymbolInformation from the server', () => {
    const ok = { name: 'double', kind: 12, location: { uri: 'file:///w/A.lean', range: { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } } } }
    assert.deepEqual([ok, { name: 'x' }, null, { name: 1, location: ok.location }].filter(isSymbolInformation), [ok])
  })
})

describe('Find in Files rows', () => {
  it('splits the preview around the match, also when the preview starts mid-line', () => {
    const m = { path: '/w/A.lean', line: 4, character: 50, length: 3, preview: { text: 'xx foo yy', offset: 47 } }
    assert.deepEqual(previewParts(m), ['xx ', 'foo', ' yy'])
    assert.deepEqual(previewParts({ ...m, character: 47, preview: { text: 'foo', offset: 47 } }), ['', 'foo', ''])
  })
})
