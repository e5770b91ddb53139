// Modal dialogs: a choice ("Save / Don't Save / Cancel"), a one-line input (New File…) and a read-only text
// view (setup report, server log) whose text can be selected and copied even where the clipboard API is unavailable.
import { DisposableStore, listen } from './disposables'
import { button, h } from './dom'

export interface DialogButton<T extends string> {
  id: T
  label: string
  primary?: boolean
}

export interface TextDialogOptions {
  title: string
  text: string
  /** A line above the text, e.g. "Copied to the clipboard." */
  note?: string
}

export interface PromptOptions {
  title: string
  message: string
  value?: string
  okLabel?: string
  submit: (value: string) => Promise<string | undefined>
}

export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

export class Dialogs {
  private openCount = 0

  constructor(private readonly host: HTMLElement) {}

  get isOpen(): boolean {
    return this.openCount > 0
  }

  /** A modal with any body (forms such as New Project); `actions` builds the buttons; Escape resolves `cancelValue`. */
  present<T>(title: string, body: HTMLElement[], actions: (close: (v: T) => void) => HTMLElement[], cancelValue: T): Promise<T> {
    return new Promise<T>((resolve) => {
      const disposables = new DisposableStore()
      const previousFocus = document.activeElement
      this.openCount++
      const close = (value: T) => {
        if (disposables.isDisposed) return
        disposables.dispose()
        this.openCount--
        if (previousFocus instanceof HTMLElement) previousFocus.focus()
        resolve(value)
      }
      const buttons = actions(close)
      const dialog = h('div', { class: 'lx-dialog', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': title } }, [
        h('div', { class: 'lx-dialog-title', text: title }),
        ...body,
        h('div', { class: 'lx-dialog-actions' }, buttons),
      ])
      const backdrop = h('div', { class: 'lx-dialog-backdrop' }, [dialog])
      this.host.append(backdrop)
      disposables.add({ dispose: () => backdrop.remove() })
      disposables.add(
        listen(backdrop, 'keydown', (ev) => {
          if (ev.key === 'Escape') {
            ev.preventDefault()
            ev.stopPropagation()
            close(cancelValue)
          }
        }),
      )
      ;(buttons.find((b) => b.classList.contains('lx-button-primary')) ?? buttons[0])?.focus()
    })
  }

  /** Asks the user to pick one of `buttons`; Escape picks `cancel`. */
  choose<T extends string>(title: string, message: string, buttons: DialogButton<T>[], cancel: T): Promise<T> {
    return this.present<T>(
      title,
      [h('p', { class: 'lx-dialog-message', text: message })],
      (close) => buttons.map((b) => button(b.label, () => close(b.id), { primary: b.primary })),
      cancel,
    )
  }

  /**
   * Asks for one line of text. `submit` returns an error to show (the dialog stays open, the text kept) or
   * undefined when done. Resolves true once submitted, false on Cancel / Escape.
   */
  prompt(options: PromptOptions): Promise<boolean> {
    const input = h('input', { class: 'lx-dialog-input', attrs: { type: 'text', spellcheck: 'false', 'aria-label': options.title } })
    input.value = options.value ?? ''
    const error = h('p', { class: 'lx-dialog-error', attrs: { role: 'alert' } })
    error.hidden = true
    let busy = false
    return this.present<boolean>(
      options.title,
      [h('p', { class: 'lx-dialog-message', text: options.message }), input, error],
      (close) => {
        const submit = async () => {
          if (busy) return
          busy = true
          const problem = await options.submit(input.value).catch((err: unknown) => (err as Error)?.message ?? String(err))
          busy = false
          if (problem === undefined) return close(true)
          error.textContent = problem
          error.hidden = false
          input.focus()
        }
        input.addEventListener('keydown', (ev) => {
          if (ev.key !== 'Enter') return
          ev.preventDefault()
          void submit()
        })
        // Focus lands on the input, the cursor at the end (after a prefilled folder).
        queueMicrotask(() => {
          input.focus()
          input.setSelectionRange(input.value.length, input.value.length)
        })
        return [button(options.okLabel ?? 'OK', () => void submit(), { primary: true }), button('Cancel', () => close(false))]
      },
      false,
    )
  }

  /** Shows text in a selectable <pre>, with a Copy button. */
  showText(options: TextDialogOptions): Promise<void> {
    const pre = h('pre', { class: 'lx-dialog-text', text: options.text, attrs: { tabindex: '0' } })
    const note = h('p', { class: 'lx-dialog-note', text: options.note ?? '' })
    note.hidden = !options.note
    return this.present<void>(
      options.title,
      [note, pre],
      (close) => [
        button('Copy', () => {
          void copyToClipboard(options.text).then((ok) => {
            note.hidden = false
            note.textContent = ok ? 'Copied to the clipboard.' : 'The clipboard is not available here: select the text below and copy it.'
            if (!ok) {
              const range = document.createRange()
              range.selectNodeContents(pre)
              window.getSelection()?.removeAllRanges()
              window.getSelection()?.addRange(range)
            }
          })
        }),
        button('Close', () => close(undefined), { primary: true }),
      ],
      undefined,
    )
  }
}
