// The Output panel: the raw output of a task (Lake, elan), streamed as it comes, the exact command first.
// A picker chooses the task; it follows the newest task unless the user picked another.
import { DisposableStore, type Disposable, listen } from '../../disposables'
import { button, h } from '../../dom'
import type { TaskRecord, TaskStore } from './task-store'

const STATE_LABEL = { running: 'running', done: 'done', failed: 'failed', cancelled: 'cancelled' } as const

export class OutputPanel implements Disposable {
  private readonly disposables = new DisposableStore()
  private readonly picker = h('select', { class: 'lx-output-picker', attrs: { 'aria-label': 'Task output to show' } })
  private readonly text = h('pre', { class: 'lx-output-text', attrs: { tabindex: '0', 'data-testid': 'output-text' } })
  private readonly state = h('span', { class: 'lx-output-state', attrs: { 'data-testid': 'output-state' } })
  private shown: string | undefined
  private pinned = false
  private frame: number | undefined

  constructor(
    container: HTMLElement,
    private readonly store: TaskStore,
    close: () => void,
  ) {
    const header = h('div', { class: 'lx-panel-header' }, [
      this.picker,
      this.state,
      h('span', { class: 'lx-spacer' }),
      button('×', () => close(), { title: 'Close panel' }),
    ])
    container.replaceChildren(header, this.text)
    this.disposables.add(store.onDidChange((record) => this.onChange(record)))
    this.disposables.add(
      listen(this.picker, 'change', () => {
        this.pinned = true
        this.show(this.picker.value)
      }),
    )
    this.disposables.add({ dispose: () => this.frame !== undefined && cancelAnimationFrame(this.frame) })
    this.render()
  }

  /** Shows a task's output (and stops following newer tasks until the user picks again). */
  show(id: string | undefined): void {
    this.shown = id
    this.render()
  }

  follow(id: string): void {
    this.pinned = false
    this.show(id)
  }

  private onChange(record: TaskRecord): void {
    // A new task takes the panel over unless the user chose one to read.
    if (!this.pinned && record.event.state === 'running' && record.event.id !== this.shown) this.shown = record.event.id
    if (this.frame !== undefined) return
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined
      this.render()
    })
  }

  private render(): void {
    const all = this.store.all()
    this.shown ??= this.store.current()?.event.id
    const options = all.map((r) => h('option', { text: `${r.event.title} — ${r.event.project.split(/[\\/]/).pop()}`, attrs: { value: r.event.id } }))
    if (options.length === 0) options.push(h('option', { text: 'No tasks yet', attrs: { value: '' } }))
    this.picker.replaceChildren(...options)
    this.picker.value = this.shown ?? ''
    const record = this.shown ? this.store.get(this.shown) : undefined
    this.state.textContent = record ? STATE_LABEL[record.event.state] : ''
    this.state.dataset.state = record?.event.state ?? ''
    const atBottom = this.text.scrollTop + this.text.clientHeight >= this.text.scrollHeight - 4
    this.text.textContent = record ? record.lines.join('\n') : 'Build, fetch the Mathlib cache or update dependencies from the command palette; their output shows here.'
    if (atBottom) this.text.scrollTop = this.text.scrollHeight
  }

  dispose(): void {
    this.disposables.dispose()
  }
}
