import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { applyLspChanges } from '../src/renderer/src/editor/position'
import { applyWorkspaceEdit, insertText, textAbove, type EditTargets } from '../src/renderer/src/infoview/editor-edits'
import { shouldForward } from '../src/renderer/src/infoview/shortcuts'

interface Op {
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }
  text: string
}

/** A model that applies Monaco-shaped edits (all ranges relative to the text before the batch). */
class FakeModel {
  constructor(public text: string) {}
  getLineCount(): number {
    return this.text.split('\n').length
  }
  getLineContent(n: number): string {
    return this.text.split('\n')[n - 1]
  }
  applyOps(ops: Op[]): void {
    // Bottom-up so earlier ranges stay valid.
    const sorted = [...ops].sort((a, b) => b.range.startLineNumber - a.range.startLineNumber || b.range.startColumn - a.range.startColumn)
    for (const op of sorted) {
      const r = op.range
      this.text = applyLspChanges(this.text, [
        {
          range: { start: { line: r.startLineNumber - 1, character: r.startColumn - 1 }, end: { line: r.endLineNumber - 1, character: r.endColumn - 1 } },
          text: op.text,
        },
      ])
    }
  }
  pushStackElement(): void {}
  pushEditOperations(_sel: unknown, ops: Op[]): null {
    this.applyOps(ops)
    return null
  }
}

class FakeEditor {
  readOnly = false
  constructor(
    public model: FakeModel,
    public position = { lineNumber: 1, column: 1 },
  ) {}
  getModel(): FakeModel {
    return this.model
  }
  getPosition(): { lineNumber: number; column: number } {
    return this.position
  }
  pushUndoStop(): boolean {
    return true
  }
  executeEdits(_source: string, ops: Op[]): boolean {
    if (this.readOnly) return false
    this.model.applyOps(ops)
    return true
  }
}

function targets(active: { editor: FakeEditor; uri: string } | undefined, models: Record<string, FakeModel> = {}): EditTargets {
  return {
    activeEditor: () => active as never,
    modelForUri: (uri) => models[uri] as never,
  }
}

const proof = 'theorem t (p q : Prop) (hp : p) : q → p := by\n  intro h\n  exact hp'

describe('infoview edits', () => {
  it('indents text inserted above like the line it goes above', () => {
    assert.equal(textAbove('/- a\nb -/', '    exact hp'), '    /- a\n    b -/\n')
    assert.equal(textAbove('x', 'no indent'), 'x\n')
  })

  it('inserts "here" at the given position and "above" on a new line', () => {
    const model = new FakeModel(proof)
    const editor = new FakeEditor(model)
    const t = targets({ editor, uri: 'file:///p/A.lean' })
    insertText(t, '/- ⊢ p -/', 'above', { textDocument: { uri: 'file:///p/A.lean' }, position: { line: 2, character: 5 } })
    assert.equal(model.text, 'theorem t (p q : Prop) (hp : p) : q → p := by\n  intro h\n  /- ⊢ p -/\n  exact hp')
    insertText(t, ' -- done', 'here', { textDocument: { uri: 'file:///p/A.lean' }, position: { line: 1, character: 9 } })
    assert.equal(model.getLineContent(2), '  intro h -- done')
  })

  it('inserts at the cursor without a position, and into a background model by uri', () => {
    const model = new FakeModel('ab')
    const other = new FakeModel('xy')
    const t = targets({ editor: new FakeEditor(model, { lineNumber: 1, column: 2 }), uri: 'file:///a.lean' }, { 'file:///b.lean': other })
    insertText(t, '-', 'here')
    assert.equal(model.text, 'a-b')
    insertText(t, '!', 'here', { textDocument: { uri: 'file:///b.lean' }, position: { line: 0, character: 2 } })
    assert.equal(other.text, 'xy!')
    assert.throws(() => insertText(t, '!', 'here', { textDocument: { uri: 'file:///c.lean' }, position: { line: 0, character: 0 } }), /not open/)
  })

  it('refuses to write into a read-only editor', () => {
    const editor = new FakeEditor(new FakeModel('a'))
    editor.readOnly = true
    assert.throws(() => insertText(targets({ editor, uri: 'file:///a.lean' }), 'x', 'here'), /read-only/)
  })

  it("edits the active editor when Lean names its file with its own escapes (a folder like 'My Proofs (1)')", () => {
    const editor = new FakeEditor(new FakeModel('simp?'))
    const t = targets({ editor, uri: 'file:///p/My%20Proofs%20(1)/A.lean' })
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }
    applyWorkspaceEdit(t, { changes: { 'file:///p/My%20Proofs%20%281%29/A.lean': [{ range, newText: 'simp only [h]' }] } })
    assert.equal(editor.getModel().text, 'simp only [h]')
  })

  it('applies workspace edits (changes and documentChanges) to open documents only', () => {
    const a = new FakeModel('simp?\nrfl')
    const t = targets(undefined, { 'file:///a.lean': a })
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }
    applyWorkspaceEdit(t, { changes: { 'file:///a.lean': [{ range, newText: 'simp only [foo]' }] } })
    assert.equal(a.text, 'simp only [foo]\nrfl')
    applyWorkspaceEdit(t, {
      documentChanges: [{ textDocument: { uri: 'file:///a.lean', version: 2 }, edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, newText: 'decide' }] }],
    })
    assert.equal(a.text, 'simp only [foo]\ndecide')
    assert.throws(() => applyWorkspaceEdit(t, { documentChanges: [{ kind: 'create', uri: 'file:///new.lean' }] }), /Only text edits/)
    const before = a.text
    assert.throws(() =>
      applyWorkspaceEdit(t, {
        changes: { 'file:///a.lean': [{ range, newText: 'X' }], 'file:///closed.lean': [{ range, newText: 'Y' }] },
      }),
    )
    assert.equal(a.text, before, 'nothing is applied when one target is not open')
  })
})

describe('infoview frame shortcuts', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  })
  it('forwards workbench shortcuts and keeps text editing keys in the frame', () => {
    assert.equal(shouldForward(key('Enter', { ctrlKey: true, shiftKey: true })), true)
    assert.equal(shouldForward(key('p', { ctrlKey: true, shiftKey: true })), true)
    assert.equal(shouldForward(key('F1')), true)
    assert.equal(shouldForward(key('c', { ctrlKey: true })), false)
    assert.equal(shouldForward(key('a', { metaKey: true })), false)
    assert.equal(shouldForward(key('x')), false)
    assert.equal(shouldForward(key('Control', { ctrlKey: true })), false)
  })
})
