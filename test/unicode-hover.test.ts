import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AbbreviationProvider } from '@leanprover/unicode-input'
import { resolveUnicodeConfig } from '../src/renderer/src/unicode/config'
import { unicodeHoverAt } from '../src/renderer/src/unicode/hover-text'

const provider = (custom: Record<string, string> = {}) =>
  new AbbreviationProvider(resolveUnicodeConfig({ customTranslations: custom }))

describe('unicode hover text', () => {
  it('says how to type the symbol under the cursor', () => {
    const hover = unicodeHoverAt(provider(), '\\', '∧ b')
    assert.ok(hover)
    assert.match(hover.markdown, /^Type ∧ using `\\and`/)
    assert.match(hover.markdown, /`\\wedge`/)
    assert.equal(hover.length, 1)
  })

  it('knows custom translations and the configured leader', () => {
    const hover = unicodeHoverAt(provider({ lecternOk: '✅' }), ';', '✅ done')
    assert.match(hover?.markdown ?? '', /^Type ✅ using .*`;lecternOk`/)
  })

  it('has nothing to say about ASCII text', () => {
    assert.equal(unicodeHoverAt(provider(), '\\', 'abc'), undefined)
    assert.equal(unicodeHoverAt(provider(), '\\', '\\n'), undefined)
    assert.equal(unicodeHoverAt(provider(), '\\', ''), undefined)
  })

  it('handles symbols outside the BMP (length in UTF-16 units)', () => {
    const hover = unicodeHoverAt(provider(), '\\', '𝔽 x')
    assert.ok(hover)
    assert.match(hover.markdown, /Type 𝔽 using/)
    assert.equal(hover.length, 2)
  })
})

describe('unicode input config', () => {
  it('fills in vscode-lean4 defaults', () => {
    assert.deepEqual(resolveUnicodeConfig({}), {
      enabled: true,
      abbreviationCharacter: '\\',
      eagerReplacementEnabled: true,
      customTranslations: {},
    })
    assert.equal(resolveUnicodeConfig({ leader: '' }).abbreviationCharacter, '\\')
    assert.equal(resolveUnicodeConfig({ enabled: false }).enabled, false)
  })
})
