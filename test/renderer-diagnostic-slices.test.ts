// Thousands of diagnostics without long tasks: the slicer behind the editor's markers (a slice per task, a newer
// list restarts from the top, nothing an older list showed is left) and the infoview's outbox for
// diagnostics and progress.
import { strict as assert } from 'node:assert'
import { describe, it } from 'node:test'
import { SlicedApplier, type Scheduler } from '../src/renderer/src/editor/diagnostic-slices'
import { gutterWindow } from '../src/renderer/src/editor/gutter-window'
import { NotificationOutbox, stateKey } from '../src/renderer/src/infoview/notification-outbox'
import { DIAGNOSTICS, FILE_PROGRESS } from '../src/renderer/src/infoview/protocol'
import type { DiagnosticsPart } from '../src/renderer/src/infoview/protocol'
import { DiagnosticsParts } from '../src/shared/diagnostics-parts'

/** The editor as the slicer sees it: what each slice shows, and every call in order. */
function fakeEditor() {
  const slices = new Map<number, number[]>()
  const calls: string[] = []
  return {
    slices,
    calls,
    shown: () => [...slices.values()].flat().sort((x, y) => x - y),
    target: {
      set: (i: number, a: number[], b: string[]) => {
        calls.push(`set ${i}`)
        if (a.length) slices.set(i, a)
        else slices.delete(i)
        assert.equal(b.length, a.length)
      },
      clear: (i: number) => {
        calls.push(`clear ${i}`)
        slices.delete(i)
      },
    },
  }
}

/** Tasks run only when the test says so. */
function manualTasks() {
  const queue: (() => void)[] = []
  const schedule: Scheduler = (task) => {
    queue.push(task)
    return () => queue.splice(queue.indexOf(task) >>> 0, 1)
  }
  return { schedule, queue, runOne: () => queue.shift()?.(), runAll: () => { while (queue.length) queue.shift()?.() } }
}

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i)
const labels = (xs: number[]) => xs.map(String)

describe('diagnostics applied in slices', () => {
  it('applies a short list at once and a long one one slice per task, top first', () => {
    const ed = fakeEditor()
    const tasks = manualTasks()
    const s = new SlicedApplier(ed.target, 10, tasks.schedule)
    s.update(range(7), labels(range(7)))
    assert.deepEqual(ed.shown(), range(7))
    assert.equal(tasks.queue.length, 0)

    s.update(range(35), labels(range(35)))
    assert.deepEqual(ed.shown(), range(7), 'nothing of a long list in the task that delivered it')
    tasks.runOne()
    assert.deepEqual(ed.shown(), range(10))
    tasks.runOne()
    assert.deepEqual(ed.shown(), range(20))
    tasks.runAll()
    assert.deepEqual(ed.shown(), range(35))
    assert.equal(s.pending, false)
    assert.deepEqual(ed.calls.slice(1), ['set 0', 'set 1', 'set 2', 'set 3'])
  })

  it('a shorter list clears the slices a longer one filled', () => {
    const ed = fakeEditor()
    const tasks = manualTasks()
    const s = new SlicedApplier(ed.target, 10, tasks.schedule)
    s.update(range(45), labels(range(45)))
    tasks.runAll()
    s.update(range(12, 100), labels(range(12, 100)))
    tasks.runAll()
    assert.deepEqual(ed.shown(), range(12, 100))
    assert.deepEqual([...ed.slices.keys()].sort(), [0, 1])
  })

  it('a list cut short by a newer one leaves nothing behind (the newer one short or long)', () => {
    for (const newer of [3, 25]) {
      const ed = fakeEditor()
      const tasks = manualTasks()
      const s = new SlicedApplier(ed.target, 10, tasks.schedule)
      s.update(range(50), labels(range(50)))
      tasks.runOne()
      tasks.runOne()
      tasks.runOne()
      assert.deepEqual(ed.shown(), range(30), 'three slices of the old list are showing')
      s.update(range(newer, 1000), labels(range(newer, 1000)))
      tasks.runAll()
      assert.deepEqual(ed.shown(), range(newer, 1000), `after a newer list of ${newer}`)
      assert.equal(s.pending, false)
    }
  })

  it('after the first task (one slice), a task goes on to further slices while it is within its time budget', () => {
    const ed = fakeEditor()
    const tasks = manualTasks()
    let clock = 0
    const set = (i: number, a: number[], b: string[]) => ((clock += 5), ed.target.set(i, a, b))
    const s = new SlicedApplier({ ...ed.target, set }, 10, tasks.schedule, 12, () => clock)
    s.update(range(100), labels(range(100)))
    tasks.runOne()
    assert.deepEqual(ed.shown(), range(10), 'the first task of a list applies one slice')
    tasks.runOne()
    assert.deepEqual(ed.shown(), range(40), 'three slices of 5 ms fit a 12 ms budget (the third starts at 10 ms)')
    tasks.runAll()
    assert.deepEqual(ed.shown(), range(100))
  })

  it('an empty list clears everything; dispose stops the slicing and says what may still show', () => {
    const ed = fakeEditor()
    const tasks = manualTasks()
    const s = new SlicedApplier(ed.target, 10, tasks.schedule)
    s.update(range(30), labels(range(30)))
    tasks.runAll()
    s.update([], [])
    assert.deepEqual(ed.shown(), [])
    s.update(range(30), labels(range(30)))
    tasks.runOne()
    assert.equal(s.dispose(), 1)
    assert.equal(tasks.queue.length, 0, 'the next slice is cancelled')
  })
})

const lint = (i: number) => ({ range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } }, severity: 2 as const, message: `lint ${i}` })

describe('diagnostics and progress for the infoview frame', () => {
  const diag = (uri: string, n: number) => ({ uri, diagnostics: [], n })
  const push = (o: NotificationOutbox, method: string, params: unknown) => o.push(stateKey(method, params) as string, method, params)

  it('leave in a task of their own, the latest per file and kind, and before anything sent after them', () => {
    const tasks = manualTasks()
    const sent: unknown[] = []
    const outbox = new NotificationOutbox({ notification: (method, p) => sent.push([method, (p as { n: number }).n]), diagnosticsPart: () => assert.fail('no long list here') }, tasks.schedule)
    push(outbox, DIAGNOSTICS, diag('a', 1))
    push(outbox, FILE_PROGRESS, { textDocument: { uri: 'a' }, processing: [], n: 1 })
    push(outbox, DIAGNOSTICS, diag('b', 1))
    push(outbox, DIAGNOSTICS, diag('a', 2))
    assert.equal(sent.length, 0, 'nothing in the task that received them')
    tasks.runAll()
    assert.deepEqual(sent.slice(), [[FILE_PROGRESS, 1], [DIAGNOSTICS, 1], [DIAGNOSTICS, 2]])

    push(outbox, DIAGNOSTICS, diag('a', 3))
    outbox.flush() // what the panel does before sending anything else to the frame
    sent.push('cursor moved')
    tasks.runAll()
    assert.deepEqual(sent.slice(3), [[DIAGNOSTICS, 3], 'cursor moved'])

    push(outbox, DIAGNOSTICS, diag('a', 4))
    outbox.clear()
    tasks.runAll()
    assert.equal(sent.length, 5, 'a frame that restarted gets nothing meant for the old one')
  })

  it('send a long list in parts, one per task, joined whole in the frame; a newer list or a flush cuts in', () => {
    const tasks = manualTasks()
    const sent: string[] = []
    const frame = new DiagnosticsParts<DiagnosticsPart>()
    const received: { uri: string; messages: string[] }[] = []
    const outbox = new NotificationOutbox(
      {
        notification: (method, p) => sent.push(`${method === DIAGNOSTICS ? 'whole' : 'progress'} ${(p as DiagnosticsPart).diagnostics?.length ?? ''}`),
        diagnosticsPart: (p) => {
          sent.push(`part ${p.part.index}/${p.part.count}`)
          const whole = frame.accept(p)
          if (whole) received.push({ uri: whole.uri, messages: whole.diagnostics.map((d) => d.message) })
        },
      },
      tasks.schedule,
      10,
    )
    const list = (n: number, uri = 'a') => ({ uri, version: n, diagnostics: Array.from({ length: n }, (_, i) => lint(i)) })
    push(outbox, DIAGNOSTICS, list(25))
    push(outbox, FILE_PROGRESS, { textDocument: { uri: 'a' }, processing: [] })
    tasks.runOne()
    assert.deepEqual(sent.splice(0), ['part 0/3', 'progress '], 'the first part and the short one in the first task')
    tasks.runAll()
    assert.deepEqual(sent.splice(0), ['part 1/3', 'part 2/3'], 'then one part per task')
    const messages = (n: number) => list(n).diagnostics.map((d) => d.message)
    assert.deepEqual(received.splice(0), [{ uri: 'a', messages: messages(25) }], 'the whole list, in order')

    push(outbox, DIAGNOSTICS, list(30))
    tasks.runOne()
    push(outbox, DIAGNOSTICS, list(3))
    tasks.runAll()
    assert.deepEqual(sent.splice(0), ['part 0/3', 'whole 3'], 'a newer list replaces the rest of an older one')
    assert.deepEqual(received.splice(0), [])

    push(outbox, DIAGNOSTICS, list(21))
    tasks.runOne()
    outbox.flush()
    assert.deepEqual(sent.splice(0), ['part 0/3', 'part 1/3', 'part 2/3'], 'a flush sends every part left, in order')
    assert.deepEqual(received.splice(0), [{ uri: 'a', messages: messages(21) }])
    assert.equal(tasks.queue.length, 0)
  })

  it('holds only per-file state: other notifications and malformed ones are sent as they come', () => {
    assert.equal(stateKey('$/lean/ileanInfoUpdate', { textDocument: { uri: 'a' } }), undefined)
    assert.equal(stateKey(DIAGNOSTICS, { uri: 42 }), undefined)
    assert.equal(stateKey(FILE_PROGRESS, null), undefined)
    assert.notEqual(stateKey(DIAGNOSTICS, { uri: 'a' }), stateKey(FILE_PROGRESS, { textDocument: { uri: 'a' } }))
  })
})

describe('the lines that get gutter icons', () => {
  it('the visible lines and a margin each side, from the first line at most', () => {
    assert.deepEqual(gutterWindow([{ start: 1000, end: 1040 }], undefined, 200), { start: 800, end: 1240 })
    assert.deepEqual(gutterWindow([{ start: 50, end: 90 }], undefined, 200), { start: 1, end: 290 })
    assert.equal(gutterWindow([], { start: 1, end: 290 }, 200), undefined)
  })

  it('kept while scrolling stays half a margin inside it, moved before the edge is reached', () => {
    const current = { start: 800, end: 1240 }
    assert.equal(gutterWindow([{ start: 1090, end: 1130 }], current, 200), current)
    assert.equal(gutterWindow([{ start: 900, end: 940 }], current, 200), current)
    assert.deepEqual(gutterWindow([{ start: 1101, end: 1141 }], current, 200), { start: 901, end: 1341 })
    assert.deepEqual(gutterWindow([{ start: 899, end: 939 }], current, 200), { start: 699, end: 1139 })
    // At the top of the file the window is never left upwards.
    const top = { start: 1, end: 240 }
    assert.equal(gutterWindow([{ start: 1, end: 40 }], top, 200), top)
  })

  it('two editors on the same file: one window over both', () => {
    assert.deepEqual(gutterWindow([{ start: 300, end: 340 }, { start: 700, end: 740 }], undefined, 200), { start: 100, end: 940 })
  })
})
