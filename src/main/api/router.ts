// The one router behind both transports (DESIGN §1): IPC handlers and the /ws endpoint call `dispatch`
// with a per-connection context. Every method validates its params; errors carry JSON-RPC codes.
import type { ApiMethod, AppInfo, Settings } from '../../shared/api'
import { API_METHODS, LecternErrorCodes, PROJECT_TASK_KINDS, PROJECT_TEMPLATES } from '../../shared/api'
import { CHANNEL_NAMES, type ChannelName, type DiagnosticsEvent, type LspEvent } from '../../shared/channels'
import { diagnosticsParts } from '../../shared/diagnostics-parts'
import type { SettingsStore } from '../config/settings'
import type { Hub } from '../hub/hub'
import type { LeanServerRegistry } from '../lean/registry'
import { resolveProjectRoot, planServerCommand, setupReport } from '../toolchain'
import type { Disposable } from '../util/disposable'
import { ApiError } from '../util/errors'
import { join } from 'node:path'
import { browseFolder } from '../workspace/folder-browser'
import type { WorkspaceFolders } from '../workspace/folders'
import type { Workspace } from '../workspace/workspace'
import type { TaskServices } from '../tasks'
import { editorGroups, INVALID_PARAMS, obj, oneOf, optBool, optStr, str, strArray } from './validate'

/** One renderer connection (a window over IPC, a browser tab over /ws). */
export interface ConnectionContext {
  readonly id: string
  /** Delivers a channel event to this connection. */
  sendEvent(subscriptionId: string, channel: ChannelName, payload: unknown): void
  /**
   * Asks the user, in the app's own UI, to confirm a change of the program Lean runs as. Only the desktop
   * window's IPC context has it; a /ws client never can change those settings.
   */
  confirmProgramChange?(summary: string): Promise<boolean>
}

/** Settings that choose which program runs, or loosen its sandbox. */
export const PROGRAM_SETTINGS: readonly (keyof Settings)[] = ['leanServerCommand', 'leanServerByProject', 'serverArgs', 'lsp.sandbox', 'lsp.projectWritable']

export interface RouterDeps {
  appInfo: () => AppInfo
  workspace: Workspace
  /** Open / add / remove / close folders, recent folders (they change which files this API may touch). */
  folders: WorkspaceFolders
  registry: LeanServerRegistry
  hub: Hub
  settings: SettingsStore
  env: NodeJS.ProcessEnv
  appVersion: string
  tasks: TaskServices
}

type Handler = (params: Record<string, unknown>, ctx: ConnectionContext) => unknown

export class ApiRouter {
  private readonly handlers: Record<ApiMethod, Handler>
  private readonly subscriptions = new Map<string, Map<string, Disposable>>()
  private nextSubscription = 1
  /** When a client last called (Date.now()); 0 before the first call. */
  lastCallAt = 0

  constructor(private readonly deps: RouterDeps) {
    const { workspace, registry, folders } = deps
    const files = workspace.operations
    this.handlers = {
      'app.info': () => deps.appInfo(),
      'workspace.list': (p) => workspace.list(str(p, 'path')),
      'workspace.read': (p) => workspace.read(str(p, 'path')),
      'workspace.files': () => files.files(),
      'workspace.search': (p) => files.search(str(p, 'query'), { caseSensitive: optBool(p, 'caseSensitive'), regex: optBool(p, 'regex') }),
      'workspace.createFile': (p) => files.create(str(p, 'path'), 'file'),
      'workspace.createFolder': (p) => files.create(str(p, 'path'), 'dir'),
      'workspace.rename': (p) => files.rename(str(p, 'path'), str(p, 'newPath')),
      'workspace.delete': async (p) => (await files.delete(str(p, 'path')), null),
      'workspace.applyTextEdits': (p) => files.applyTextEdits(str(p, 'path'), p.edits),
      'workspace.session': () => workspace.session(),
      'workspace.rememberSession': async (p) => {
        await workspace.rememberSession({ openFiles: strArray(p, 'openFiles'), active: optStr(p, 'active'), groups: editorGroups(p, 'groups') }, optStr(p, 'root'))
        return null
      },
      'workspace.openFolder': (p) => folders.open(str(p, 'path')),
      'workspace.addFolder': (p) => folders.add(str(p, 'path')),
      'workspace.removeFolder': (p) => folders.remove(str(p, 'path')),
      'workspace.closeFolder': () => folders.close(),
      'workspace.recentFolders': () => folders.recentFolders(),
      'workspace.forgetRecentFolder': (p) => folders.forgetRecent(str(p, 'path')),
      'workspace.browseFolder': (p) => browseFolder(optStr(p, 'path') || undefined),
      'doc.open': (p, ctx) => workspace.open(str(p, 'path'), ctx.id),
      'doc.change': (p) => workspace.change(str(p, 'uri'), p.changes),
      'doc.close': async (p, ctx) => (await workspace.close(str(p, 'uri'), ctx.id), null),
      'doc.save': (p) => workspace.save(str(p, 'uri'), optBool(p, 'overwrite')),
      'doc.revert': (p) => workspace.revert(str(p, 'uri')),
      'lean.request': (p) => registry.request(str(p, 'uri'), str(p, 'method'), p.params ?? {}, optStr(p, 'requestId')),
      'lean.cancel': (p) => (registry.cancel(str(p, 'requestId')), null),
      'lean.notify': async (p) => (await registry.notify(str(p, 'uri'), str(p, 'method'), p.params ?? {}), null),
      'lean.rpcConnect': (p, ctx) => registry.rpcConnect(str(p, 'uri'), ctx.id),
      'lean.rpcClose': (p) => (registry.keepAlive.remove(str(p, 'sessionId')), null),
      'lean.initializeResult': (p) => registry.initializeResult(str(p, 'uri')),
      'lean.restartFile': async (p) => (await registry.restartFile(str(p, 'uri'), oneOf(p, 'mode', ['always', 'once', 'never'] as const)), null),
      'lean.restartServer': async (p) => (await registry.restartServer(this.project(p)), null),
      'lean.stopServer': async (p) => (await registry.stopServer(this.project(p)), null),
      'lean.serverLog': (p) => {
        const project = this.project(p)
        return { project, ...registry.serverLog(project) }
      },
      'lean.servers': () => registry.servers(),
      'toolchain.report': (p) => this.toolchainReport(optStr(p, 'project')),
      'settings.get': () => deps.settings.get(),
      'settings.update': async (p, ctx) => {
        const patch = obj(p.patch) as Partial<Settings>
        await this.confirmProgramSettings(patch, ctx)
        return deps.settings.update(patch)
      },
      'tasks.start': (p) => deps.tasks.projectTasks.start(required(oneOf(p, 'kind', PROJECT_TASK_KINDS), 'kind'), str(p, 'project')),
      'tasks.cancel': (p) => (deps.tasks.manager.cancel(str(p, 'id')), null),
      'tasks.list': () => deps.tasks.manager.list(),
      'project.create': (p) =>
        deps.tasks.createProject(str(p, 'name'), str(p, 'location'), required(oneOf(p, 'template', PROJECT_TEMPLATES), 'template')),
      'project.newProjectDefaults': () => deps.tasks.newProjectDefaults(),
      'toolchain.install': (p) =>
        required(oneOf(p, 'what', ['elan', 'toolchain'] as const), 'what') === 'elan'
          ? deps.tasks.projectTasks.installElan()
          : deps.tasks.projectTasks.installToolchain(str(p, 'project')),
      'channel.subscribe': (p, ctx) => this.subscribe(p, ctx),
      'channel.unsubscribe': (p, ctx) => {
        const id = str(p, 'subscriptionId')
        this.subscriptions.get(ctx.id)?.get(id)?.dispose()
        this.subscriptions.get(ctx.id)?.delete(id)
        return null
      },
    }
    for (const m of API_METHODS) if (!this.handlers[m]) throw new Error(`No handler for API method ${m}`)
  }

  has(method: string): method is ApiMethod {
    return Object.prototype.hasOwnProperty.call(this.handlers, method)
  }

  /** Runs a method. Throws ApiError with a JSON-RPC code for anything the caller did wrong. */
  async dispatch(method: string, params: unknown, ctx: ConnectionContext): Promise<unknown> {
    this.lastCallAt = Date.now()
    if (!this.has(method)) throw new ApiError(-32601, `Unknown method '${method}'`)
    return (await this.handlers[method](obj(params), ctx)) ?? null
  }

  /** The connection closed: drop its subscriptions, keep-alives and document holds. */
  disconnect(ctx: ConnectionContext): void {
    const subs = this.subscriptions.get(ctx.id)
    if (subs) for (const d of subs.values()) d.dispose()
    this.subscriptions.delete(ctx.id)
    this.deps.registry.keepAlive.removeOwner(ctx.id)
    this.deps.workspace.releaseOwner(ctx.id)
  }

  private subscribe(p: Record<string, unknown>, ctx: ConnectionContext): { subscriptionId: string } {
    const channel = p.channel as ChannelName
    if (!CHANNEL_NAMES.includes(channel)) throw new ApiError(INVALID_PARAMS, `Unknown channel '${String(p.channel)}'`)
    const filter = obj(p.filter)
    const chunk = channel === 'diagnostics' ? diagnosticsChunk(filter.chunk) : undefined
    const omitText = channel === 'lsp' && optBool(filter, 'omitText') === true
    const subscriptionId = `s${this.nextSubscription++}`
    let subs = this.subscriptions.get(ctx.id)
    if (!subs) this.subscriptions.set(ctx.id, (subs = new Map()))
    const send = (payload: unknown) => {
      if (omitText) return ctx.sendEvent(subscriptionId, channel, withoutOpenText(payload as LspEvent))
      if (chunk === undefined) return ctx.sendEvent(subscriptionId, channel, payload)
      for (const part of diagnosticsParts(payload as DiagnosticsEvent, chunk)) ctx.sendEvent(subscriptionId, channel, part)
    }
    // Replay happens inside subscribe; defer it so the caller gets its id before the first event.
    const pending: unknown[] = []
    let ready = false
    const disposable = this.deps.hub.subscribe(channel, filter as never, (payload) => {
      if (ready) send(payload)
      else pending.push(payload)
    })
    subs.set(subscriptionId, disposable)
    setImmediate(() => {
      ready = true
      for (const payload of pending) send(payload)
    })
    return { subscriptionId }
  }

  private async confirmProgramSettings(patch: Partial<Settings>, ctx: ConnectionContext): Promise<void> {
    const current = this.deps.settings.get()
    const changed = PROGRAM_SETTINGS.filter((k) => k in patch && JSON.stringify(patch[k]) !== JSON.stringify(current[k]))
    if (changed.length === 0) return
    const summary = changed.map((k) => `${k}: ${JSON.stringify(current[k] ?? null)} → ${JSON.stringify(patch[k] ?? null)}`).join('\n')
    if (!ctx.confirmProgramChange) {
      throw new ApiError(
        LecternErrorCodes.ProgramSettingRefused,
        `${changed.join(', ')} choose${changed.length === 1 ? 's' : ''} which program runs, so only the desktop app's Settings can change ${changed.length === 1 ? 'it' : 'them'} (after a confirmation); or edit settings.json, or start with LECTERN_LEAN_SERVER.`,
      )
    }
    if (!(await ctx.confirmProgramChange(summary))) throw new ApiError(LecternErrorCodes.ProgramSettingRefused, 'The change was not confirmed.')
  }

  private project(p: Record<string, unknown>): string {
    const project = optStr(p, 'project')
    if (project) return project
    const uri = optStr(p, 'uri')
    const fromUri = uri ? this.deps.registry.projectOfUri(uri) : undefined
    if (fromUri) return fromUri
    const all = this.deps.registry.servers()
    if (all.length === 1) return all[0].project
    throw new ApiError(INVALID_PARAMS, 'Name the project (or an open document uri) of the server.')
  }

  private async toolchainReport(project?: string) {
    const root = project ?? this.deps.registry.servers()[0]?.project ?? this.deps.workspace.roots[0]
    const info = await resolveProjectRoot(join(root, 'Main.lean'), [...this.deps.workspace.roots])
    const s = this.deps.settings.get()
    const discovery = await this.deps.tasks.toolchain.resolve()
    const plan = await planServerCommand({
      project: info,
      env: discovery.env,
      overrideCommand: this.deps.env.LECTERN_LEAN_SERVER || s.leanServerByProject?.[info.root] || s.leanServerCommand || undefined,
      serverArgs: s.serverArgs,
    })
    return {
      summary: plan.summary,
      ok: plan.ok,
      fixCommand: plan.fixCommand,
      report: setupReport(plan, info, { appVersion: this.deps.appVersion, elanDiscovery: discovery }),
    }
  }
}

function required<T>(value: T | undefined, key: string): T {
  if (value === undefined) throw new ApiError(INVALID_PARAMS, `'${key}' is required`)
  return value
}

/** A diagnostics subscription's `chunk`: absent, or a whole number of diagnostics per event. */
function diagnosticsChunk(value: unknown): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new ApiError(INVALID_PARAMS, "'chunk' must be a whole number of diagnostics, 1 or more")
  return value
}

/** A didOpen without the document's text (a copy: other subscribers get the event as it is). */
function withoutOpenText(event: LspEvent): LspEvent {
  const doc = (event.params as { textDocument?: Record<string, unknown> } | undefined)?.textDocument
  if (event.method !== 'textDocument/didOpen' || !doc || !('text' in doc)) return event
  const { text: _text, ...rest } = doc
  return { ...event, params: { ...(event.params as object), textDocument: rest } }
}
