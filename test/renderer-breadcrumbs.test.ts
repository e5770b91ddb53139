// Breadcrumb paths: which document symbols enclose the cursor, in both answer forms of textDocument/documentSymbol.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  symbolIconName,
  symbolPathAt,
  type ServerSymbol,
} from '../src/renderer/src/workbench/breadcrumb-path'
import type { DocumentSymbol, Range, SymbolInformation } from '../src/renderer/src/features/lsp-types'

const NAMESPACE = 3
const METHOD = 6

function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } }
}

function sym(name: string, kind: number, r: Range, children: DocumentSymbol[] = [], selection?: Range): DocumentSymbol {
  return { name, kind, range: r, selectionRange: selection ?? { start: r.start, end: r.start }, children }
}

function info(name: string, kind: number, r: Range): SymbolInformation {
  return { name, kind, location: { uri: 'file:///w/Main.lean', range: r } }
}

const names = (symbols: readonly ServerSymbol[] | null | undefined, line: number, character: number) =>
  symbolPathAt(symbols, { line, character }).map((s) => s.name)

// namespace Foo            -- 0
// namespace Bar            -- 1
// def a := 1               -- 2
// theorem b : 1 = 1 := by  -- 3
//   rfl                    -- 4
// end Bar                  -- 5
// def c := 2               -- 6
// end Foo                  -- 7
//                          -- 8
// def d := 3               -- 9
const NESTED: DocumentSymbol[] = [
  sym('Foo', NAMESPACE, range(0, 0, 7, 7), [
    sym('Bar', NAMESPACE, range(1, 0, 5, 7), [
      sym('a', METHOD, range(2, 0, 2, 10), [], range(2, 4, 2, 5)),
      sym('b', METHOD, range(3, 0, 4, 5), [], range(3, 8, 3, 9)),
    ]),
    sym('c', METHOD, range(6, 0, 6, 10)),
  ]),
  sym('d', METHOD, range(9, 0, 9, 10)),
]

describe('symbolPathAt with hierarchical DocumentSymbols', () => {
  it('follows nested namespaces down to the declaration, innermost last', () => {
    assert.deepEqual(names(NESTED, 4, 2), ['Foo', 'Bar', 'b'])
    assert.deepEqual(names(NESTED, 2, 6), ['Foo', 'Bar', 'a'])
    assert.deepEqual(names(NESTED, 6, 3), ['Foo', 'c'])
    assert.deepEqual(names(NESTED, 9, 0), ['d'])
  })

  it('stops at the innermost symbol that contains the cursor', () => {
    // Line 5 (`end Bar`) is inside Bar but in none of its declarations.
    assert.deepEqual(names(NESTED, 5, 2), ['Foo', 'Bar'])
  })

  it('keeps the ranges a click needs', () => {
    const path = symbolPathAt(NESTED, { line: 4, character: 2 })
    assert.deepEqual(path.at(-1), { name: 'b', kind: METHOD, range: range(3, 0, 4, 5), selectionRange: range(3, 8, 3, 9) })
  })

  it('is empty when the cursor is outside every symbol', () => {
    assert.deepEqual(names(NESTED, 8, 0), [])
    assert.deepEqual(names(NESTED, 20, 0), [])
    assert.deepEqual(names([], 0, 0), [])
    assert.deepEqual(names(null, 0, 0), [])
    assert.deepEqual(names(undefined, 0, 0), [])
  })

  it('counts both ends of a range as inside; where two siblings touch, the later one wins', () => {
    assert.deepEqual(names(NESTED, 4, 5), ['Foo', 'Bar', 'b'])
    assert.deepEqual(names(NESTED, 0, 0), ['Foo'])
    const touching = [sym('x', METHOD, range(0, 0, 1, 0)), sym('y', METHOD, range(1, 0, 2, 0))]
    assert.deepEqual(names(touching, 1, 0), ['y'])
  })

  it('skips malformed symbols instead of throwing', () => {
    const bad = [{ name: 'broken', kind: METHOD } as unknown as DocumentSymbol, ...NESTED]
    assert.deepEqual(names(bad, 6, 3), ['Foo', 'c'])
  })

  it('uses the range when the selection range is missing', () => {
    const noSelection = [{ name: 'z', kind: METHOD, range: range(0, 0, 3, 0) } as DocumentSymbol]
    assert.deepEqual(symbolPathAt(noSelection, { line: 1, character: 0 })[0]?.selectionRange, range(0, 0, 3, 0))
  })
})

describe('symbolPathAt with flat SymbolInformation', () => {
  // The same file in the flat form, deliberately out of order.
  const FLAT: SymbolInformation[] = [
    info('Foo.Bar.b', METHOD, range(3, 0, 4, 5)),
    info('Foo', NAMESPACE, range(0, 0, 7, 7)),
    info('d', METHOD, range(9, 0, 9, 10)),
    info('Foo.Bar', NAMESPACE, range(1, 0, 5, 7)),
    info('Foo.Bar.a', METHOD, range(2, 0, 2, 10)),
  ]

  it('orders the enclosing symbols by containment, outermost first', () => {
    assert.deepEqual(names(FLAT, 4, 2), ['Foo', 'Foo.Bar', 'Foo.Bar.b'])
    assert.deepEqual(names(FLAT, 5, 0), ['Foo', 'Foo.Bar'])
    assert.deepEqual(names(FLAT, 9, 3), ['d'])
  })

  it('is empty outside every symbol', () => {
    assert.deepEqual(names(FLAT, 8, 0), [])
  })

  it('takes the selection range from the location', () => {
    const [only] = symbolPathAt([info('d', METHOD, range(9, 0, 9, 10))], { line: 9, character: 1 })
    assert.deepEqual(only?.selectionRange, range(9, 0, 9, 10))
  })

  it('handles the flat declarations with empty children the Lean server double sends', () => {
    const double = [sym('Foo.bar', METHOD, range(1, 0, 1, 30), [], range(1, 8, 1, 15))]
    assert.deepEqual(names(double, 1, 20), ['Foo.bar'])
  })
})

describe('symbolIconName', () => {
  it('maps LSP kinds to VS Code symbol codicons', () => {
    assert.equal(symbolIconName(NAMESPACE), 'symbol-namespace')
    assert.equal(symbolIconName(METHOD), 'symbol-method')
    assert.equal(symbolIconName(12), 'symbol-function')
    assert.equal(symbolIconName(14), 'symbol-constant')
    assert.equal(symbolIconName(23), 'symbol-struct')
    assert.equal(symbolIconName(22), 'symbol-enum-member')
    assert.equal(symbolIconName(26), 'symbol-type-parameter')
    assert.equal(symbolIconName(999), 'symbol-variable')
  })
})
