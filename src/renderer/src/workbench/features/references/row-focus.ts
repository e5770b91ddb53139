// Up/Down between the rows of a panel list (References, the hierarchies), as in VS Code's trees.

/** Moves focus to the row above or below the focused one; true when the key was one of those. */
export function moveRowFocus(list: HTMLElement, rowSelector: string, ev: KeyboardEvent): boolean {
  if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') return false
  const rows = [...list.querySelectorAll<HTMLElement>(rowSelector)]
  const at = rows.findIndex((r) => r.contains(ev.target as Node))
  const next = ev.key === 'ArrowDown' ? at + 1 : at < 0 ? 0 : at - 1
  rows[Math.max(0, Math.min(rows.length - 1, next))]?.focus()
  ev.preventDefault()
  return true
}
