// Failures the infoview leaves unhandled although they are expected: the server crashed during
// `$/lean/rpc/connect` (it reconnects on the next use), a file's worker crashed (the editor's bar offers Restart
// File), or the server stopped or was given up on while requests were pending (the banner offers Restart Server).
// Those are logged as warnings; anything else stays an error.
import { LecternErrorCodes } from '../../../../shared/api'

const RETRIED = new Set([-32801, -32800, -32900, LecternErrorCodes.ServerStopped])
const WORKER_CRASHED = new Set([-32901, -32902])

/** The warning for an expected rejection, or undefined for one that must stay an error. */
export function expectedRejectionWarning(reason: unknown): string | undefined {
  const { code, message } = (reason ?? {}) as { code?: unknown; message?: unknown }
  if (typeof code !== 'number') return undefined
  let next: string
  if (RETRIED.has(code)) next = 'will retry'
  else if (WORKER_CRASHED.has(code)) next = 'until the file is edited or restarted'
  else if (code === LecternErrorCodes.NoServer) next = 'until the server is restarted'
  else return undefined
  return `Infoview: ${typeof message === 'string' ? message : 'request failed'} (${next})`
}
