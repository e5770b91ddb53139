// The watchdog: lifecycle, strict message checking, routing by document, notifications, server requests.
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import type { ModuleSource } from './elab-command'
import { HANDLERS, type HandlerCtx } from './handlers'
import type { Knobs } from './knobs'
import { RpcSessions, type WireFormat } from './rpc'
import { TOKEN_MODIFIERS, TOKEN_TYPES } from './tokens'
import { FrameReader, FrameWriter, type Id, MessageLog, type NotificationMessage, type RequestMessage, type ResponseMessage, classify } from './transport'
import { type ContentChange, isRange, moduleOfUri, pathOfModule, pathToUri, uriToPath } from './text'
import { leanUri } from './lean-uri'
import { type BuildMode, DocWorker, RequestFailure, type WorkerHost } from './worker'
import { handleNotification } from './notifications'

interface Pending {
  id: Id
  method: string
  uri?: string
  settled: boolean
}

export class Server implements WorkerHost {
  root = process.cwd()
  phase: 'init' | 'await-initialized' | 'running' | 'shutdown' = 'init'
  incremental = false
  silent = false
  wire: WireFormat = 'v0'
  hasWidgets = false
  insertReplace = false
  docs = new Map<string, DocWorker>()
  dirtyModules = new Set<string>()
  /** Worker crashes so far per file (LEAN_DOUBLE_WORKER_CRASHES). */
  private readonly crashCount = new Map<string, number>()
  rpc: RpcSessions
  registerAnswered = false
  private writer: FrameWriter
  private log: MessageLog
  private pending = new Map<string, Pending>()
  private serverReqs = new Map<string, { method: string; timer: NodeJS.Timeout }>()
  private nextReqId = 0
  private lastRefresh = 0

  constructor(public knobs: Knobs) {
    this.log = new MessageLog(knobs.logPath)
    this.writer = new FrameWriter(process.stdout, this.log)
    const self = this
    this.rpc = new RpcSessions({
      get wire() { return self.wire },
      get hasWidgets() { return self.hasWidgets },
      get silent() { return self.silent },
      expiryMs: knobs.rpcExpiryMs,
    })
  }

  get delayMs(): number {
    return this.knobs.delayMs
  }

  listen(): void {
    new FrameReader(process.stdin, (m) => this.onMessage(m), (why) => this.fatal(why), () => this.exit(0))
  }

  fatal(why: string): never {
    process.stderr.write(`Watchdog error: ${why}\n`)
    this.record(`fatal: ${why}`)
    process.exit(1)
  }

  violation(what: string): void {
    process.stderr.write(`DOUBLE-PROTOCOL-VIOLATION: ${what}\n`)
    this.record(what)
  }

  /** The violations file (LEAN_DOUBLE_VIOLATIONS) is what test fixtures check: written synchronously, one line each. */
  private record(what: string): void {
    if (!this.knobs.violationsPath) return
    try {
      appendFileSync(this.knobs.violationsPath, `${what.replace(/\n/g, ' ')}\n`)
    } catch {
      // the stderr line above still says it
    }
  }

  exit(code: number): void {
    process.stdout.write('', () => process.exit(code))
  }

  notify(method: string, params: unknown): void {
    this.writer.send({ jsonrpc: '2.0', method, params })
  }

  private reply(id: Id, result: unknown): void {
    this.writer.send({ jsonrpc: '2.0', id, result })
  }

  private replyError(id: Id, code: number, message: string): void {
    this.writer.send({ jsonrpc: '2.0', id, error: { code, message } })
  }

  sendRequest(method: string, id?: Id, params?: unknown): void {
    const reqId = id ?? this.nextReqId++
    const msg: RequestMessage = { jsonrpc: '2.0', id: reqId, method }
    if (params !== undefined) msg.params = params
    const key = JSON.stringify(reqId)
    const timer = setTimeout(() => {
      process.stderr.write(`DOUBLE-PROTOCOL-WARNING: the client has not answered ${method} (id ${key}) after ${this.knobs.unansweredWarnMs} ms\n`)
    }, this.knobs.unansweredWarnMs)
    timer.unref()
    this.serverReqs.set(key, { method, timer })
    this.writer.send(msg)
  }

  private onMessage(raw: unknown): void {
    this.log.write('in', raw)
    const c = classify(raw)
    if (c.kind === 'invalid') this.fatal(c.why)
    if (this.phase === 'init') {
      if (c.kind !== 'request' || c.msg.method !== 'initialize') this.fatal(`Cannot read LSP request: expected method 'initialize' as the first message, got ${JSON.stringify(raw).slice(0, 200)}`)
      return this.initialize(c.msg)
    }
    if (this.phase === 'await-initialized') {
      if (c.kind !== 'notification' || c.msg.method !== 'initialized') {
        this.fatal(`Cannot read LSP notification: expected method 'initialized', got ${JSON.stringify(raw).slice(0, 200)}`)
      }
      this.phase = 'running'
      this.sendRequest('client/registerCapability', 'register_lean_watcher', {
        registrations: [{ id: 'lean_watcher', method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: '**/*.lean' }, { globPattern: '**/*.ilean' }] } }],
      })
      return
    }
    if (c.kind === 'response') return this.onResponse(c.msg)
    if (c.kind === 'notification') return handleNotification(this, c.msg as NotificationMessage)
    this.onRequest(c.msg)
  }

  private initialize(msg: RequestMessage): void {
    const p = (msg.params ?? {}) as Record<string, any>
    if (typeof p.capabilities !== 'object' || p.capabilities === null) this.fatal("Cannot parse initialize params: missing 'capabilities'")
    const lean = p.capabilities.lean ?? {}
    this.incremental = lean.incrementalDiagnosticSupport === true
    this.silent = lean.silentDiagnosticSupport === true
    this.wire = lean.rpcWireFormat === 'v1' ? 'v1' : 'v0'
    this.hasWidgets = p.initializationOptions?.hasWidgets === true
    this.insertReplace = p.capabilities.textDocument?.completion?.completionItem?.insertReplaceSupport === true
    const capabilities: Record<string, unknown> = {
      callHierarchyProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor', 'source.organizeImports'], resolveProvider: true, workDoneProgress: false },
      colorProvider: { workDoneProgress: false },
      completionProvider: { resolveProvider: true, triggerCharacters: ['.'] },
      declarationProvider: true,
      definitionProvider: true,
      documentHighlightProvider: true,
      documentSymbolProvider: true,
      experimental: { moduleHierarchyProvider: {}, rpcProvider: { highlightMatchesProvider: {}, rpcWireFormat: this.wire } },
      foldingRangeProvider: true,
      hoverProvider: true,
      inlayHintProvider: { resolveProvider: false, workDoneProgress: false },
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      semanticTokensProvider: { full: true, legend: { tokenModifiers: TOKEN_MODIFIERS, tokenTypes: TOKEN_TYPES }, range: true },
      signatureHelpProvider: { triggerCharacters: [' '], workDoneProgress: false },
      textDocumentSync: { change: 2, openClose: true, save: { includeText: true }, willSave: false, willSaveWaitUntil: false },
      typeDefinitionProvider: true,
      workspaceSymbolProvider: true,
    }
    for (const name of this.knobs.omitCapabilities) delete capabilities[name]
    // The module hierarchy (Lean ≥ 4.22) is advertised under `experimental`.
    if (this.knobs.omitCapabilities.has('moduleHierarchyProvider')) delete (capabilities.experimental as Record<string, unknown>).moduleHierarchyProvider
    this.reply(msg.id, { capabilities, serverInfo: { name: 'Lean 4 Server', version: '0.3.0' } })
    if (this.knobs.exitAfterInit) {
      process.stderr.write('lean-double: LEAN_DOUBLE_EXIT_AFTER_INIT is set, exiting with code 1\n')
      this.exit(1)
      return
    }
    this.phase = 'await-initialized'
  }

  private onResponse(msg: ResponseMessage): void {
    const key = JSON.stringify(msg.id)
    const req = this.serverReqs.get(key)
    if (!req) return this.violation(`response to unknown server request id ${key}`)
    clearTimeout(req.timer)
    this.serverReqs.delete(key)
    if (msg.id === 'register_lean_watcher') this.registerAnswered = true
  }

  private onRequest(msg: RequestMessage): void {
    const { id, method } = msg
    if (this.phase === 'shutdown') return this.replyError(id, -32600, "Request received after 'shutdown' request.")
    if (method === 'shutdown') {
      for (const d of [...this.docs.values(), ...this.orphans]) d.close()
      this.failPending(() => true, -32801, 'The file worker has been terminated.')
      this.phase = 'shutdown'
      return this.reply(id, null)
    }
    if (method === 'initialize') {
      this.violation('second initialize request')
      return this.replyError(id, -32600, 'Server was already initialized')
    }
    const h = omittedBy(this.knobs.omitCapabilities, method) ? undefined : HANDLERS[method]
    if (!h) return this.replyError(id, -32601, `No request handler found for '${method}'`)
    const params = msg.params as Record<string, unknown>
    let uri: string | undefined
    try {
      uri = h.uri?.(params)
      h.check?.(params)
    } catch (e) {
      return this.replyError(id, -32700, `Cannot parse request params: ${JSON.stringify(params)}\n${(e as Error).message}`)
    }
    const doc = uri !== undefined ? this.docs.get(uri) : undefined
    if (uri !== undefined && !doc) return this.replyError(id, -32801, `Cannot process request to closed file '${uri}'`)
    const p: Pending = { id, method, uri, settled: false }
    const key = JSON.stringify(id)
    if (this.pending.has(key)) this.violation(`request id ${key} reused while still pending`)
    this.pending.set(key, p)
    const ctx: HandlerCtx = { docs: this.docs, rpc: this.rpc, root: this.root, insertReplace: this.insertReplace, resolveModule: (m) => this.resolveModule(m) }
    void (async () => {
      try {
        if (doc?.crashed) await doc.whenAlive()
        const result = await h.run(ctx, params, doc)
        this.settle(p, () => this.reply(id, result))
      } catch (e) {
        if (e instanceof RequestFailure) this.settle(p, () => this.replyError(id, e.code, e.message))
        else this.settle(p, () => this.replyError(id, -32603, `${(e as Error).message}`))
      }
    })()
  }

  private settle(p: Pending, send: () => void): void {
    if (p.settled) return
    p.settled = true
    this.pending.delete(JSON.stringify(p.id))
    send()
  }

  failPending(pred: (p: Pending) => boolean, code: number, message: string): void {
    for (const p of [...this.pending.values()]) if (pred(p)) this.settle(p, () => this.replyError(p.id, code, message))
  }

  cancel(id: unknown): void {
    const p = this.pending.get(JSON.stringify(id))
    if (p) this.settle(p, () => this.replyError(p.id, -32800, ''))
  }

  // ---- WorkerHost ----

  resolveModule(mod: string): ModuleSource | undefined {
    const file = pathOfModule(mod, this.root)
    if (existsSync(file)) return { uri: pathToUri(file), text: readFileSync(file, 'utf8') }
    for (const d of this.docs.values()) if (uriToPath(d.uri) === file) return { uri: d.uri, text: d.text.text }
    return undefined
  }

  onProgress(): void {
    if (Date.now() - this.lastRefresh >= this.knobs.refreshIntervalMs) this.refresh()
  }

  onFinished(): void {
    this.refresh()
  }

  private refresh(): void {
    this.lastRefresh = Date.now()
    this.sendRequest('workspace/semanticTokens/refresh')
    this.sendRequest('workspace/inlayHint/refresh')
  }

  onCrash(doc: DocWorker): void {
    this.crashCount.set(doc.uri, (this.crashCount.get(doc.uri) ?? 0) + 1)
    this.rpc.invalidate(doc.uri)
  }

  mayCrash(uri: string): boolean {
    return (this.crashCount.get(uri) ?? 0) < this.knobs.workerCrashes
  }

  chatter(uri: string, line: string): void {
    if (this.knobs.stderrChatter) process.stderr.write(`[${uri}] ${line}\n`)
  }

  // ---- document sync, used by notifications.ts ----

  openDoc(uri: string, version: number, text: string, mode: BuildMode): void {
    this.crashCheck(text)
    const old = this.docs.get(uri)
    if (old) {
      this.violation(`duplicate didOpen ${uri}`)
      this.rpc.invalidate(uri)
    }
    const doc = new DocWorker(this, uri, version, text, mode)
    this.docs.set(uri, doc)
    doc.start(true)
    // Real Lean starts a second worker and the first one lives on, unreachable but still publishing for the same
    // uri (lean-protocol.md §4.1). Here the orphan publishes its own diagnostics again each time the new one has
    // finished, so a client that opens twice sees two disagreeing diagnostic sets, as it would with Lean.
    if (old) this.orphans.push(old)
    if (old) void this.echoOrphan(old, doc)
  }

  private orphans: DocWorker[] = []

  private async echoOrphan(orphan: DocWorker, doc: DocWorker): Promise<void> {
    for (;;) {
      try {
        await doc.waitFor((run) => run.finished)
      } catch {
        return // the new document closed or crashed
      }
      const run = doc.run
      if (this.phase === 'shutdown' || !orphan.run || this.docs.get(doc.uri) !== doc) return
      orphan.publish(orphan.run, [], true)
      await doc.waitFor((r) => r !== run).catch(() => undefined)
      if (this.docs.get(doc.uri) !== doc) return
    }
  }

  changeDoc(doc: DocWorker, version: number, changes: ContentChange[]): void {
    if (version <= doc.version) this.violation(`non-increasing didChange version ${version} (was ${doc.version}) for ${doc.uri}`)
    for (const ch of changes) if (ch.range !== undefined && !isRange(ch.range)) this.fatal(`Cannot parse didChange params: invalid range ${JSON.stringify(ch.range)}`)
    const previous = doc.run
    doc.applyChanges(changes)
    doc.version = version
    this.crashCheck(doc.text.text)
    if (doc.crashed) return doc.restartAfterCrash()
    if (doc.start(false, previous)) this.rpc.invalidate(doc.uri)
  }

  closeDoc(doc: DocWorker): void {
    if (doc.crashed) {
      // Watchdog.lean `terminateFileWorker`: writing `exit` to the dead worker fails and it returns there, so
      // requests queued since the crash are never answered and no empty diagnostics go out.
      for (const p of [...this.pending.values()]) if (p.uri === doc.uri) this.settle(p, () => undefined)
      doc.close()
      this.rpc.invalidate(doc.uri)
      this.docs.delete(doc.uri)
      return
    }
    this.failPending((p) => p.uri === doc.uri, -32801, `The file worker for ${doc.uri} has been terminated.`)
    doc.close()
    this.rpc.invalidate(doc.uri)
    this.docs.delete(doc.uri)
    this.notify('textDocument/publishDiagnostics', { uri: doc.uri, version: doc.version, diagnostics: [] })
  }

  /** A watched `.lean` file changed on disk; only a uri written as Lean writes it matches an import. */
  watchedFileChanged(uri: string): void {
    const mod = moduleOfUri(uri, this.root)
    if (mod && leanUri(pathOfModule(mod, this.root)) === uri) this.dependencyChanged(uri)
  }

  /** A dependency was saved or changed on disk: importers get the sticky "should be rebuilt" notice. */
  dependencyChanged(uri: string): void {
    const mod = moduleOfUri(uri, this.root)
    if (!mod) return
    this.dirtyModules.add(mod)
    for (const d of this.docs.values()) {
      if (d.uri === uri || d.crashed || !d.run || d.stale) continue
      if (!this.importClosure(d.run.fe.imports.map((i) => i.module)).has(mod)) continue
      d.stale = true
      d.publish(d.run, [], true)
    }
  }

  private importClosure(mods: string[]): Set<string> {
    const seen = new Set<string>()
    const todo = [...mods]
    while (todo.length) {
      const m = todo.pop()!
      if (seen.has(m)) continue
      seen.add(m)
      const src = this.resolveModule(m)
      if (src) for (const x of src.text.matchAll(/^import\s+(\S+)/gm)) todo.push(x[1]!)
    }
    return seen
  }

  private crashCheck(text: string): void {
    const s = this.knobs.crashOn
    if (s && text.includes(s)) {
      process.stderr.write(`lean-double: LEAN_DOUBLE_CRASH_ON matched, simulating a segmentation fault\n`)
      process.kill(process.pid, 'SIGSEGV')
      setTimeout(() => process.kill(process.pid, 'SIGKILL'), 50)
    }
    const hog = this.knobs.hogMemoryOn
    if (hog && text.includes(hog)) {
      process.stderr.write('lean-double: LEAN_DOUBLE_HOG_MEMORY_ON matched, allocating memory without bound\n')
      const held: number[][] = []
      for (;;) held.push(new Array(1 << 20).fill(1.5)) // real heap growth: dies when memory runs out
    }
  }
}

/** The requests an older Lean, without the given providers, has no handler for. */
const METHODS_OF_CAPABILITY: Record<string, readonly string[]> = {
  signatureHelpProvider: ['textDocument/signatureHelp'],
  selectionRangeProvider: ['textDocument/selectionRange'],
  inlayHintProvider: ['textDocument/inlayHint'],
  callHierarchyProvider: ['textDocument/prepareCallHierarchy', 'callHierarchy/incomingCalls', 'callHierarchy/outgoingCalls'],
  renameProvider: ['textDocument/prepareRename', 'textDocument/rename'],
  referencesProvider: ['textDocument/references'],
  moduleHierarchyProvider: ['$/lean/prepareModuleHierarchy', '$/lean/moduleHierarchy/imports', '$/lean/moduleHierarchy/importedBy'],
}

function omittedBy(omitted: ReadonlySet<string>, method: string): boolean {
  for (const name of omitted) if (METHODS_OF_CAPABILITY[name]?.includes(method)) return true
  return false
}
