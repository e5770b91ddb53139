// The /lsp upgrade: session cap (reserved before any await), limits from flags and settings, the sandbox
// check, and the server command of the project each session runs.
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import type { Core } from '../../core'
import { planServerCommand, resolveProjectRoot } from '../../toolchain'
import { errorMessage } from '../../util/errors'
import type { SocketSession } from '../app-socket'
import { serveLspSocket } from '../lsp-socket'
import { DEFAULT_LSP_LIMITS, effectiveLspLimits, type LspLimits } from './limits'
import { findBwrap, probeSandbox, type SandboxStatus, sandboxedCommand } from './sandbox'

export interface LspEndpointOptions {
  /** Limits from launch flags; they win over settings. */
  limits?: Partial<LspLimits>
  /** Where bubblewrap is; default: the usual system paths. */
  bwrap?: string
}

type Track = (ws: WebSocket, project: string, serve: (s: SocketSession) => void) => void
type Reject = (status: number, message: string) => void

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export class LspEndpoint {
  private readonly wss: WebSocketServer
  private readonly bwrap: string | undefined
  private sandboxStatus: Promise<SandboxStatus> | undefined
  /** Sessions open or being opened; counted synchronously on upgrade. */
  private reserved = 0

  constructor(
    private readonly core: Core,
    private readonly options: LspEndpointOptions = {},
  ) {
    this.bwrap = 'bwrap' in options ? options.bwrap : findBwrap()
    const maxPayload = options.limits?.maxFrameBytes ?? DEFAULT_LSP_LIMITS.maxFrameBytes
    this.wss = new WebSocketServer({ noServer: true, maxPayload })
  }

  limits(): LspLimits {
    return effectiveLspLimits(this.core.settings.get(), this.options.limits)
  }

  sandbox(): Promise<SandboxStatus> {
    this.sandboxStatus ??= probeSandbox(this.bwrap)
    return this.sandboxStatus
  }

  /** For /health: the limits in force and whether sessions can be sandboxed here. */
  async health(): Promise<object> {
    const limits = this.limits()
    const sandbox = await this.sandbox()
    const refusing = limits.sandbox && !sandbox.available
    return { limits, sandbox: { ...sandbox, enabled: limits.sandbox }, sessions: this.reserved, ...(refusing ? { refusing: sandbox.detail } : {}) }
  }

  open(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, track: Track, reject: Reject): void {
    const limits = this.limits()
    if (this.reserved >= limits.maxSessions) return reject(503, `At most ${limits.maxSessions} LSP sessions may run at once.`)
    this.reserved++
    let released = false
    const release = () => {
      if (!released) this.reserved--
      released = true
    }
    // Covers every way out: a refused or aborted handshake (ws drops a bad Sec-WebSocket-Key without a callback)
    // and the end of the upgraded connection.
    socket.once('close', release)
    this.prepare(url, limits).then(
      (plan) => {
        if (!socket.readable || !socket.writable) return release() // the client left while we prepared
        this.wss.handleUpgrade(req, socket, head, (ws) =>
          track(ws, plan.project, (s) => {
            s.sandboxed = limits.sandbox
            s.limits = limits
            serveLspSocket(ws, { argv: plan.argv, env: plan.env, cwd: plan.project, limits }, s, release)
          }),
        )
      },
      (err) => {
        release()
        reject(err instanceof Refusal ? err.status : 400, errorMessage(err))
      },
    )
  }

  private async prepare(url: URL, limits: LspLimits): Promise<{ project: string; argv: string[]; env: NodeJS.ProcessEnv }> {
    const core = this.core
    if (limits.sandbox) {
      const sandbox = await this.sandbox()
      if (!sandbox.available) throw new Refusal(503, sandbox.detail)
    }
    const folder = core.workspace.confine(url.searchParams.get('project') ?? core.roots[0])
    const project = await resolveProjectRoot(join(folder, 'Main.lean'), [...core.roots])
    const env = core.options.env ?? process.env
    const settings = core.settings.get()
    const plan = await planServerCommand({ project, env, overrideCommand: env.LECTERN_LEAN_SERVER || settings.leanServerCommand, serverArgs: settings.serverArgs })
    if (!plan.ok || !plan.command) throw new Refusal(503, plan.summary)
    const run = sandboxedCommand({ command: plan.command, project: project.root, env, limits, bwrap: this.bwrap })
    return { project: project.root, ...run }
  }
}
