// The initialize result of the server that owns a document (`lean.initializeResult`), cached per uri and
// forgotten whenever any server changes state (restart, crash, stop), so a new server's capabilities are read.
import type { Backend, Disposable } from '../backend/backend'

export interface ServerCapabilities {
  semanticTokensProvider?: { legend?: { tokenTypes: string[]; tokenModifiers: string[] } }
  selectionRangeProvider?: unknown
  [capability: string]: unknown
}

export class ServerInfo implements Disposable {
  private readonly byUri = new Map<string, Promise<unknown>>()
  private readonly subscription: Disposable

  constructor(private readonly backend: Backend) {
    this.subscription = backend.subscribe('server', {}, () => this.byUri.clear())
  }

  /** The raw InitializeResult, or null when no server runs for `uri` (not cached then). */
  initializeResult(uri: string): Promise<unknown> {
    let pending = this.byUri.get(uri)
    if (!pending) {
      pending = this.backend.call('lean.initializeResult', { uri }).then(
        (result) => {
          if (result === null || result === undefined) this.byUri.delete(uri)
          return result ?? null
        },
        () => {
          this.byUri.delete(uri)
          return null
        },
      )
      this.byUri.set(uri, pending)
    }
    return pending
  }

  async capabilities(uri: string): Promise<ServerCapabilities | undefined> {
    const result = (await this.initializeResult(uri)) as { capabilities?: ServerCapabilities } | null
    return result?.capabilities
  }

  dispose(): void {
    this.subscription.dispose()
    this.byUri.clear()
  }
}
