// The unicode input session against a string-buffer editor that behaves like Monaco: typed characters are
// content changes (relative to the text before the event), `(` `[` `{` auto-close before whitespace or a closer,
// typing an auto-inserted closer types over it, and cursors follow edits.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AbbreviationSession, minimalEdit, type OffsetEdit, type OffsetRange } from '../src/renderer/src/unicode/session'
import { resolveUnicodeConfig, type UnicodeInputConfig } from '../src/renderer/src/unicode/config'

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' }
const AUTO_CLOSE_BEFORE = ';:.,=}])>⟩⟧⦄ \n\t'

class FakeEditor {
  text = ''
  cursors: number[] = [0]
  /** Offsets of closers Monaco inserted itself (it types over those). */
  autoClosed = new Set<number>()
  readonly session: AbbreviationSession
  undoStack: string[] = []

  constructor(config: UnicodeInputConfig = {}) {
    const { enabled: _e, ...abbrev } = resolveUnicodeConfig(config)
    this.session = new AbbreviationSession(
      {
        textAt: (offset, length) => this.text.slice(offset, offset + length),
        applyEdits: (edits) => this.edit(edits, false),
        selections: () => this.cursors.map((offset) => ({ offset, length: 0 })),
        setSelections: (s: OffsetRange[]) => {
          this.cursors = s.map((r) => r.offset + r.length)
        },
      },
      abbrev,
    )
  }

  /** Applies edits given relative to the current text; reports them like Monaco (descending offsets). */
  private edit(edits: OffsetEdit[], typed: boolean, allowNew = typed): boolean {
    this.undoStack.push(this.text)
    const sorted = [...edits].sort((a, b) => b.offset - a.offset)
    for (const e of sorted) {
      this.text = this.text.slice(0, e.offset) + e.text + this.text.slice(e.offset + e.length)
      this.cursors = this.cursors.map((c) =>
        c > e.offset + e.length ? c + e.text.length - e.length : c >= e.offset ? Math.min(c, e.offset + e.text.length) : c,
      )
      this.autoClosed = new Set(
        [...this.autoClosed].map((o) => (o >= e.offset + e.length ? o + e.text.length - e.length : o)),
      )
    }
    this.session.contentChanged(
      sorted.map((e) => ({ rangeOffset: e.offset, rangeLength: e.length, text: e.text })),
      allowNew,
    )
    return true
  }

  async type(chars: string): Promise<void> {
    for (const ch of [...chars]) {
      const edits: OffsetEdit[] = []
      const after: number[] = []
      let shift = 0
      for (const c of [...this.cursors].sort((a, b) => a - b)) {
        const next = this.text[c]
        if (this.autoClosed.has(c) && next === ch) {
          edits.push({ offset: c, length: 1, text: ch })
          this.autoClosed.delete(c)
          after.push(c + 1 + shift)
        } else if (CLOSERS[ch] && (next === undefined || AUTO_CLOSE_BEFORE.includes(next))) {
          edits.push({ offset: c, length: 0, text: ch + CLOSERS[ch] })
          after.push(c + 1 + shift)
          shift += 2
        } else {
          edits.push({ offset: c, length: 0, text: ch })
          after.push(c + ch.length + shift)
          shift += ch.length
        }
      }
      this.edit(edits, true)
      for (const e of edits) if (e.text.length === 2) this.autoClosed.add(e.offset + 1)
      this.cursors = after
      this.session.selectionsChanged()
      await this.session.idle()
    }
  }

  async paste(text: string): Promise<void> {
    const c = this.cursors[0]
    this.edit([{ offset: c, length: 0, text }], false)
    this.cursors = [c + text.length]
    this.session.selectionsChanged()
    await this.session.idle()
  }

  async tab(): Promise<void> {
    if (this.session.isActive) await this.session.convertAll()
    else await this.type('\t')
  }

  async moveTo(offset: number): Promise<void> {
    this.cursors = [offset]
    this.session.selectionsChanged()
    await this.session.idle()
  }

  /** The text with `|` at each cursor. */
  view(): string {
    let out = this.text
    for (const c of [...this.cursors].sort((a, b) => b - a)) out = out.slice(0, c) + '|' + out.slice(c)
    return out
  }
}

describe('unicode input session (Monaco-like editor)', () => {
  it('replaces on a space and on any character that continues no abbreviation', async () => {
    const ed = new FakeEditor()
    await ed.type('a \\and b')
    assert.equal(ed.view(), 'a ∧ b|')
    const ed2 = new FakeEditor()
    await ed2.type('\\to\\N,')
    assert.equal(ed2.view(), '→ℕ,|')
  })

  it('replaces eagerly when the abbreviation is complete and unique', async () => {
    const ed = new FakeEditor()
    await ed.type('\\forall')
    assert.equal(ed.view(), '∀|')
    await ed.type('\\alpha')
    assert.equal(ed.view(), '∀α|')
  })

  it('without eager replacement waits for the next character or Tab', async () => {
    const ed = new FakeEditor({ eagerReplacementEnabled: false })
    await ed.type('\\alpha')
    assert.equal(ed.view(), '\\alpha|')
    assert.equal(ed.session.isActive, true)
    assert.deepEqual(ed.session.trackedRanges(), [{ offset: 0, length: 6 }])
    await ed.tab()
    assert.equal(ed.view(), 'α|')
    assert.equal(ed.session.isActive, false)
  })

  it('Tab converts the shortest match of a prefix', async () => {
    const ed = new FakeEditor()
    await ed.type('\\and')
    await ed.tab()
    assert.equal(ed.view(), '∧|')
    await ed.tab()
    assert.equal(ed.view(), '∧\t|')
  })

  it('\\<> gives ⟨⟩ with the cursor inside; \\< alone gives ⟨; \\<= gives ≤', async () => {
    const ed = new FakeEditor()
    await ed.type('\\<>')
    assert.equal(ed.view(), '⟨|⟩')
    const ed2 = new FakeEditor()
    await ed2.type('\\< x')
    assert.equal(ed2.view(), '⟨ x|')
    const ed3 = new FakeEditor()
    await ed3.type('\\<= \\<-> ')
    assert.equal(ed3.view(), '≤ ↔ |')
  })

  it('works with auto-closed brackets: \\[[ → ⟦⟧, \\{{ → ⦃⦄, \\(( → ⸨⸩', async () => {
    for (const [input, expected] of [
      ['\\[[', '⟦|⟧'],
      ['\\{{', '⦃|⦄'],
      ['\\((', '⸨|⸩'],
    ]) {
      const ed = new FakeEditor()
      await ed.type(input)
      assert.equal(ed.view(), expected, input)
    }
  })

  it('typing inside \\( \\[ \\{ keeps the brackets and drops the leader (no garbage)', async () => {
    const ed = new FakeEditor()
    await ed.type('\\(x')
    assert.equal(ed.view(), '(x|)')
    await ed.type(')')
    assert.equal(ed.view(), '(x)|')
    const ed2 = new FakeEditor()
    await ed2.type('\\[a b')
    assert.equal(ed2.view(), '[a b|]')
    const ed3 = new FakeEditor()
    await ed3.type('\\{ }')
    assert.equal(ed3.view(), '{ }|')
  })

  it('\\[ then Tab gives [] with the cursor inside', async () => {
    const ed = new FakeEditor()
    await ed.type('\\[')
    assert.equal(ed.view(), '\\[|]')
    await ed.tab()
    assert.equal(ed.view(), '[|]')
  })

  it('an abbreviation followed by an auto-closing bracket keeps the bracket pair', async () => {
    const ed = new FakeEditor()
    await ed.type('\\and(')
    assert.equal(ed.view(), '∧(|)')
  })

  it('gives every cursor its replacement', async () => {
    const ed = new FakeEditor()
    await ed.type('x\ny')
    ed.cursors = [1, 3]
    await ed.type(' \\and ')
    assert.equal(ed.view(), 'x ∧ |\ny ∧ |')
  })

  it('moving the cursor away replaces the abbreviation', async () => {
    const ed = new FakeEditor()
    await ed.type('ab \\N')
    await ed.moveTo(0)
    assert.equal(ed.view(), '|ab ℕ')
  })

  it('a paste never starts an abbreviation', async () => {
    const ed = new FakeEditor()
    await ed.paste('\\alpha ')
    assert.equal(ed.view(), '\\alpha |')
    await ed.paste('\\')
    await ed.type('and ')
    assert.equal(ed.view(), '\\alpha \\and |')
  })

  it('replacements are separate edits after the typing (undo restores the abbreviation)', async () => {
    const ed = new FakeEditor()
    await ed.type('\\and ')
    assert.equal(ed.text, '∧ ')
    assert.equal(ed.undoStack.at(-1), '\\and ')
  })

  it('custom translations merge into the table', async () => {
    const ed = new FakeEditor({ customTranslations: { foo: '☺' } })
    await ed.type('\\foo ')
    assert.equal(ed.view(), '☺ |')
  })

  it('uses the configured leader', async () => {
    const ed = new FakeEditor({ leader: ';' })
    await ed.type(';and \\and ')
    assert.equal(ed.view(), '∧ \\and |')
  })
})

describe('minimalEdit', () => {
  it('keeps the common prefix and suffix', () => {
    assert.deepEqual(minimalEdit(10, '\\[]', '[]'), { offset: 10, length: 1, text: '' })
    assert.deepEqual(minimalEdit(0, '\\and', '∧'), { offset: 0, length: 4, text: '∧' })
    assert.deepEqual(minimalEdit(0, 'ab', 'ab'), { offset: 2, length: 0, text: '' })
  })

  it('never splits a surrogate pair', () => {
    // 𝔽 (U+1D53D) and 𝔾 (U+1D53E) share their high surrogate.
    const e = minimalEdit(0, '𝔽', '𝔾')
    assert.deepEqual(e, { offset: 0, length: 2, text: '𝔾' })
  })
})
