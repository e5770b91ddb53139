// The composition root of the core (everything below the Electron shell). Both entry points — Electron's
// src/main/index.ts and plain Node's src/main/serve.ts — create one Core and hand its router to transports.
import { promises as fs } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AppInfo, FileTarget } from '../shared/api'
import { ApiRouter } from './api/router'
import { SettingsStore } from './config/settings'
import { Hub } from './hub/hub'
import type { CrashPolicyOptions } from './lean/crash-policy'
import { DocumentStore } from './lean/documents'
import { LeanServerRegistry } from './lean/registry'
import { resolveProjectRoot } from './toolchain/project-root'
import { Backups } from './workspace/backups'
import { WorkspaceFolders } from './workspace/folders'
import { SessionStore } from './workspace/sessions'
import { PathPolicy, realpathLoose } from './workspace/paths'
import { RecentFolders } from './workspace/recent-folders'
import { WorkspaceRoots } from './workspace/roots'
import { ensureScratchProject } from './workspace/scratch-project'
import { Workspace } from './workspace/workspace'
import { TaskServices } from './tasks'
import { BACKGROUND_DISCOVERY_DELAY_MS, ToolchainEnvironment } from './toolchain/elan-discovery'
import { pickInstalledToolchain } from './toolchain/installed-toolchains'

export const APP_VERSION = '0.1.0'
/** A window that has not called for this long is done starting (its first file drawn, its first requests answered). */
const WINDOW_QUIET_MS = 1000
/** Files looked at for servers to start ahead: their projects are resolved one by one before the window asks. */
const SERVERS_AHEAD_FILES = 8

export interface CoreOptions {
  mode: 'electron' | 'serve'
  /** Folder to open; when absent the scratch project in the user data folder. */
  workspace?: string
  /** Files to open at start (command line), shown by the renderer at their positions. */
  launchFiles?: FileTarget[]
  userDataDir: string
  env?: NodeJS.ProcessEnv
  detectionTimeoutMs?: number
  crashPolicy?: CrashPolicyOptions
  /** How long the login shell may take to print its PATH (default 10 s); false: never ask it (tests). */
  loginShell?: { timeoutMs?: number } | false
}

export class Core {
  readonly hub = new Hub()
  readonly documents = new DocumentStore()
  readonly settings: SettingsStore
  readonly registry: LeanServerRegistry
  readonly workspace: Workspace
  /** The open folders; they change at run time (Open Folder, Add Folder, Close Folder). */
  readonly workspaceRoots: WorkspaceRoots
  readonly folders: WorkspaceFolders
  readonly router: ApiRouter
  readonly toolchain: ToolchainEnvironment
  readonly tasks: TaskServices
  /** Set by whoever serves the infoview frame (the bridge or Electron's protocol handler). */
  infoviewUrl = 'infoview.html'

  private constructor(
    readonly options: CoreOptions,
    roots: string[],
    scratchDir: string,
    recent: RecentFolders,
  ) {
    const env = options.env ?? process.env
    this.toolchain = new ToolchainEnvironment(env, {
      readLoginShell: options.loginShell !== false,
      loginShellTimeoutMs: options.loginShell ? options.loginShell.timeoutMs : undefined,
    })
    this.tasks = new TaskServices(this.hub, this.toolchain, () => [...this.roots])
    this.settings = new SettingsStore(options.userDataDir)
    this.workspaceRoots = new WorkspaceRoots(roots, scratchDir)
    const policy = new PathPolicy(() => [...this.roots])
    this.registry = new LeanServerRegistry({
      hub: this.hub,
      documents: this.documents,
      workspaceRoots: () => [...this.roots],
      env,
      toolchainEnv: async () => (await this.toolchain.resolve()).env,
      appVersion: APP_VERSION,
      settings: () => this.settings.get(),
      detectionTimeoutMs: options.detectionTimeoutMs,
      crashPolicy: options.crashPolicy,
    })
    const backups = new Backups(join(options.userDataDir, 'backups'))
    const sessions = new SessionStore(join(options.userDataDir, 'workspace-sessions.json'))
    this.workspace = new Workspace(this.workspaceRoots, policy, this.documents, this.hub, backups, sessions)
    this.workspace.onDidSave.event((doc) => this.registry.didSave(doc))
    this.folders = new WorkspaceFolders({
      roots: this.workspaceRoots,
      workspace: this.workspace,
      recent,
      hub: this.hub,
      stopServers: (removed, isOpenFolder) => this.registry.retainRoots(removed, isOpenFolder),
      scratchProject: async () => realpathLoose(await ensureScratchProject(options.userDataDir)),
    })
    this.router = new ApiRouter({
      appInfo: () => this.appInfo(),
      workspace: this.workspace,
      folders: this.folders,
      registry: this.registry,
      hub: this.hub,
      settings: this.settings,
      env,
      appVersion: APP_VERSION,
      tasks: this.tasks,
    })
  }

  static async create(options: CoreOptions): Promise<Core> {
    await fs.mkdir(options.userDataDir, { recursive: true })
    // `lectern Foo.lean:12` without a folder: open the file's project (nearest lean-toolchain), as vscode-lean4 would.
    const firstFile = options.launchFiles?.[0]
    if (!options.workspace && firstFile) options = { ...options, workspace: (await resolveProjectRoot(firstFile.path, [])).root }
    const scratchDir = realpathLoose(join(options.userDataDir, 'scratch'))
    const recent = new RecentFolders(join(options.userDataDir, 'recent-folders.json'))
    if (options.workspace) {
      const dir = realpathLoose(resolve(options.workspace))
      const stat = await fs.stat(dir).catch(() => undefined)
      if (!stat?.isDirectory()) throw new Error(`Workspace folder not found: ${options.workspace}`)
      if (dir !== scratchDir) await recent.add(dir).catch(() => undefined)
      return new Core(options, [dir], scratchDir, recent)
    }
    // First run only: pin a toolchain the user has, without waiting for the login shell.
    const pick = async (): Promise<string | undefined> => {
      const found = await new ToolchainEnvironment(options.env ?? process.env, { readLoginShell: false }).resolve()
      return pickInstalledToolchain(found.elan?.path, found.env, options.userDataDir)
    }
    await ensureScratchProject(options.userDataDir, pick)
    return new Core(options, [scratchDir], scratchDir, recent)
  }

  get roots(): readonly string[] {
    return this.workspaceRoots.roots
  }

  get scratch(): boolean {
    return this.workspaceRoots.scratch
  }

  appInfo(): AppInfo {
    return {
      name: 'Lectern',
      version: APP_VERSION,
      mode: this.options.mode,
      roots: [...this.roots],
      scratch: this.scratch,
      platform: process.platform,
      infoviewUrl: this.infoviewUrl,
      ...(this.options.launchFiles?.length ? { launchFiles: this.options.launchFiles } : {}),
    }
  }

  /**
   * elan discovery (with the login shell's PATH) in the background once the windows have drawn: after the delay and a
   * moment without calls from them, or when the first Lean server needs it. Nothing waits for it here.
   */
  startToolchainDiscoverySoon(): void {
    this.toolchain.startSoon(BACKGROUND_DISCOVERY_DELAY_MS, () => Date.now() - this.router.lastCallAt < WINDOW_QUIET_MS)
  }

  /**
   * Starts the Lean servers of the files a window opens first (the launch files, the last session's tabs) while the
   * window loads, instead of once it asks for them: Lean's start no longer waits for the page's. A server none of
   * those files reaches is ended again (registry.prepare). Never throws.
   */
  async startLeanServersAhead(): Promise<void> {
    const session = await this.workspace.session().catch(() => undefined)
    const first = [...(this.options.launchFiles ?? []).map((f) => f.path), ...(session?.active ? [session.active] : []), ...(session?.openFiles ?? [])]
    const lean = [...new Set(first.filter((path) => path.endsWith('.lean')))].slice(0, SERVERS_AHEAD_FILES)
    for (const path of lean) await this.registry.prepare(path).catch((err) => console.warn(`Lean could not be started ahead for ${path}:`, err))
  }

  async dispose(): Promise<void> {
    this.tasks.dispose()
    await this.folders.flush()
    await this.workspace.dispose()
    await this.registry.dispose()
  }
}
