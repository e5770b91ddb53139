// A small settings form (theme, font size, unicode input, server options). Each field saves on change.
import type { Settings } from '../../../shared/api'
import { DisposableStore, listen } from './disposables'
import { button, h } from './dom'
import type { SettingsService } from './settings'
import { THEME_SETTINGS } from './features/theme/color-theme'

type Field =
  | { key: keyof Settings; label: string; kind: 'checkbox'; default: boolean }
  | { key: keyof Settings; label: string; kind: 'text'; placeholder?: string }
  | { key: keyof Settings; label: string; kind: 'number'; min: number; max: number; default: number }
  | { key: keyof Settings; label: string; kind: 'select'; options: string[]; default: string }
  | { key: keyof Settings; label: string; kind: 'json'; placeholder: string }

const FIELDS: Field[] = [
  { key: 'theme', label: 'Color theme', kind: 'select', options: [...THEME_SETTINGS], default: 'system' },
  { key: 'fontSize', label: 'Editor font size', kind: 'number', min: 6, max: 72, default: 14 },
  { key: 'input.enabled', label: 'Unicode input (\\alpha → α)', kind: 'checkbox', default: true },
  { key: 'input.leader', label: 'Unicode input leader', kind: 'text', placeholder: '\\' },
  { key: 'input.eagerReplacementEnabled', label: 'Replace abbreviations eagerly', kind: 'checkbox', default: true },
  { key: 'input.customTranslations', label: 'Custom abbreviations (JSON object)', kind: 'json', placeholder: '{ "foo": "☺" }' },
  { key: 'automaticallyBuildDependencies', label: 'Build dependencies automatically when opening a file', kind: 'checkbox', default: false },
  { key: 'logLspMessages', label: 'Keep an LSP message log (for Show Server Log)', kind: 'checkbox', default: false },
  { key: 'leanServerCommand', label: 'Lean server command (empty: lake serve / lean --server)', kind: 'text', placeholder: 'lake serve --' },
]

export function showSettingsDialog(host: HTMLElement, settings: SettingsService, onError: (err: unknown) => void): void {
  const disposables = new DisposableStore()
  const previousFocus = document.activeElement
  const current = settings.current as Record<string, unknown>
  const save = (patch: Partial<Settings>) => settings.update(patch).catch(onError)

  const rows = FIELDS.map((field) => {
    const id = `lx-setting-${field.key.replace(/\W/g, '-')}`
    let input: HTMLInputElement | HTMLSelectElement
    if (field.kind === 'select') {
      input = h('select', { attrs: { id } }, field.options.map((o) => h('option', { text: o, attrs: { value: o } })))
      input.value = String(current[field.key] ?? field.default)
      disposables.add(listen(input, 'change', () => void save({ [field.key]: input.value })))
    } else if (field.kind === 'checkbox') {
      const box = h('input', { attrs: { id, type: 'checkbox' } })
      box.checked = (current[field.key] as boolean | undefined) ?? field.default
      disposables.add(listen(box, 'change', () => void save({ [field.key]: box.checked })))
      input = box
    } else if (field.kind === 'number') {
      const num = h('input', { attrs: { id, type: 'number', min: String(field.min), max: String(field.max) } })
      num.value = String(current[field.key] ?? field.default)
      disposables.add(
        listen(num, 'change', () => {
          const value = Number(num.value)
          if (Number.isFinite(value) && value >= field.min && value <= field.max) void save({ [field.key]: value })
        }),
      )
      input = num
    } else if (field.kind === 'json') {
      input = jsonObjectField(id, field.placeholder, current[field.key], (value) => void save({ [field.key]: value }), disposables)
    } else {
      const text = h('input', { attrs: { id, type: 'text', placeholder: field.placeholder ?? '', spellcheck: 'false' } })
      text.value = String(current[field.key] ?? '')
      disposables.add(listen(text, 'change', () => void save({ [field.key]: text.value.trim() || undefined })))
      input = text
    }
    return h('div', { class: `lx-setting lx-setting-${field.kind}` }, [h('label', { text: field.label, attrs: { for: id } }), input])
  })

  const close = () => {
    disposables.dispose()
    if (previousFocus instanceof HTMLElement) previousFocus.focus()
  }
  const dialog = h('div', { class: 'lx-dialog lx-settings', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Settings' } }, [
    h('div', { class: 'lx-dialog-title', text: 'Settings' }),
    ...rows,
    h('div', { class: 'lx-dialog-actions' }, [button('Close', close, { primary: true })]),
  ])
  const backdrop = h('div', { class: 'lx-dialog-backdrop' }, [dialog])
  host.append(backdrop)
  disposables.add({ dispose: () => backdrop.remove() })
  disposables.add(
    listen(backdrop, 'keydown', (ev) => {
      if (ev.key !== 'Escape') return
      ev.preventDefault()
      ev.stopPropagation()
      close()
    }),
  )
  ;(rows[0]?.querySelector('select, input') as HTMLElement | null)?.focus()
}

/** A one-line JSON object editor: saved only when it parses to an object of strings; otherwise marked invalid. */
function jsonObjectField(
  id: string,
  placeholder: string,
  value: unknown,
  onValid: (value: Record<string, string> | undefined) => void,
  disposables: DisposableStore,
): HTMLInputElement {
  const input = h('input', { attrs: { id, type: 'text', placeholder, spellcheck: 'false' } })
  input.value = value && typeof value === 'object' ? JSON.stringify(value) : ''
  disposables.add(
    listen(input, 'change', () => {
      const text = input.value.trim()
      if (!text) return onValid(undefined)
      try {
        const parsed: unknown = JSON.parse(text)
        const ok = !!parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string')
        input.setCustomValidity(ok ? '' : 'Expected an object mapping abbreviations to text')
        if (ok) onValid(parsed as Record<string, string>)
      } catch (err) {
        input.setCustomValidity(`Not valid JSON: ${(err as Error).message}`)
      }
      input.reportValidity()
    }),
  )
  return input
}
