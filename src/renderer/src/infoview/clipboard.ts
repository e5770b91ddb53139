// Clipboard writes for the infoview (the sandboxed frame has no clipboard access of its own).

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
    return
  } catch {
    // Not focused or not permitted: fall back to a selected textarea and the copy command.
  }
  const previous = document.activeElement as HTMLElement | null
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.top = '-1000px'
  area.style.opacity = '0'
  document.body.appendChild(area)
  try {
    area.select()
    if (!document.execCommand('copy')) throw new Error('The clipboard is not available.')
  } finally {
    area.remove()
    previous?.focus?.()
  }
}
