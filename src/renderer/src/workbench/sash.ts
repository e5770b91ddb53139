// A draggable divider that resizes one neighbouring part by setting a CSS custom property on the workbench.
import { DisposableStore, type Disposable, listen } from './disposables'

export interface SashOptions {
  /** 'vertical' divides columns (drag left/right), 'horizontal' divides rows (drag up/down). */
  orientation: 'vertical' | 'horizontal'
  /** Element whose size the sash drives, and the custom property holding that size in px. */
  target: HTMLElement
  property: string
  root: HTMLElement
  /** +1 when dragging right/down grows the target, -1 when it shrinks it. */
  direction: 1 | -1
  min: number
  max: () => number
}

export function createSash(sash: HTMLElement, options: SashOptions): Disposable {
  const disposables = new DisposableStore()
  let drag: { start: number; size: number; moves: DisposableStore } | undefined

  const endDrag = () => {
    drag?.moves.dispose()
    drag = undefined
    options.root.classList.remove('lx-dragging')
  }
  disposables.add(
    listen(sash, 'pointerdown', (ev) => {
      ev.preventDefault()
      const rect = options.target.getBoundingClientRect()
      const moves = new DisposableStore()
      drag = {
        start: options.orientation === 'vertical' ? ev.clientX : ev.clientY,
        size: options.orientation === 'vertical' ? rect.width : rect.height,
        moves,
      }
      options.root.classList.add('lx-dragging')
      moves.add(
        listen(window, 'pointermove', (move) => {
          if (!drag) return
          const pos = options.orientation === 'vertical' ? move.clientX : move.clientY
          const size = Math.max(options.min, Math.min(options.max(), drag.size + options.direction * (pos - drag.start)))
          options.root.style.setProperty(options.property, `${Math.round(size)}px`)
        }),
      )
      moves.add(listen(window, 'pointerup', endDrag))
      moves.add(listen(window, 'blur', endDrag))
    }),
  )
  disposables.add({ dispose: endDrag })
  return disposables
}
