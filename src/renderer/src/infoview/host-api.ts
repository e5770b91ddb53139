// The host side of EditorApi: what the infoview frame may ask the workbench to do. Pure apart from the injected
// Backend and editor hooks, so it is unit-tested with fakes. One instance per frame life: a reloaded frame gets a
// fresh one, and `dispose` cancels its requests, closes its RPC sessions and drops its subscriptions.
import type { Backend, Disposable } from '../backend/backend'
import type { LspEvent } from '../../../shared/channels'
import type { Range } from '../../../shared/lsp'
import type { FrameKey, HostMethods, TextInsertKind } from './protocol'
import { DIAGNOSTICS, FILE_PROGRESS } from './protocol'
import { shouldForward } from './shortcuts'

/** Where the page already keeps every open file's diagnostics (the workbench's store). */
export interface DiagnosticsFeed {
  /** Current lists first, then each change. */
  watch(listener: (published: { uri: string; version?: number; diagnostics: readonly unknown[] }) => void): Disposable
}

export interface HostApiDeps {
  backend: Backend
  diagnostics: DiagnosticsFeed
  /** Forward a server notification (`gotServerNotification`) to the frame. */
  gotServerNotification(method: string, params: unknown): void
  /** Forward a client notification the core sent (`sentClientNotification`) to the frame. */
  sentClientNotification(method: string, params: unknown): void
  insertText(text: string, kind: TextInsertKind, pos?: { textDocument: { uri: string }; position: { line: number; character: number } }): void
  applyEdit(edit: { changes?: Record<string, any[]>; documentChanges?: unknown[] }): void
  showDocument(uri: string, selection?: Range): Promise<void>
  copyToClipboard(text: string): Promise<void>
  /** The infoview saved its settings (after they were persisted). */
  configSaved(config: Record<string, unknown>): void
  keydown(key: FrameKey): void
  /**
   * The frame subscribed to notifications: it does so from the effects of a view it has just rendered, so that view
   * now listens for cursor moves too.
   */
  subscribed?(): void
}

const CLIENT_NOTIFICATIONS = new Set(['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose'])

let hostCounter = 0

function str(value: unknown, what: string): string {
  if (typeof value !== 'string') throw { code: -32602, message: `${what} must be a string` }
  return value
}

class RefCounted {
  private readonly entries = new Map<string, { count: number; sub: Disposable }>()
  constructor(private readonly open: (method: string) => Disposable) {}
  add(method: string): void {
    const e = this.entries.get(method)
    if (e) e.count++
    else this.entries.set(method, { count: 1, sub: this.open(method) })
  }
  remove(method: string): void {
    const e = this.entries.get(method)
    if (!e) return
    if (--e.count > 0) return
    this.entries.delete(method)
    e.sub.dispose()
  }
  count(method: string): number {
    return this.entries.get(method)?.count ?? 0
  }
  dispose(): void {
    for (const e of this.entries.values()) e.sub.dispose()
    this.entries.clear()
  }
}

export class InfoviewHostApi implements Disposable {
  private readonly prefix = `infoview-${++hostCounter}-${Math.random().toString(36).slice(2, 8)}`
  private readonly pendingRequests = new Set<string>()
  private readonly rpcSessions = new Set<string>()
  private readonly serverSubs: RefCounted
  private readonly clientSubs: RefCounted
  private disposed = false
  readonly methods: HostMethods

  constructor(private readonly deps: HostApiDeps) {
    const { backend } = deps
    this.serverSubs = new RefCounted((method) => {
      if (method === DIAGNOSTICS) {
        return deps.diagnostics.watch((d) => {
          if (!this.disposed) deps.gotServerNotification(DIAGNOSTICS, { uri: d.uri, version: d.version, diagnostics: d.diagnostics })
        })
      }
      if (method === FILE_PROGRESS) {
        return backend.subscribe('progress', {}, (p) => {
          if (!this.disposed)
            deps.gotServerNotification(FILE_PROGRESS, { textDocument: { uri: p.uri, version: p.version }, processing: p.processing })
        })
      }
      return backend.subscribe('lsp', { method, direction: 'server' }, (e: LspEvent) => {
        if (!this.disposed && e.direction === 'server' && e.method === method) deps.gotServerNotification(method, e.params)
      })
    })
    this.clientSubs = new RefCounted((method) =>
      backend.subscribe('lsp', { method, direction: 'client' }, (e: LspEvent) => {
        if (!this.disposed && e.direction === 'client' && e.method === method) deps.sentClientNotification(method, e.params)
      }),
    )
    this.methods = this.buildMethods()
  }

  /** For tests and diagnostics. */
  subscriptionCount(kind: 'server' | 'client', method: string): number {
    return (kind === 'server' ? this.serverSubs : this.clientSubs).count(method)
  }

  get openRpcSessions(): readonly string[] {
    return [...this.rpcSessions]
  }

  private alive(): void {
    if (this.disposed) throw { code: -32603, message: 'The infoview host was closed.' }
  }

  private buildMethods(): HostMethods {
    const { backend, deps } = { backend: this.deps.backend, deps: this.deps }
    return {
      saveConfig: async (config) => {
        this.alive()
        if (typeof config !== 'object' || config === null) throw { code: -32602, message: 'config must be an object' }
        await backend.call('settings.update', { patch: { infoviewConfig: config as unknown as Record<string, unknown> } })
        deps.configSaved(config as unknown as Record<string, unknown>)
      },
      sendClientRequest: async (id, uri, method, params) => {
        this.alive()
        const requestId = `${this.prefix}-${str(id, 'id')}`
        this.pendingRequests.add(requestId)
        try {
          return await backend.call('lean.request', { uri: str(uri, 'uri'), method: str(method, 'method'), params, requestId })
        } finally {
          this.pendingRequests.delete(requestId)
        }
      },
      cancelClientRequest: async (id) => {
        const requestId = `${this.prefix}-${str(id, 'id')}`
        if (!this.pendingRequests.delete(requestId)) return
        await backend.call('lean.cancel', { requestId })
      },
      sendClientNotification: async (uri, method, params) => {
        this.alive()
        await backend.call('lean.notify', { uri: str(uri, 'uri'), method: str(method, 'method'), params })
      },
      subscribeServerNotifications: async (method) => {
        this.alive()
        this.serverSubs.add(str(method, 'method'))
        deps.subscribed?.()
      },
      unsubscribeServerNotifications: async (method) => {
        this.serverSubs.remove(str(method, 'method'))
      },
      subscribeClientNotifications: async (method) => {
        this.alive()
        const m = str(method, 'method')
        if (!CLIENT_NOTIFICATIONS.has(m)) throw { code: -32601, message: `Client notifications of ${m} are not forwarded.` }
        this.clientSubs.add(m)
        deps.subscribed?.()
      },
      unsubscribeClientNotifications: async (method) => {
        this.clientSubs.remove(str(method, 'method'))
      },
      copyToClipboard: async (text) => {
        this.alive()
        await deps.copyToClipboard(str(text, 'text'))
      },
      insertText: async (text, kind, pos) => {
        this.alive()
        if (kind !== 'here' && kind !== 'above') throw { code: -32602, message: 'kind must be "here" or "above"' }
        deps.insertText(str(text, 'text'), kind, pos)
      },
      applyEdit: async (edit) => {
        this.alive()
        if (typeof edit !== 'object' || edit === null) throw { code: -32602, message: 'edit must be an object' }
        deps.applyEdit(edit as { changes?: Record<string, any[]>; documentChanges?: unknown[] })
      },
      showDocument: async (show) => {
        this.alive()
        if (typeof show !== 'object' || show === null) throw { code: -32602, message: 'params must be an object' }
        await deps.showDocument(str(show.uri, 'uri'), show.selection as Range | undefined)
      },
      restartFile: async (uri) => {
        this.alive()
        await backend.call('lean.restartFile', { uri: str(uri, 'uri'), mode: 'once' })
      },
      createRpcSession: async (uri) => {
        this.alive()
        const { sessionId } = await backend.call('lean.rpcConnect', { uri: str(uri, 'uri') })
        if (this.disposed) {
          void backend.call('lean.rpcClose', { sessionId }).catch(() => undefined)
          throw { code: -32603, message: 'The infoview host was closed.' }
        }
        this.rpcSessions.add(sessionId)
        return sessionId
      },
      closeRpcSession: async (sessionId) => {
        const id = str(sessionId, 'sessionId')
        if (!this.rpcSessions.delete(id)) return
        await backend.call('lean.rpcClose', { sessionId: id })
      },
      keydown: async (key) => {
        // Widget code could post anything here: only shortcut-shaped keys reach the workbench.
        if (typeof key !== 'object' || key === null || typeof key.key !== 'string' || typeof key.code !== 'string') return
        const k: FrameKey = {
          key: key.key,
          code: key.code,
          ctrlKey: key.ctrlKey === true,
          shiftKey: key.shiftKey === true,
          altKey: key.altKey === true,
          metaKey: key.metaKey === true,
        }
        if (shouldForward(k)) deps.keydown(k)
      },
    }
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.serverSubs.dispose()
    this.clientSubs.dispose()
    const { backend } = this.deps
    for (const requestId of this.pendingRequests) void backend.call('lean.cancel', { requestId }).catch(() => undefined)
    this.pendingRequests.clear()
    for (const sessionId of this.rpcSessions) void backend.call('lean.rpcClose', { sessionId }).catch(() => undefined)
    this.rpcSessions.clear()
  }
}
