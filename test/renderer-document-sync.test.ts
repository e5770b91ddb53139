// DocumentSync against a fake Monaco model and a fake core: edits go out in order as incremental changes,
// dirty/save/conflict states, lost edits repaired by a resync, disk changes under clean and dirty buffers.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { LecternErrorCodes, type OpenedDocument } from '../src/shared/api'
import type { TextChange } from '../src/shared/lsp'
import { BackendError } from '../src/renderer/src/backend/backend'
import { DocumentSync } from '../src/renderer/src/editor/document-sync'
import { applyLspChanges, positionAt, toLspRange, type MonacoRangeLike } from '../src/renderer/src/editor/position'

type Listener = (e: { changes: { range: MonacoRangeLike; text: string }[]; isFlush: boolean; isEolChange: boolean }) => void

/** Just enough of ITextModel: text, version ids, content-change events in Monaco's order. */
class FakeModel {
  private listeners = new Set<Listener>()
  version = 1
  constructor(public text: string) {}
  getValue(): string {
    return this.text
  }
  getVersionId(): number {
    return this.version
  }
  getAlternativeVersionId(): number {
    return this.version
  }
  onDidChangeContent(l: Listener) {
    this.listeners.add(l)
    return { dispose: () => this.listeners.delete(l) }
  }
  /** Edits given as [start, end, text] offsets of the current text, applied at once (like multi-cursor typing). */
  edit(...edits: [number, number, string][]): void {
    const sorted = [...edits].sort((a, b) => b[0] - a[0])
    const changes = sorted.map(([s, e, text]) => {
      const a = positionAt(this.text, s)
      const b = positionAt(this.text, e)
      return { range: { startLineNumber: a.line + 1, startColumn: a.character + 1, endLineNumber: b.line + 1, endColumn: b.character + 1 }, text }
    })
    for (const [s, e, t] of sorted) this.text = this.text.slice(0, s) + t + this.text.slice(e)
    this.version++
    for (const l of this.listeners) l({ changes, isFlush: false, isEolChange: false })
  }
  pushEditOperations(_sel: unknown, ops: { range: MonacoRangeLike; text: string }[]): null {
    this.text = applyLspChanges(this.text, ops.map((o) => ({ range: toLspRange(o.range), text: o.text })))
    this.version++
    for (const l of this.listeners) l({ changes: ops, isFlush: false, isEolChange: false })
    return null
  }
}

/** The core's side: authoritative text, disk, and switches to make calls fail. */
class FakeCore {
  calls: { method: string; params: any }[] = []
  failNextChange = false
  conflictOnSave = false
  constructor(public text: string, public disk: string) {}
  call(method: string, params: any): Promise<any> {
    this.calls.push({ method, params })
    switch (method) {
      case 'doc.change':
        if (this.failNextChange) {
          this.failNextChange = false
          return Promise.reject(new BackendError(-32015, 'Connection to Lectern was lost; please retry.'))
        }
        assert.ok(params.changes.length > 0, 'never an empty change list')
        for (const c of params.changes as TextChange[]) assert.ok(c.range, 'always incremental')
        this.text = applyLspChanges(this.text, params.changes)
        return Promise.resolve({ version: this.calls.length })
      case 'doc.open':
        return Promise.resolve({ uri: 'file:///w/A.lean', path: '/w/A.lean', text: this.text, version: 1, dirty: this.text !== this.disk, readonly: false })
      case 'doc.save':
        if (this.conflictOnSave && !params.overwrite) return Promise.reject(new BackendError(LecternErrorCodes.SaveConflict, 'changed on disk'))
        this.disk = this.text
        return Promise.resolve({ mtimeMs: 1 })
      case 'doc.revert':
        this.text = this.disk
        return Promise.resolve({ uri: 'file:///w/A.lean', path: '/w/A.lean', text: this.disk, version: 9, dirty: false, readonly: false })
      case 'workspace.read':
        return Promise.resolve({ text: this.disk, readonly: false, mtimeMs: 2 })
      default:
        return Promise.reject(new Error(`unexpected ${method}`))
    }
  }
}

function setup(text = 'theorem a : 1 = 1 := by\n  rfl\n') {
  const core = new FakeCore(text, text)
  const model = new FakeModel(text)
  const opened: OpenedDocument = { uri: 'file:///w/A.lean', path: '/w/A.lean', text, version: 1, dirty: false, readonly: false }
  const backend = { call: (m: string, p: unknown) => core.call(m, p) } as any
  const sync = new DocumentSync(backend, model as any, opened)
  return { core, model, sync }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('DocumentSync', () => {
  it('sends each event at once, in order, as incremental changes; the core ends equal to the model', async () => {
    const { core, model, sync } = setup()
    model.edit([0, 0, '-- x\n'])
    model.edit([0, 0, 'a'], [5, 5, 'b'], [10, 12, ''])
    model.edit([3, 3, '\n'])
    const changeCalls = core.calls.filter((c) => c.method === 'doc.change')
    assert.equal(changeCalls.length, 3, 'one call per event, sent synchronously')
    await tick()
    assert.equal(core.text, model.text)
    assert.equal(sync.dirty, true)
  })

  it('is clean after a save and dirty after the next edit', async () => {
    const { core, model, sync } = setup()
    let events = 0
    sync.onDidChangeState(() => events++)
    model.edit([0, 0, 'x'])
    assert.equal(sync.dirty, true)
    assert.equal(await sync.save(), true)
    assert.equal(sync.dirty, false)
    assert.equal(core.disk, model.text)
    model.edit([0, 1, ''])
    assert.equal(sync.dirty, true)
    assert.ok(events >= 3)
  })

  it('a save conflict is reported, never overwritten; overwrite is explicit', async () => {
    const { core, model, sync } = setup()
    model.edit([0, 0, 'mine '])
    core.conflictOnSave = true
    assert.equal(await sync.save(), false)
    assert.equal(sync.conflict, 'save-conflict')
    assert.equal(sync.dirty, true)
    assert.notEqual(core.disk, model.text)
    assert.equal(await sync.save(true), true)
    assert.equal(sync.conflict, undefined)
    assert.equal(core.disk, model.text)
  })

  it('repairs a lost edit with one minimal change, including edits typed meanwhile', async () => {
    const { core, model } = setup()
    core.failNextChange = true
    model.edit([0, 0, 'lost '])
    await tick()
    model.edit([0, 0, 'later '])
    for (let i = 0; i < 5; i++) await tick()
    assert.equal(core.text, model.text)
    const last = core.calls.filter((c) => c.method === 'doc.change').pop()!
    assert.equal(last.params.changes.length, 1)
    assert.ok(last.params.changes[0].text.length < model.text.length, 'a minimal change, not the whole text')
  })

  it('ignores its own saves, reloads a clean buffer, and flags a dirty one', async () => {
    const { core, model, sync } = setup()
    model.edit([0, 0, 'x'])
    await sync.save()
    const before = core.calls.length
    await sync.handleDiskChange('changed')
    assert.equal(core.calls.length, before + 1, 'only workspace.read: the disk has our own save')
    assert.equal(sync.conflict, undefined)

    core.disk = 'theirs\n'
    const changesBefore = core.calls.filter((c) => c.method === 'doc.change').length
    await sync.handleDiskChange('changed')
    assert.equal(model.text, 'theirs\n')
    assert.equal(sync.dirty, false)
    assert.equal(core.calls.filter((c) => c.method === 'doc.change').length, changesBefore, 'a reload is not echoed back')

    model.edit([0, 0, 'mine '])
    core.disk = 'theirs again\n'
    await sync.handleDiskChange('changed')
    assert.equal(sync.conflict, 'changed-on-disk')
    assert.equal(model.text, 'mine theirs\n', 'the buffer is untouched')
    await sync.handleDiskChange('deleted')
    assert.equal(sync.conflict, 'deleted')
  })
})
