// The renderer's entry imports the workbench's chunk dynamically; index.html must still fetch that chunk (and what it
// imports) from the start, or the page would wait for the entry to run before even asking for most of its code.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { dynamicallyImported } from '../build/preload-dynamic-entry'

const chunk = (fileName: string, imports: string[] = [], dynamicImports: string[] = []) => ({ type: 'chunk' as const, fileName, imports, dynamicImports })

describe('the chunks index.html preloads for its entry', () => {
  it('the dynamically imported chunk and its own imports, less what the entry already loads, each once', () => {
    const entry = chunk('assets/index.js', ['assets/load.js'], ['assets/workbench-main.js'])
    const bundle = {
      'assets/index.js': entry,
      'assets/load.js': chunk('assets/load.js'),
      'assets/workbench-main.js': chunk('assets/workbench-main.js', ['assets/load.js', 'assets/shortcuts.js', 'assets/shared.js']),
      'assets/shortcuts.js': chunk('assets/shortcuts.js', ['assets/shared.js']),
      'assets/shared.js': chunk('assets/shared.js'),
      'assets/workbench-main.css': { type: 'asset' as const, fileName: 'assets/workbench-main.css' },
    }
    assert.deepEqual(dynamicallyImported(entry, bundle), ['assets/workbench-main.js', 'assets/shortcuts.js', 'assets/shared.js'])
  })

  it('an entry with no dynamic import preloads nothing more', () => {
    const entry = chunk('assets/infoview.js', ['assets/shortcuts.js'])
    assert.deepEqual(dynamicallyImported(entry, { 'assets/infoview.js': entry, 'assets/shortcuts.js': chunk('assets/shortcuts.js') }), [])
  })
})
