import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { infoviewDistDir } from '../build/copy-infoview-dist'
import { effectiveInfoviewConfig, DEFAULT_INFOVIEW_CONFIG } from '../src/renderer/src/infoview/config'
import { menuGroups, mergeContexts } from '../src/renderer/src/infoview/frame/context-entries'
import { expectedRejectionWarning } from '../src/renderer/src/infoview/frame/expected-rejections'
import { LecternErrorCodes } from '../src/shared/api'
import { buildInfoviewTheme } from '../src/renderer/src/infoview/theme'

describe('infoview context menu entries', () => {
  it('merges data-vscode-context innermost first and lists the entries that carry an id', () => {
    const ctx = mergeContexts([
      JSON.stringify({ selectableLocationId: ':r1:', unselectableLocationId: '', interactiveCodeTagId: ':r2:' }),
      'not json',
      JSON.stringify({ interactiveCodeTagId: 'outer', pinId: ':r3:', pauseId: ':r3:', copyStateId: ':r4:' }),
    ])
    assert.equal(ctx.interactiveCodeTagId, ':r2:')
    const groups = menuGroups(ctx).map((g) => g.map((e) => `${e.entry}=${e.id}`))
    assert.deepEqual(groups, [['goToDefinition=:r2:'], ['select=:r1:'], ['pin=:r3:', 'pause=:r3:'], ['copyState=:r4:']])
  })

  it('has nothing to offer outside the infoview', () => {
    assert.deepEqual(menuGroups(mergeContexts([])), [])
  })
})

describe('infoview theme', () => {
  const dist = infoviewDistDir(process.cwd())
  const used = new Set<string>()
  for (const file of ['index.css', 'index.production.min.js']) {
    for (const m of readFileSync(join(dist, file), 'utf8').matchAll(/--vscode-[A-Za-z0-9\\.-]+/g)) used.add(m[0].replace(/\\/g, ''))
  }

  for (const kind of ['dark', 'light'] as const) {
    it(`defines every --vscode-* variable the infoview reads (${kind})`, () => {
      const theme = buildInfoviewTheme({ kind, fontFamily: 'JuliaMono, monospace', fontSize: 15 })
      const missing = [...used].filter((v) => !(v in theme.vars))
      assert.deepEqual(missing, [])
      assert.equal(theme.kind, kind)
      assert.equal(theme.vars['--vscode-editor-font-size'], '15px')
      assert.equal(theme.vars['--vscode-editor-line-height'], '20px')
      assert.equal(theme.vars['--vscode-editor-font-family'], 'JuliaMono, monospace')
    })
  }
})

describe('infoview frame page', () => {
  it('carries the es-module-shims nonce placeholder the server replaces per response', () => {
    // The bridge (serve mode) and the app:// handler swap this exact text for a fresh nonce named in the frame's CSP.
    const html = readFileSync(join(process.cwd(), 'src/renderer/infoview.html'), 'utf8')
    assert.match(html, /<script type="esms-options">\{ "nonce": "lectern-infoview" \}<\/script>/)
    assert.match(html, /<div id="react_root">/)
  })
})

describe('infoview config', () => {
  it('lays saved settings over the defaults and ignores unknown or mistyped keys', () => {
    const c = effectiveInfoviewConfig({ showGoalNames: false, debounceTime: 'fast', bogus: 1 })
    assert.equal(c.showGoalNames, false)
    assert.equal(c.debounceTime, DEFAULT_INFOVIEW_CONFIG.debounceTime)
    assert.equal('bogus' in c, false)
  })
})

describe('infoview rejections it leaves unhandled', () => {
  it('are warnings when expected: a server given up on while requests were pending, a crashed worker, a reconnect', () => {
    // A request pending when the server is given up on fails with NoServer; the banner already offers Restart Server.
    assert.equal(
      expectedRejectionWarning({ code: LecternErrorCodes.NoServer, message: 'Lean stopped after 5 crashes', name: 'BackendError' }),
      'Infoview: Lean stopped after 5 crashes (until the server is restarted)',
    )
    assert.match(expectedRejectionWarning({ code: -32902, message: 'worker crashed' }) ?? '', /until the file is edited or restarted/)
    assert.match(expectedRejectionWarning({ code: -32900 }) ?? '', /request failed \(will retry\)/)
  })

  it('stay errors otherwise', () => {
    assert.equal(expectedRejectionWarning({ code: -32603, message: 'internal error' }), undefined)
    assert.equal(expectedRejectionWarning(new TypeError('x is undefined')), undefined)
    assert.equal(expectedRejectionWarning(undefined), undefined)
  })
})
