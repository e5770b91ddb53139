// How the core reaches a Lean server: a local child process over stdio, or a remote one over a WebSocket
// (another Lectern's /lsp). LeanProcess speaks LSP over either the same way; only this seam differs.
import type { MessageReader, MessageWriter } from 'vscode-jsonrpc/node'

export interface TransportClosed {
  code: number | null
  signal: NodeJS.Signals | null
  /** Why, in words, when the transport knows (a spawn error, a WebSocket close reason). */
  reason?: string
}

export interface LeanTransport {
  readonly reader: MessageReader
  readonly writer: MessageWriter
  /** The local process id; none for a remote server. */
  readonly pid?: number
  /** Where a remote server runs (its URL without the token); none for a local process. */
  readonly remote?: string
  /** Resolves once messages can flow; rejects with why not (the error has `unreachable` for a remote that cannot be reached). */
  readonly ready: Promise<void>
  /** Fires once, when the server is gone. */
  onClose(listener: (closed: TransportClosed) => void): void
  /** Ends the input gracefully (stdin EOF; a close frame). */
  end(): void
  /** Ends it now (a signal to the process group; terminating the socket). */
  kill(signal: NodeJS.Signals): void
}

/** A Lean server "command" that is a WebSocket URL names a remote server. */
export function isRemoteServer(command: readonly string[]): boolean {
  return command.length === 1 && /^wss?:\/\//i.test(command[0])
}
