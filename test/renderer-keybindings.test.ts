// Keybinding notation, matching against key events, display, and the palette's filter.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { CommandRegistry, filterCommands, matchScore } from '../src/renderer/src/workbench/commands'
import { formatKeybinding, matchesKeybinding, parseKeybinding, type KeyEventLike } from '../src/renderer/src/workbench/keybindings'

function key(code: string, mods: Partial<KeyEventLike> = {}): KeyEventLike {
  return { code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods }
}

describe('keybindings', () => {
  it('parses letters, named keys and punctuation', () => {
    assert.equal(parseKeybinding('CtrlCmd+Shift+P').code, 'KeyP')
    assert.equal(parseKeybinding('CtrlCmd+Shift+Enter').code, 'Enter')
    assert.equal(parseKeybinding('F1').code, 'F1')
    assert.equal(parseKeybinding('CtrlCmd+,').code, 'Comma')
  })

  it('CtrlCmd is Ctrl off macOS and Cmd on macOS', () => {
    const kb = parseKeybinding('CtrlCmd+S')
    assert.ok(matchesKeybinding(key('KeyS', { ctrlKey: true }), kb, false))
    assert.ok(!matchesKeybinding(key('KeyS', { metaKey: true }), kb, false))
    assert.ok(matchesKeybinding(key('KeyS', { metaKey: true }), kb, true))
    assert.ok(!matchesKeybinding(key('KeyS', { ctrlKey: true }), kb, true))
  })

  it('requires exactly the modifiers of the binding', () => {
    const restartFile = parseKeybinding('CtrlCmd+Shift+X')
    assert.ok(matchesKeybinding(key('KeyX', { ctrlKey: true, shiftKey: true }), restartFile, false))
    assert.ok(!matchesKeybinding(key('KeyX', { ctrlKey: true }), restartFile, false))
    assert.ok(!matchesKeybinding(key('KeyX', { ctrlKey: true, shiftKey: true, altKey: true }), restartFile, false))
    const allMessages = parseKeybinding('CtrlCmd+Shift+Alt+Enter')
    assert.ok(matchesKeybinding(key('Enter', { ctrlKey: true, shiftKey: true, altKey: true }), allMessages, false))
  })

  it('formats like VS Code', () => {
    assert.equal(formatKeybinding('CtrlCmd+Shift+P', false), 'Ctrl+Shift+P')
    assert.equal(formatKeybinding('CtrlCmd+Shift+P', true), '⇧⌘P')
    assert.equal(formatKeybinding('F1', false), 'F1')
  })
})

describe('command palette filter', () => {
  const commands = [
    { title: 'Lean 4: Restart File' },
    { title: 'Lean 4: Restart Server' },
    { title: 'File: Save' },
    { title: 'View: Toggle Problems' },
  ]

  it('matches every word, in any order, case-insensitively', () => {
    assert.deepEqual(filterCommands(commands, 'restart').map((c) => c.title), ['Lean 4: Restart File', 'Lean 4: Restart Server'])
    assert.deepEqual(filterCommands(commands, 'server restart').map((c) => c.title), ['Lean 4: Restart Server'])
    assert.deepEqual(filterCommands(commands, 'zzz'), [])
  })

  it('prefers word starts', () => {
    assert.ok(matchScore('File: Save', 'sa')! < matchScore('Lean 4: Restart File', 'ar')!)
    assert.deepEqual(filterCommands(commands, 'file').map((c) => c.title), ['File: Save', 'Lean 4: Restart File'])
  })

  it('an empty query lists everything', () => {
    assert.equal(filterCommands(commands, '').length, commands.length)
  })
})

describe('CommandRegistry', () => {
  it('runs enabled commands, reports failures, and unregisters', async () => {
    const registry = new CommandRegistry()
    let ran = 0
    const errors: unknown[] = []
    const reg = registry.register({ id: 'a', title: 'A', run: () => ran++ })
    registry.register({ id: 'b', title: 'B', enabled: () => false, run: () => ran++ })
    registry.register({ id: 'c', title: 'C', run: () => Promise.reject(new Error('boom')) })
    registry.run('a')
    registry.run('b')
    registry.run('c', (err) => errors.push(err))
    await new Promise((r) => setTimeout(r, 0))
    assert.equal(ran, 1)
    assert.equal(errors.length, 1)
    reg.dispose()
    assert.equal(registry.get('a'), undefined)
  })
})
