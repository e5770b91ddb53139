// Renderer entry, kept small: it runs as soon as it is fetched, while the browser still fetches and compiles the
// workbench's chunk (Monaco and all; most of a second on two cores, with the page's thread otherwise idle), so the
// socket's handshake, the first answers and the first files (early-start.ts) fit in that gap instead of following it.
// The chunk itself is fetched from the start (index.html preloads it: build/preload-dynamic-entry.ts).
// Nothing here may import Monaco or the workbench.
import { firstAnswers } from './early-start'
import './fonts/load'
import './styles/base.css'
import './styles/workbench.css'
import './styles/parts.css'
import './styles/editor.css'
import './styles/overlays.css'
import './workbench/features/tasks/tasks.css'

import('./workbench-main')
  .then(({ startWorkbench }) => startWorkbench(firstAnswers))
  .catch((err) => {
    console.error('Lectern failed to start', err)
    const app = document.getElementById('app')
    const message = document.createElement('pre')
    message.className = 'lx-fatal'
    message.textContent = `Lectern failed to start:\n${(err as Error)?.stack ?? String(err)}`
    app?.append(message)
  })
