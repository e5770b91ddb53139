// The renderer's side of folders: Ctrl+K chords (Open Folder is Ctrl+K Ctrl+O) and the folder browser's typed paths.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { expandHome, looksLikePath, splitTypedPath } from '../src/renderer/src/workbench/features/folders/folder-browser'
import { formatKeybinding, type KeyEventLike, resolveKeybinding } from '../src/renderer/src/workbench/keybindings'

function key(code: string, mods: Partial<KeyEventLike> = {}): KeyEventLike {
  return { code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods }
}

const BINDINGS = [
  { id: 'openFolder', specs: ['CtrlCmd+K CtrlCmd+O'] },
  { id: 'closeFolder', specs: ['CtrlCmd+K F'] },
  { id: 'save', specs: ['CtrlCmd+S'] },
]

describe('chords', () => {
  it('the first press waits, the second runs the command', () => {
    const first = key('KeyK', { ctrlKey: true })
    assert.deepEqual(resolveKeybinding(BINDINGS, first, undefined, false, false), { kind: 'chord' })
    assert.deepEqual(resolveKeybinding(BINDINGS, key('KeyO', { ctrlKey: true }), first, false, false), { kind: 'run', id: 'openFolder' })
    assert.deepEqual(resolveKeybinding(BINDINGS, key('KeyF'), first, false, false), { kind: 'run', id: 'closeFolder' })
  })

  it('a second press that ends no chord is an ordinary key again; Ctrl+O alone is nothing of ours', () => {
    const first = key('KeyK', { ctrlKey: true })
    assert.deepEqual(resolveKeybinding(BINDINGS, key('KeyS', { ctrlKey: true }), first, false, false), { kind: 'run', id: 'save' })
    assert.deepEqual(resolveKeybinding(BINDINGS, key('KeyX'), first, false, false), { kind: 'none' })
    assert.deepEqual(resolveKeybinding(BINDINGS, key('KeyO', { ctrlKey: true }), undefined, false, false), { kind: 'none' })
  })

  it('in the editor the chord is left to Monaco (it knows Ctrl+K Ctrl+C and runs ours as an action); Cmd on macOS', () => {
    assert.deepEqual(resolveKeybinding(BINDINGS, key('KeyK', { ctrlKey: true }), undefined, false, true), { kind: 'none' })
    const cmdK = key('KeyK', { metaKey: true })
    assert.deepEqual(resolveKeybinding(BINDINGS, cmdK, undefined, true, false), { kind: 'chord' })
    assert.deepEqual(resolveKeybinding(BINDINGS, key('KeyO', { metaKey: true }), cmdK, true, false), { kind: 'run', id: 'openFolder' })
  })

  it('is shown as its two presses', () => {
    assert.equal(formatKeybinding('CtrlCmd+K CtrlCmd+O', false), 'Ctrl+K Ctrl+O')
    assert.equal(formatKeybinding('CtrlCmd+K CtrlCmd+O', true), '⌘K ⌘O')
    assert.equal(formatKeybinding('CtrlCmd+Shift+P', false), 'Ctrl+Shift+P')
  })
})

describe('folder browser paths', () => {
  it('tells a typed path from a name filter', () => {
    assert.equal(looksLikePath('/home/me'), true)
    assert.equal(looksLikePath('~/proj'), true)
    assert.equal(looksLikePath('C:\\Users'), true)
    assert.equal(looksLikePath('mathlib'), false)
  })

  it('lists the folder of a typed path, narrowed to the name being typed', () => {
    assert.deepEqual(splitTypedPath('/home/me/'), { folder: '/home/me/', prefix: '' })
    assert.deepEqual(splitTypedPath('/home/me/pro'), { folder: '/home/me/', prefix: 'pro' })
    assert.deepEqual(splitTypedPath('/ho'), { folder: '/', prefix: 'ho' })
    assert.equal(expandHome('~', '/home/me'), '/home/me/')
    assert.equal(expandHome('~/proj', '/home/me/'), '/home/me/proj')
    assert.equal(expandHome('/abs', '/home/me'), '/abs')
  })
})
