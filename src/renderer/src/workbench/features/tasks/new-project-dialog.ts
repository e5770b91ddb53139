// New Project…: name, location and one of Lake's templates. The core checks the input with Lake's own rules and
// answers bad input in one sentence, shown in the dialog with everything typed kept.
import { PROJECT_TEMPLATES, type NewProjectDefaults, type ProjectTemplate } from '../../../../../shared/api'
import type { TaskEvent } from '../../../../../shared/channels'
import type { Dialogs } from '../../dialogs'
import { button, h } from '../../dom'

const TEMPLATE_LABELS: Record<ProjectTemplate, string> = {
  std: 'std — library and executable (Lake\'s default)',
  exe: 'exe — an executable only',
  lib: 'lib — a library only',
  math: 'math — a library depending on Mathlib',
}

export interface NewProjectRequest {
  name: string
  location: string
  template: ProjectTemplate
}

/** Shows the form; `submit` starts `lake new` and returns the task, or throws with the sentence to show. */
export function showNewProjectDialog(
  dialogs: Dialogs,
  defaults: NewProjectDefaults,
  submit: (request: NewProjectRequest) => Promise<TaskEvent>,
): Promise<TaskEvent | undefined> {
  const field = (label: string, control: HTMLElement) => h('label', { class: 'lx-form-field' }, [h('span', { text: label }), control])
  const name = h('input', { class: 'lx-dialog-input', attrs: { type: 'text', spellcheck: 'false', 'data-testid': 'new-project-name' } })
  const location = h('input', { class: 'lx-dialog-input', attrs: { type: 'text', spellcheck: 'false', 'data-testid': 'new-project-location' } })
  location.value = defaults.location
  const template = h('select', { class: 'lx-dialog-input', attrs: { 'data-testid': 'new-project-template' } }, PROJECT_TEMPLATES.map((t) => h('option', { text: TEMPLATE_LABELS[t], attrs: { value: t } })))
  const toolchain = h('p', {
    class: 'lx-dialog-note',
    text: defaults.toolchain ? `The project will use ${defaults.toolchain}, a toolchain you have installed.` : `No installed toolchain was found; Lake's own default is used. ${defaults.elan ?? ''}`,
  })
  const error = h('p', { class: 'lx-dialog-error', attrs: { role: 'alert', 'data-testid': 'new-project-error' } })
  error.hidden = true
  let busy = false
  return dialogs.present<TaskEvent | undefined>(
    'New Lean Project',
    [field('Name', name), field('Location (the project is created in a new folder here)', location), field('Template', template), toolchain, error],
    (close) => {
      const create = async () => {
        if (busy) return
        busy = true
        try {
          close(await submit({ name: name.value, location: location.value.trim(), template: template.value as ProjectTemplate }))
        } catch (err) {
          error.textContent = (err as Error)?.message ?? String(err)
          error.hidden = false
          name.focus()
        } finally {
          busy = false
        }
      }
      for (const input of [name, location]) {
        input.addEventListener('keydown', (ev) => {
          if (ev.key !== 'Enter') return
          ev.preventDefault()
          void create()
        })
      }
      queueMicrotask(() => name.focus())
      return [button('Create', () => void create(), { primary: true }), button('Cancel', () => close(undefined))]
    },
    undefined,
  )
}
