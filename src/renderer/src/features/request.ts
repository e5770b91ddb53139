// One way for every provider to ask the Lean server: `lean.request` with a fresh requestId, `lean.cancel` when
// Monaco cancels, and errors that never reach Monaco. ContentModified / RequestCancelled (and "no server" /
// "server stopped" from the core) are quiet: Monaco simply asks again. Anything else is warned about once per
// method. No Monaco value import: node:test drives it with a fake backend.
import { LecternErrorCodes } from '../../../shared/api'
import { LeanErrorCodes } from '../../../shared/lsp'
import type { Backend, Disposable } from '../backend/backend'
import type { monaco } from '../editor/monaco'
import { leanUriOf } from '../editor/document-uris'
import { serverOffers, type CapabilityRecord } from './capability-gate'

/** The capabilities of the server that owns a uri (ServerInfo), or undefined when not known. */
export type CapabilitySource = (uri: string) => Promise<CapabilityRecord | undefined>

export interface CancellationTokenLike {
  readonly isCancellationRequested: boolean
  onCancellationRequested(listener: () => void): Disposable
}

const QUIET_CODES: ReadonlySet<number> = new Set([
  LeanErrorCodes.ContentModified,
  LeanErrorCodes.RequestCancelled,
  LecternErrorCodes.NoServer,
  LecternErrorCodes.ServerStopped,
])

export function errorCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'number' ? code : undefined
}

export function isQuietError(err: unknown): boolean {
  const code = errorCode(err)
  return code !== undefined && QUIET_CODES.has(code)
}

/** The error Monaco treats as "cancelled": it logs nothing and keeps what it showed (semantic tokens). */
export function cancellationError(): Error {
  const err = new Error('Canceled')
  err.name = 'Canceled'
  return err
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; quiet: boolean }

let nextId = 0

function newRequestId(): string {
  nextId++
  return `feat-${Date.now().toString(36)}-${nextId}`
}

export class LeanRequester {
  private readonly warned = new Set<string>()

  constructor(
    readonly backend: Backend,
    private readonly warn: (message: string) => void = (m) => console.warn(m),
    /** When given, requests for providers the server does not advertise are not sent (an old Lean answers -32601). */
    private readonly capabilities?: CapabilitySource,
  ) {}

  /** `params` receives the document's core uri. The server's answer, or undefined when there is none to give (no Lean uri, cancelled, or an error). */
  async request<T>(
    model: monaco.editor.ITextModel,
    method: string,
    params: (uri: string) => unknown,
    token?: CancellationTokenLike,
  ): Promise<T | undefined> {
    const outcome = await this.send<T>(model, method, params, token)
    return outcome.ok ? outcome.value : undefined
  }

  /** Like `request`, but tells the caller whether it failed, for providers that must keep their old result. */
  async send<T>(
    model: monaco.editor.ITextModel,
    method: string,
    params: (uri: string) => unknown,
    token?: CancellationTokenLike,
  ): Promise<Outcome<T>> {
    const uri = leanUriOf(model)
    if (uri === undefined || token?.isCancellationRequested) return { ok: false, quiet: true }
    return this.sendTo<T>(uri, method, params(uri), token)
  }

  async sendTo<T>(uri: string, method: string, params: unknown, token?: CancellationTokenLike): Promise<Outcome<T>> {
    if (token?.isCancellationRequested) return { ok: false, quiet: true }
    if (this.capabilities && !serverOffers(await this.capabilities(uri), method)) return { ok: false, quiet: true }
    if (token?.isCancellationRequested) return { ok: false, quiet: true }
    const requestId = newRequestId()
    let onCancel: Disposable | undefined
    const cancelled = new Promise<Outcome<T>>((resolve) => {
      onCancel = token?.onCancellationRequested(() => {
        this.backend.call('lean.cancel', { requestId }).catch(() => undefined)
        resolve({ ok: false, quiet: true })
      })
    })
    const answered = this.backend.call('lean.request', { uri, method, params, requestId }).then(
      (value): Outcome<T> => ({ ok: true, value: value as T }),
      (err: unknown): Outcome<T> => {
        const quiet = isQuietError(err) || token?.isCancellationRequested === true
        if (!quiet) this.warnOnce(method, err)
        return { ok: false, quiet }
      },
    )
    try {
      return await Promise.race([answered, cancelled])
    } finally {
      onCancel?.dispose()
    }
  }

  private warnOnce(method: string, err: unknown): void {
    if (this.warned.has(method)) return
    this.warned.add(method)
    const code = errorCode(err)
    const message = err instanceof Error ? err.message : String(err)
    this.warn(`Lean ${method} failed${code === undefined ? '' : ` (${code})`}: ${message}`)
  }
}
