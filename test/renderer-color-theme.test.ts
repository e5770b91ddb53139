// The colour theme follows the OS when the setting is "system" (the default), live; an explicit choice wins.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OsColorWatcher, monacoThemeOf, resolveColorTheme } from '../src/renderer/src/workbench/features/theme/color-theme'
import { buildInfoviewTheme } from '../src/renderer/src/infoview/theme'

/** A window.matchMedia whose answers the test changes, firing `change` like the browser. */
function fakeMedia(initial: Record<string, boolean>) {
  const state = { ...initial }
  const listeners = new Map<string, Set<() => void>>()
  return {
    matchMedia(query: string) {
      const set = listeners.get(query) ?? new Set<() => void>()
      listeners.set(query, set)
      return {
        get matches() {
          return state[query] ?? false
        },
        addEventListener: (_t: 'change', l: () => void) => void set.add(l),
        removeEventListener: (_t: 'change', l: () => void) => void set.delete(l),
      }
    },
    set(query: string, value: boolean) {
      state[query] = value
      for (const l of listeners.get(query) ?? []) l()
    },
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  }
}

describe('colour theme', () => {
  it('"system" (and no setting) follows the OS; explicit choices ignore it', () => {
    const lightOs = { dark: false, highContrast: false }
    const darkHcOs = { dark: true, highContrast: true }
    assert.deepEqual(resolveColorTheme(undefined, lightOs), { kind: 'light', highContrast: false })
    assert.deepEqual(resolveColorTheme('system', darkHcOs), { kind: 'dark', highContrast: true })
    assert.deepEqual(resolveColorTheme('dark', lightOs), { kind: 'dark', highContrast: false })
    assert.deepEqual(resolveColorTheme('light', darkHcOs), { kind: 'light', highContrast: false })
    assert.deepEqual(resolveColorTheme('high-contrast-light', lightOs), { kind: 'light', highContrast: true })
  })

  it("maps to Monaco's four built-in themes", () => {
    assert.equal(monacoThemeOf({ kind: 'dark', highContrast: false }), 'vs-dark')
    assert.equal(monacoThemeOf({ kind: 'light', highContrast: false }), 'vs')
    assert.equal(monacoThemeOf({ kind: 'dark', highContrast: true }), 'hc-black')
    assert.equal(monacoThemeOf({ kind: 'light', highContrast: true }), 'hc-light')
  })

  it('the OS watcher reports changes of scheme, contrast and forced colours, and stops listening when disposed', () => {
    const media = fakeMedia({ '(prefers-color-scheme: dark)': true })
    const seen: { dark: boolean; highContrast: boolean }[] = []
    const watcher = new OsColorWatcher(media, (pref) => seen.push(pref))
    assert.deepEqual(watcher.current(), { dark: true, highContrast: false })
    media.set('(prefers-color-scheme: dark)', false)
    media.set('(forced-colors: active)', true)
    media.set('(forced-colors: active)', false)
    media.set('(prefers-contrast: more)', true)
    assert.deepEqual(seen, [
      { dark: false, highContrast: false },
      { dark: false, highContrast: true },
      { dark: false, highContrast: false },
      { dark: false, highContrast: true },
    ])
    watcher.dispose()
    assert.equal(media.listenerCount(), 0)
  })

  it('the infoview gets high-contrast colours and flag', () => {
    const hc = buildInfoviewTheme({ kind: 'dark', highContrast: true, fontFamily: 'monospace', fontSize: 14 })
    const plain = buildInfoviewTheme({ kind: 'dark', fontFamily: 'monospace', fontSize: 14 })
    assert.equal(hc.highContrast, true)
    assert.equal(hc.vars['--vscode-editor-background'], '#000000')
    assert.notEqual(hc.vars['--vscode-contrastBorder'], 'transparent')
    assert.equal(plain.vars['--vscode-contrastBorder'], 'transparent')
    assert.deepEqual(Object.keys(hc.vars).sort(), Object.keys(plain.vars).sort())
  })
})
