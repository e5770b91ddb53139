// The running task in the status bar: spinner, title, a progress bar when Lake gives [n/m] counts, a Cancel
// button that ends the task's process group. After the task ends its outcome stays until dismissed or replaced.
import { DisposableStore, type Disposable, listen } from '../../disposables'
import { h, icon } from '../../dom'
import { progressText, type TaskStore } from './task-store'

export interface TaskStatusActions {
  cancel(id: string): void
  showOutput(id: string): void
}

export class TaskStatusItem implements Disposable {
  private readonly disposables = new DisposableStore()
  readonly element = h('div', { class: 'lx-status-item lx-task-status', attrs: { 'data-testid': 'task-status', role: 'group', 'aria-label': 'Task' } })
  private readonly label = h('button', { class: 'lx-status-item lx-task-label', attrs: { type: 'button' } })
  private readonly bar = h('div', { class: 'lx-task-bar', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' } })
  private readonly fill = h('div', { class: 'lx-task-bar-fill' })
  private readonly cancelButton = h('button', { class: 'lx-status-item lx-task-cancel', title: 'Cancel task', attrs: { type: 'button', 'aria-label': 'Cancel task' } }, [icon('close')])
  private readonly dismissButton = h('button', { class: 'lx-status-item lx-task-cancel', title: 'Dismiss', attrs: { type: 'button', 'aria-label': 'Dismiss' } }, [icon('close')])
  private shownId: string | undefined
  private dismissed = new Set<string>()

  constructor(
    private readonly store: TaskStore,
    private readonly actions: TaskStatusActions,
  ) {
    this.bar.append(this.fill)
    this.element.append(this.label, this.bar, this.cancelButton, this.dismissButton)
    this.disposables.add(store.onDidChange(() => this.render()))
    this.disposables.add(listen(this.label, 'click', () => this.shownId && actions.showOutput(this.shownId)))
    this.disposables.add(listen(this.cancelButton, 'click', () => this.shownId && actions.cancel(this.shownId)))
    this.disposables.add(
      listen(this.dismissButton, 'click', () => {
        if (this.shownId) this.dismissed.add(this.shownId)
        this.render()
      }),
    )
    this.disposables.add({ dispose: () => this.element.remove() })
    this.render()
  }

  private render(): void {
    const record = this.store.current()
    const event = record && !this.dismissed.has(record.event.id) ? record.event : undefined
    this.shownId = event?.id
    this.element.hidden = !event
    if (!event) return
    const running = event.state === 'running'
    const { text, percent } = progressText(event)
    const glyph = running ? icon('sync', 'codicon-modifier-spin') : icon(event.state === 'done' ? 'check' : event.state === 'cancelled' ? 'circle-slash' : 'error')
    this.label.replaceChildren(glyph, h('span', { text: ` ${event.title}${running ? '' : ` — ${event.state}`}` }))
    this.label.title = `${text}\n\n${event.command}\nClick to show the output.`
    this.element.dataset.state = event.state
    this.bar.hidden = !running || percent === undefined
    this.fill.style.width = `${percent ?? 0}%`
    this.bar.setAttribute('aria-valuenow', String(percent ?? 0))
    this.bar.title = text
    this.cancelButton.hidden = !running
    this.dismissButton.hidden = running
  }

  dispose(): void {
    this.disposables.dispose()
  }
}
