// Starts the infoview panel in the layout's infoview column. A failure to start is shown there, not thrown: the
// editor stays usable without it.
import { createInfoviewPanel, type InfoviewHostEnv, type InfoviewPanel } from '../infoview/panel'
import type { WorkbenchLayout } from './layout'

export function startInfoview(layout: WorkbenchLayout, env: InfoviewHostEnv): InfoviewPanel | undefined {
  const container = document.createElement('div')
  container.className = 'lx-infoview-container'
  layout.infoview.append(container)
  try {
    return createInfoviewPanel(container, env)
  } catch (err) {
    console.error('The infoview failed to start', err)
    container.textContent = 'The infoview failed to start; see the developer console.'
    return undefined
  }
}
