// Client→server notifications. Params that do not decode are fatal, as for the real watchdog.
import type { Server } from './server'
import type { NotificationMessage } from './transport'
import type { BuildMode } from './worker'

type P = Record<string, any>

function td(server: Server, method: string, p: P): P {
  const t = p.textDocument
  if (typeof t !== 'object' || t === null || typeof t.uri !== 'string') server.fatal(`Cannot parse ${method} params: textDocument.uri missing in ${JSON.stringify(p).slice(0, 200)}`)
  return t
}

/** `{uri: string, sessionId: UInt64}`; Lean encodes UInt64 as a decimal string (lean-protocol.md §3.1). */
function rpcSession(server: Server, method: string, p: P): void {
  if (typeof p.uri !== 'string' || typeof p.sessionId !== 'string' || !/^\d+$/.test(p.sessionId)) {
    server.fatal(`Cannot parse ${method} params: expected {uri: string, sessionId: decimal string}, got ${JSON.stringify(p).slice(0, 200)}`)
  }
}

export function handleNotification(server: Server, msg: NotificationMessage): void {
  const p = (msg.params ?? {}) as P
  const m = msg.method
  if (m === 'exit') {
    // LSP and Lean: exit before shutdown ends the server with code 1; a client that does it skipped the handshake.
    if (server.phase !== 'shutdown') server.violation('exit before shutdown (exit code 1)')
    return server.exit(server.phase === 'shutdown' ? 0 : 1)
  }
  if (server.phase === 'shutdown') return
  switch (m) {
    case 'textDocument/didOpen': {
      const t = td(server, m, p)
      if (typeof t.text !== 'string' || !Number.isInteger(t.version)) server.fatal(`Cannot parse didOpen params: ${JSON.stringify(p).slice(0, 200)}`)
      const mode = p.dependencyBuildMode ?? 'always'
      if (!['always', 'once', 'never'].includes(mode)) server.fatal(`Cannot parse didOpen params: invalid dependencyBuildMode ${JSON.stringify(mode)}`)
      return server.openDoc(t.uri, t.version, t.text, mode as BuildMode)
    }
    case 'textDocument/didChange': {
      const t = td(server, m, p)
      if (!Array.isArray(p.contentChanges)) server.fatal('Cannot parse didChange params: contentChanges must be an array')
      for (const c of p.contentChanges) if (typeof c?.text !== 'string') server.fatal('Cannot parse didChange params: content change without text')
      const doc = server.docs.get(t.uri)
      if (!doc) return // VS Code's global search-and-replace does this; Lean drops it
      if (p.contentChanges.length === 0) return // ignored entirely, version not recorded
      return server.changeDoc(doc, Number.isInteger(t.version) ? t.version : 0, p.contentChanges)
    }
    case 'textDocument/didClose': {
      const t = td(server, m, p)
      const doc = server.docs.get(t.uri)
      if (!doc) return server.violation(`didClose for a document that is not open: ${t.uri}`)
      return server.closeDoc(doc)
    }
    case 'textDocument/didSave': {
      const t = td(server, m, p)
      const doc = server.docs.get(t.uri)
      if (doc?.crashed) return
      return server.dependencyChanged(t.uri)
    }
    case 'workspace/didChangeWatchedFiles': {
      if (!Array.isArray(p.changes)) server.fatal('Cannot parse didChangeWatchedFiles params')
      for (const c of p.changes) if (typeof c?.uri !== 'string' || ![1, 2, 3].includes(c.type)) server.fatal(`Cannot parse didChangeWatchedFiles params: ${JSON.stringify(c)}`)
      // As Watchdog.lean handleDidChangeWatchedFiles: a `.lean` change notifies the files importing it (looked up
      // by Lean's own uri string); an `.ilean` change only reloads reference data, which the double has none of.
      for (const c of p.changes) if (c.uri.endsWith('.lean')) server.watchedFileChanged(c.uri)
      return
    }
    case '$/cancelRequest':
      if (typeof p.id !== 'number' && typeof p.id !== 'string') server.fatal(`Cannot parse $/cancelRequest params: id must be a number or string in ${JSON.stringify(p).slice(0, 200)}`)
      return server.cancel(p.id)
    case '$/lean/rpc/keepAlive':
      rpcSession(server, m, p)
      return server.rpc.keepAlive(p.uri, p.sessionId)
    case '$/lean/rpc/release':
      rpcSession(server, m, p)
      if (!Array.isArray(p.refs) || p.refs.some((r: unknown) => typeof r !== 'object' || r === null)) server.fatal(`Cannot parse ${m} params: refs must be an array of references in ${JSON.stringify(p).slice(0, 200)}`)
      return server.rpc.release(p.uri, p.sessionId, p.refs)
    case 'initialized':
      return server.violation('second initialized notification')
    default:
      if (m.startsWith('$/')) return
      process.stderr.write(`Got unsupported notification: ${m}\n`)
  }
}
