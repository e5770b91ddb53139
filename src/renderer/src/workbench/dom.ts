// A tiny element builder so views stay declarative without a framework. Text goes in as textContent only:
// nothing from the core or from Lean is ever parsed as HTML.

export interface ElementProps {
  class?: string
  text?: string
  title?: string
  attrs?: Record<string, string>
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: (Node | string | null | undefined)[] = [],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  if (props.class) el.className = props.class
  if (props.text !== undefined) el.textContent = props.text
  if (props.title) el.title = props.title
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) el.setAttribute(name, value)
  for (const child of children) {
    if (child === null || child === undefined) continue
    el.append(child)
  }
  return el
}

/** A codicon glyph (Monaco ships the font and generates the icon classes once an editor exists). */
export function icon(name: string, extraClass = ''): HTMLElement {
  return h('span', { class: `codicon codicon-${name} ${extraClass}`.trim(), attrs: { 'aria-hidden': 'true' } })
}

export function button(label: string, onClick: () => void, options: { primary?: boolean; title?: string } = {}): HTMLButtonElement {
  const el = h('button', {
    class: options.primary ? 'lx-button lx-button-primary' : 'lx-button',
    text: label,
    title: options.title,
    attrs: { type: 'button' },
  })
  el.addEventListener('click', (ev) => {
    ev.stopPropagation()
    onClick()
  })
  return el
}

export function clear(el: HTMLElement): void {
  el.replaceChildren()
}

/** A codicon-only button; `label` is its tooltip and accessible name. */
export function iconButton(name: string, label: string, onClick: () => void): HTMLButtonElement {
  const el = h('button', { class: 'lx-icon-button', title: label, attrs: { type: 'button', 'aria-label': label } }, [icon(name)])
  el.addEventListener('click', (ev) => {
    ev.stopPropagation()
    onClick()
  })
  return el
}
