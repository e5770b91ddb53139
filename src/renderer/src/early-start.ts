// Started by main.ts, the renderer's small entry, before the workbench's chunk (Monaco and all) has even been fetched
// and compiled: the socket's handshake and the first answers happen while the page's thread would otherwise wait
// for that chunk. Nothing here may import Monaco or the workbench.
import { type Backend, createBackend } from './backend'
import { HeldSubscription } from './backend/held-subscription'
import type { ApiResult, OpenedDocument } from '../../shared/api'
import type { FileEvent } from '../../shared/channels'
import { startFiles } from './workbench/session-files'

/** The first files' documents, by path, asked for before the workbench exists (each answer still to be claimed). */
export type OpenedAhead = ReadonlyMap<string, Promise<OpenedDocument>>

export interface FirstAnswers {
  backend: Backend
  info: Promise<ApiResult<'app.info'>>
  settings: Promise<ApiResult<'settings.get'>>
  session: Promise<ApiResult<'workspace.session'>>
  /** Changes on disk since before the first documents were read; the workbench attaches to it. */
  fileEvents: HeldSubscription<FileEvent>
  /** The session's files and the launch files, asked for as soon as the first answers name them. */
  openedAhead: Promise<OpenedAhead>
}

async function start(): Promise<FirstAnswers> {
  const backend = await createBackend()
  const fileEvents = new HeldSubscription<FileEvent>((listener) => backend.subscribe('files', {}, listener))
  // None needs another's answer, so they go out together: one round trip, not three.
  const info = backend.call('app.info', {})
  const settings = backend.call('settings.get', {})
  const session = backend.call('workspace.session', {})
  // Whoever awaits them reports their failures; until then they must not count as unhandled.
  for (const p of [info, settings, session]) p.catch(() => undefined)
  // The documents are read while Monaco and the workbench are still being built, so the first tab does not wait for
  // its own round trip after that (the restore reports any failure when it claims the answer).
  const openedAhead = Promise.all([info, session.catch(() => undefined)]).then(
    ([appInfo, last]) => new Map(startFiles(appInfo, last).map((path) => [path, quiet(backend.call('doc.open', { path }))])),
    () => new Map<string, Promise<OpenedDocument>>(),
  )
  return { backend, info, settings, session, fileEvents, openedAhead }
}

function quiet<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => undefined)
  return answer
}

export const firstAnswers: Promise<FirstAnswers> = start()
