// One ProjectServer (+ DocumentSync) per project root (DESIGN §4). Routes documents and requests to the
// server of their project, forwards server notifications to the diagnostics store and the `lsp` channel.
import { resolve } from 'node:path'
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node'
import { LecternErrorCodes, type Settings } from '../../shared/api'
import type { ServerEvent } from '../../shared/channels'
import { type DependencyBuildMode, LeanErrorCodes } from '../../shared/lsp'
import type { Hub } from '../hub/hub'
import { planServerCommand, type ProjectInfo, resolveProjectRoot } from '../toolchain'
import { DisposableStore } from '../util/disposable'
import { ApiError, errorMessage } from '../util/errors'
import { isInside } from '../workspace/paths'
import { pathToUri } from '../util/uri'
import { leanInitializeParams } from './client-capabilities'
import { checkClientNotification, checkClientRequest } from './client-messages'
import type { CrashPolicyOptions } from './crash-policy'
import { DiagnosticsStore } from './diagnostics-store'
import { DocumentSync } from './document-sync'
import type { DocumentStore, OpenDocument } from './documents'
import { ProjectServer } from './project-server'
import { Abandonment } from './abandonment'
import { RpcKeepAlive } from './rpc-keepalive'
import { ToolchainFileWatcher } from './toolchain-file-watcher'
import { WatchedFiles } from './watched-files/watched-files'

export interface RegistryOptions {
  hub: Hub
  documents: DocumentStore
  workspaceRoots: () => string[]
  env: NodeJS.ProcessEnv
  /** The environment with the discovered elan PATH (login shell etc.); awaited before each toolchain detection. */
  toolchainEnv?: () => Promise<NodeJS.ProcessEnv>
  appVersion: string
  settings: () => Pick<Settings, 'leanServerCommand' | 'leanServerByProject' | 'serverArgs' | 'automaticallyBuildDependencies' | 'logLspMessages'>
  detectionTimeoutMs?: number
  crashPolicy?: CrashPolicyOptions
}

/** How long a server started ahead of its files waits for one of them (a browser pointed at serve mode later). */
const PREPARED_IDLE_MS = 60_000

interface Entry {
  project: ProjectInfo
  server: ProjectServer
  sync: DocumentSync
  disposables: DisposableStore
}

export class LeanServerRegistry {
  readonly diagnostics: DiagnosticsStore
  private readonly entries = new Map<string, Entry>()
  private readonly projectByUri = new Map<string, string>()
  private readonly pendingAttach = new Map<string, Promise<Entry>>()
  private readonly requests = new Map<string, CancellationTokenSource>()
  private readonly abandonment = new Abandonment()
  readonly keepAlive: RpcKeepAlive
  private readonly disposables = new DisposableStore()
  private disposed = false

  constructor(private readonly options: RegistryOptions) {
    this.diagnostics = new DiagnosticsStore(options.hub)
    this.keepAlive = new RpcKeepAlive((project, uri, sessionId) => {
      void this.entries.get(project)?.server.process?.sendNotification('$/lean/rpc/keepAlive', { uri, sessionId })
    })
    options.hub.setReplay('server', (f) =>
      [...this.entries.values()].map((e) => e.server.current).filter((ev) => !f.project || ev.project === f.project),
    )
    const docs = options.documents
    // Only Lean documents go to a Lean server; a lakefile.toml or README opened in a tab stays local.
    this.disposables.add(
      docs.onDidOpen.event((doc) => {
        if (doc.languageId === 'lean4') void this.attach(doc).catch((err) => console.error(err))
      }),
    )
    this.disposables.add(docs.onDidChange.event(({ doc, changes }) => this.entryOf(doc.uri)?.sync.didChange(doc, changes)))
    this.disposables.add(
      docs.onDidClose.event((doc) => {
        this.entryOf(doc.uri)?.sync.detach(doc.uri)
        this.projectByUri.delete(doc.uri)
        this.diagnostics.forget(doc.uri)
      }),
    )
  }

  servers(): ServerEvent[] {
    return [...this.entries.values()].map((e) => e.server.current)
  }

  /** Resolves the project of a document and makes sure its server is starting; idempotent. */
  attach(doc: OpenDocument): Promise<Entry> {
    let pending = this.pendingAttach.get(doc.uri)
    if (!pending) {
      pending = (async () => {
        const project = await resolveProjectRoot(doc.path, this.options.workspaceRoots())
        const entry = this.entryFor(project)
        this.projectByUri.set(doc.uri, project.root)
        if (this.options.documents.get(doc.uri) === doc) entry.sync.attach(doc)
        return entry
      })().finally(() => this.pendingAttach.delete(doc.uri))
      this.pendingAttach.set(doc.uri, pending)
    }
    return pending
  }

  /**
   * Starts the server of the project `path` belongs to ahead of its documents (a window is about to open it), so Lean
   * loads while the window does. A server started so that no document reaches within `idleMs` is ended again.
   */
  async prepare(path: string, idleMs = PREPARED_IDLE_MS): Promise<void> {
    const project = await resolveProjectRoot(path, this.options.workspaceRoots())
    if (this.entries.has(project.root) || this.disposed) return
    const entry = this.entryFor(project)
    const timer = setTimeout(() => {
      // A document on its way (its project still being resolved) may be one of this project's: the server stays.
      const used = [...this.projectByUri.values()].includes(project.root) || this.pendingAttach.size > 0
      if (used || this.entries.get(project.root) !== entry) return
      this.entries.delete(project.root)
      entry.disposables.dispose()
      void entry.server.dispose('No file of its project was opened.')
    }, idleMs)
    timer.unref?.()
    entry.disposables.add({ dispose: () => clearTimeout(timer) })
  }

  didSave(doc: OpenDocument): void {
    this.entryOf(doc.uri)?.sync.didSave(doc)
  }

  async request(uri: string, method: string, params: unknown, requestId?: string): Promise<unknown> {
    checkClientRequest(method, params)
    const entry = await this.requireEntry(uri)
    let proc
    try {
      proc = await entry.server.whenRunning()
    } catch (err) {
      throw new ApiError(LecternErrorCodes.NoServer, errorMessage(err))
    }
    const source = new CancellationTokenSource()
    if (requestId) this.requests.set(requestId, source)
    const sentAtVersion = this.options.documents.get(uri)?.version
    const abandoned = this.abandonment.track(uri)
    try {
      return await Promise.race([proc.sendRequest(method, params, source.token), abandoned.promise])
    } catch (err) {
      if (err instanceof ApiError) throw err
      // vscode-jsonrpc's own codes (-32099…-32090) mean the connection, not Lean, failed the request.
      const fromLean = err instanceof ResponseError && !(err.code <= -32090 && err.code >= -32099)
      if (fromLean && proc.isAlive) {
        // This file's worker crashed (not the server): say so, unless an edit has restarted it since.
        const crashed = err.code === LeanErrorCodes.WorkerCrashed || err.code === LeanErrorCodes.WorkerExited
        if (crashed && this.options.documents.get(uri)?.version === sentAtVersion) this.diagnostics.markWorkerCrashed(uri, err.message)
        throw new ApiError(err.code, err.message, err.data)
      }
      // The server died under the request: report it like Lean reports a crashed worker, so the
      // infoview drops its RPC session and reconnects once the server is back.
      throw new ApiError(LeanErrorCodes.WorkerCrashed, `The Lean server stopped while handling '${method}'; Lectern is restarting it.`)
    } finally {
      abandoned.dispose()
      if (requestId) this.requests.delete(requestId)
      source.dispose()
    }
  }

  cancel(requestId: string): void {
    this.requests.get(requestId)?.cancel()
  }

  async notify(uri: string, method: string, params: unknown): Promise<void> {
    checkClientNotification(method, params)
    const entry = await this.requireEntry(uri)
    await entry.server.process?.sendNotification(method, params)
  }

  async rpcConnect(uri: string, owner: string): Promise<{ sessionId: string }> {
    const result = (await this.request(uri, '$/lean/rpc/connect', { uri })) as { sessionId: string }
    this.keepAlive.add(result.sessionId, uri, this.projectByUri.get(uri) ?? '', owner)
    return result
  }

  async initializeResult(uri: string): Promise<unknown> {
    const entry = await this.requireEntry(uri)
    return entry.server.process?.initializeResult ?? null
  }

  async restartFile(uri: string, mode?: DependencyBuildMode): Promise<void> {
    const entry = await this.requireEntry(uri)
    const crashed = this.diagnostics.workerCrash(uri) !== undefined
    // Lean queues requests for a crashed worker and drops them when the file is closed (Watchdog.lean
    // `terminateFileWorker`): once didClose is out, the requests sent before it are answered here as Lean
    // answers requests to a closed worker, so they are retried against the new one.
    await entry.sync.restartFile(uri, mode, () => {
      if (crashed) this.abandonment.abandon(uri, new ApiError(LeanErrorCodes.ContentModified, `The file worker for ${uri} has been terminated.`))
    })
  }

  async restartServer(project: string): Promise<void> {
    await this.requireProject(project).server.restart()
  }

  async stopServer(project: string): Promise<void> {
    await this.requireProject(project).server.stop()
  }

  serverLog(project: string): { stderr: string[]; messages: string[] } {
    const { server } = this.requireProject(project)
    return { stderr: server.stderr, messages: server.messageLog }
  }

  projectOfUri(uri: string): string | undefined {
    return this.projectByUri.get(uri)
  }

  /**
   * The workspace roots changed (a folder closed or replaced): every server of a removed folder ends — its whole
   * process group — and so does any other server left with no open document outside the open folders. A document
   * still open whose server ended is attached again, to the project its path now resolves to.
   */
  async retainRoots(removed: readonly string[], isOpenFolder: (path: string) => boolean): Promise<void> {
    const attached = new Set(this.projectByUri.values())
    const doomed = [...this.entries.values()].filter(
      (e) => removed.some((r) => isInside(r, e.project.root)) || (!attached.has(e.project.root) && !isOpenFolder(e.project.root)),
    )
    const orphans: OpenDocument[] = []
    for (const entry of doomed) {
      this.entries.delete(entry.project.root)
      this.keepAlive.removeProject(entry.project.root)
      for (const [uri, root] of this.projectByUri) {
        if (root !== entry.project.root) continue
        this.projectByUri.delete(uri)
        const doc = this.options.documents.get(uri)
        if (doc) orphans.push(doc)
      }
    }
    await Promise.all(doomed.map(async (e) => {
      e.disposables.dispose()
      await e.server.dispose('Its folder was closed.')
    }))
    for (const doc of orphans) void this.attach(doc).catch((err) => console.error(err))
  }

  async dispose(): Promise<void> {
    this.disposed = true
    this.disposables.dispose()
    this.keepAlive.dispose()
    await Promise.all([...this.entries.values()].map(async (e) => {
      e.disposables.dispose()
      await e.server.dispose()
    }))
    this.entries.clear()
    this.diagnostics.dispose()
  }

  private entryFor(project: ProjectInfo): Entry {
    const existing = this.entries.get(project.root)
    if (existing) return existing
    const { hub, appVersion } = this.options
    // The server is spawned with the environment detection used; filled in by each plan().
    const env: NodeJS.ProcessEnv = { ...this.options.env }
    const server = new ProjectServer({
      project,
      hub,
      env,
      initializeParams: leanInitializeParams(project.root, pathToUri(project.root), appVersion),
      logMessages: () => !!this.options.settings().logLspMessages,
      crashPolicy: this.options.crashPolicy,
      plan: async () => {
        const s = this.options.settings()
        const overrideCommand = env.LECTERN_LEAN_SERVER || s.leanServerByProject?.[project.root] || s.leanServerCommand || undefined
        // An overridden command needs no elan; otherwise wait for the discovery (bounded by its timeouts).
        if (this.options.toolchainEnv && !overrideCommand) Object.assign(env, await this.options.toolchainEnv())
        return planServerCommand({
          project,
          env,
          overrideCommand,
          serverArgs: s.serverArgs,
          timeoutMs: this.options.detectionTimeoutMs,
        })
      },
    })
    const buildMode = (): DependencyBuildMode => (this.options.settings().automaticallyBuildDependencies ? 'always' : 'never')
    const sync = new DocumentSync(server, this.options.documents, this.diagnostics, hub, buildMode)
    const disposables = new DisposableStore()
    disposables.add(sync)
    // A loose file's folder may be the home folder: only projects and open folders are watched.
    const watchable = project.kind !== 'standalone' || this.options.workspaceRoots().some((r) => resolve(r) === project.root)
    const watched = watchable ? disposables.add(new WatchedFiles({ root: project.root, hub })) : undefined
    disposables.add(server.onDidStart.event((proc) => {
      this.keepAlive.removeProject(project.root)
      watched?.attach(proc)
      proc.onNotification.event(({ method, params }) => this.onServerNotification(method, params))
      proc.onServerRequest.event(({ method, params }) => {
        if (hub.wantsLsp(method, 'server')) hub.publish('lsp', { direction: 'server', method, params })
      })
    }))
    disposables.add(server.onDidStop.event(() => {
      this.keepAlive.removeProject(project.root)
      watched?.detach()
    }))
    disposables.add(new ToolchainFileWatcher(project, (reason) => server.suggestRestart(reason)))
    const entry: Entry = { project, server, sync, disposables }
    this.entries.set(project.root, entry)
    void server.start()
    return entry
  }

  private onServerNotification(method: string, params: unknown): void {
    if (method === 'textDocument/publishDiagnostics') this.diagnostics.applyPublish(params as never)
    else if (method === '$/lean/fileProgress') this.diagnostics.applyProgress(params as never)
    if (this.options.hub.wantsLsp(method, 'server')) this.options.hub.publish('lsp', { direction: 'server', method, params })
  }

  private entryOf(uri: string): Entry | undefined {
    const root = this.projectByUri.get(uri)
    return root === undefined ? undefined : this.entries.get(root)
  }

  private async requireEntry(uri: string): Promise<Entry> {
    const entry = this.entryOf(uri) ?? (await this.pendingAttach.get(uri))
    if (!entry) throw new ApiError(LeanErrorCodes.ContentModified, `Cannot process request to closed file '${uri}'`)
    return entry
  }

  private requireProject(project: string): Entry {
    const entry = this.entries.get(project)
    if (!entry) throw new ApiError(LecternErrorCodes.NoServer, `No Lean server for project ${project}`)
    return entry
  }
}
