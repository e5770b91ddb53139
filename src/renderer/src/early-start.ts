// Imported first by main.ts, so it runs before Monaco's and the workbench's modules are evaluated (most of a second
// on two cores): the socket's handshake happens during that evaluation instead of after it, and the first calls go
// out the moment it ends. Nothing here may import Monaco or the workbench.
import { type Backend, createBackend } from './backend'
import type { ApiResult } from '../../shared/api'

export interface FirstAnswers {
  backend: Backend
  info: Promise<ApiResult<'app.info'>>
  settings: Promise<ApiResult<'settings.get'>>
  session: Promise<ApiResult<'workspace.session'>>
}

async function start(): Promise<FirstAnswers> {
  const backend = await createBackend()
  // None needs another's answer, so they go out together: one round trip, not three.
  const answers = {
    backend,
    info: backend.call('app.info', {}),
    settings: backend.call('settings.get', {}),
    session: backend.call('workspace.session', {}),
  }
  // Whoever awaits them reports their failures; until then they must not count as unhandled.
  for (const p of [answers.info, answers.settings, answers.session]) p.catch(() => undefined)
  return answers
}

export const firstAnswers: Promise<FirstAnswers> = start()
