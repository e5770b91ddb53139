// HTTP + WebSocket server on 127.0.0.1 (DESIGN §5): the built renderer (serve mode), /frame/<frameToken>/
// for the infoview frame, /health, /api/sessions, /api/events (channels as SSE), /ws (app API) and /lsp
// (raw LSP, one process each).
// Wrong Host → 421, wrong token → 401, wrong Origin → 403, oversized frame → close 1009, malformed JSON →
// parse error. Nothing a client sends may throw outside a handler: every parse of client input is guarded.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { PROTOCOL_VERSION } from '../../shared/api'
import type { Core } from '../core'
import { errorMessage } from '../util/errors'
import { type SocketSession, serveAppSocket } from './app-socket'
import { hostAllowed, newToken, OneTimeCodes, type OriginPolicy, originAllowed, presentedToken, requestUrl, sameSecret, tokenCookieName } from './auth'
import { infoviewFrameCsp, mainPageCsp, withFrameNonce } from './csp'
import { BadEventRequest, type EventStreamOptions, EventStreams } from './event-stream'
import { LspEndpoint, type LspEndpointOptions } from './lsp/endpoint'
import { processTreeUsage } from './lsp/proc-tree'
import { contentTypeOf, isContentHashed, openStatic, readStatic, resolveStatic, sendStatic } from './static-files'

export interface BridgeOptions {
  core: Core
  /** Built renderer folder (out/renderer); without it only the API endpoints exist. */
  rendererDir?: string
  port?: number
  host?: string
  token?: string
  /** Extra allowed WebSocket origins (Electron passes app://lectern). */
  extraOrigins?: string[]
  maxPayloadBytes?: number
  /** /lsp limits from launch flags, and where bwrap is. */
  lsp?: LspEndpointOptions
  pingIntervalMs?: number
  /** /api/events tuning (keep-alive interval, replay buffer, slow-reader limit); defaults suit users. */
  events?: Partial<EventStreamOptions>
}

const HEARTBEAT_MS = 30_000
const SANDBOX_PROBE_DELAY_MS = 30_000

export class Bridge {
  readonly token: string
  readonly frameToken = newToken()
  private server: Server | undefined
  private readonly wss: WebSocketServer
  private readonly sessions = new Map<string, SocketSession & { socket: WebSocket }>()
  private readonly originPolicy: OriginPolicy = { allowed: new Set() }
  private heartbeat: ReturnType<typeof setInterval> | undefined
  private sandboxProbe: ReturnType<typeof setTimeout> | undefined
  private readonly alive = new WeakSet<WebSocket>()
  private readonly sockets = new Set<Socket>()
  readonly events: EventStreams
  private rootsListener: { dispose(): void } | undefined
  private readonly codes = new OneTimeCodes()
  readonly lsp: LspEndpoint
  port = 0

  constructor(private readonly options: BridgeOptions) {
    this.token = options.token ?? newToken()
    this.events = new EventStreams(options.core.hub, options.events)
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes ?? 64 * 1024 * 1024 })
    this.lsp = new LspEndpoint(options.core, options.lsp)
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** The URL printed for a user or a tool to open (serve mode); it keeps working for the whole run. */
  get pageUrl(): string {
    return `${this.origin}/?token=${encodeURIComponent(this.token)}`
  }

  /** The URL handed to a browser: a one-time code that the page trades for the cookie, then drops. */
  launchUrl(): string {
    return `${this.origin}/?code=${this.codes.issue()}`
  }

  get frameUrl(): string {
    return `${this.origin}/frame/${this.frameToken}/infoview.html`
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => void this.onRequest(req, res).catch((err) => this.fail(res, 500, errorMessage(err))))
    server.on('upgrade', (req, socket, head) => {
      try {
        this.onUpgrade(req, socket, head)
      } catch {
        socket.destroy() // a bug here must cost one connection, never the process
      }
    })
    server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'
      if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`)
      socket.destroy()
    })
    server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.once('close', () => this.sockets.delete(socket))
    })
    this.server = server
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve())
    })
    const addr = server.address()
    this.port = typeof addr === 'object' && addr ? addr.port : 0
    for (const host of ['127.0.0.1', 'localhost']) this.originPolicy.allowed.add(`http://${host}:${this.port}`)
    for (const o of this.options.extraOrigins ?? []) this.originPolicy.allowed.add(o)
    // Probe once, ahead of need, so /health and the first session need not wait; not at start-up: the probe forks
    // bwrap, which blocks this process while the page it just printed the URL of is loading (a browser on a busy
    // machine can take seconds to ask). /health or /lsp before then start the probe themselves.
    this.sandboxProbe = setTimeout(() => void this.lsp.sandbox(), SANDBOX_PROBE_DELAY_MS)
    this.sandboxProbe.unref()
    this.heartbeat = setInterval(() => this.ping(), this.options.pingIntervalMs ?? HEARTBEAT_MS)
    this.heartbeat.unref()
    // A closed folder keeps no Lean process: its /lsp sessions end with it.
    this.rootsListener = this.options.core.workspaceRoots.onDidChange.event(() => {
      const roots = this.options.core.workspaceRoots
      for (const s of this.sessions.values()) {
        if (s.kind === 'lsp' && s.project && !roots.contains(s.project)) s.socket.close(1001, 'The folder was closed.')
      }
    })
  }

  async close(): Promise<void> {
    this.rootsListener?.dispose()
    clearInterval(this.heartbeat)
    clearTimeout(this.sandboxProbe)
    this.events.dispose()
    for (const s of this.sessions.values()) s.socket.terminate()
    const closed = new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
    // close() waits for every socket, upgraded or refused ones included; end them all so it cannot hang.
    for (const socket of this.sockets) socket.destroy()
    await closed
  }

  sessionList(): object[] {
    const sockets = [...this.sessions.values()].map(({ socket: _s, ...s }) => {
      const usage = s.pid ? processTreeUsage(s.pid) : undefined
      return { ...s, ...(usage ? { memoryKb: usage.rssKb, cpuSeconds: usage.cpuSeconds, processes: usage.pids.length } : {}) }
    })
    return [...sockets, ...this.events.list()]
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req)
    if (!url) return this.fail(res, 400, 'Bad request target.')
    if (!hostAllowed(req.headers.host, this.port)) return this.fail(res, 421, `Host must be 127.0.0.1:${this.port} or localhost:${this.port}.`)
    const cookie = `${tokenCookieName(this.port)}=${encodeURIComponent(this.token)}; HttpOnly; SameSite=Strict; Path=/`
    if (url.pathname === '/' && url.searchParams.has('code')) {
      if (!this.codes.redeem(url.searchParams.get('code'))) return this.fail(res, 401, 'This sign-in link was already used or has expired; open the URL with ?token=… that Lectern printed.')
      res.writeHead(303, { 'Set-Cookie': cookie, Location: '/', 'Cache-Control': 'no-store' })
      return void res.end()
    }
    const framePrefix = `/frame/${this.frameToken}/`
    if (url.pathname.startsWith('/frame/')) {
      // Even errors carry the CORS header, so the frame sees a 404 as a 404 rather than as a CORS failure.
      res.setHeader('Access-Control-Allow-Origin', '*')
      if (!url.pathname.startsWith(framePrefix)) return this.fail(res, 401, 'Missing or wrong frame token.')
      return this.serveFile(res, url.pathname.slice(framePrefix.length - 1), true)
    }
    if (!sameSecret(presentedToken(req, url, this.port), this.token)) {
      return this.fail(res, 401, 'Lectern needs the access token printed when it started (open the full URL with ?token=…).')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return this.fail(res, 405, 'Only GET is supported.')
    if (url.searchParams.has('token')) res.setHeader('Set-Cookie', cookie)
    switch (url.pathname) {
      case '/health':
        return this.json(res, 200, {
          status: 'ok',
          version: this.options.core.appInfo().version,
          protocol: PROTOCOL_VERSION,
          uptimeSeconds: Math.round(process.uptime()),
          sessions: this.sessions.size,
          servers: this.options.core.registry.servers().map((s) => ({ project: s.project, state: s.state })),
          lsp: await this.lsp.health(),
        })
      case '/api/sessions':
        return this.json(res, 200, this.sessionList())
      case '/api/events':
        try {
          return this.events.open(req, res, url)
        } catch (err) {
          if (err instanceof BadEventRequest) return this.fail(res, 400, err.message)
          throw err
        }
      default:
        return this.serveFile(res, url.pathname, false)
    }
  }

  private async serveFile(res: ServerResponse, urlPath: string, frame: boolean): Promise<void> {
    const root = this.options.rendererDir
    const file = root ? resolveStatic(root, urlPath) : undefined
    const type = file ? contentTypeOf(file) : ''
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    // The frame's origin is opaque ("null"): every module it loads is a cross-origin fetch.
    if (frame) res.setHeader('Access-Control-Allow-Origin', '*')
    if (file && type.startsWith('text/html')) {
      // Pages are small and may be rewritten (the frame's nonce): read whole.
      let body = await readStatic(file)
      if (!body) return this.fail(res, 404, 'Not found.')
      if (frame) {
        const nonce = newToken()
        body = withFrameNonce(body, nonce)
        res.setHeader('Content-Security-Policy', infoviewFrameCsp(this.origin, nonce))
      } else {
        res.setHeader('Content-Security-Policy', mainPageCsp(this.origin, `ws://127.0.0.1:${this.port}`))
        res.setHeader('X-Frame-Options', 'DENY')
        res.setHeader('Cache-Control', 'no-store')
      }
      res.writeHead(200, { 'Content-Type': type })
      return void res.end(body)
    }
    // Everything else is streamed: the browser starts compiling the workbench's 4 MB chunk as its first bytes
    // arrive, instead of after the whole file has been read into memory here.
    const opened = file ? await openStatic(file) : undefined
    if (!opened) return this.fail(res, 404, 'Not found.')
    if (isContentHashed(urlPath)) res.setHeader('Cache-Control', 'private, max-age=31536000, immutable')
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': opened.size })
    if (res.req.method === 'HEAD') {
      await opened.close().catch(() => undefined)
      return void res.end()
    }
    // A client that goes away mid-file stops the send (and the file is closed); that is not an error here.
    return sendStatic(opened, res)
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const reject = (status: number, message: string) => {
      if (!socket.writable) {
        socket.destroy()
        return
      }
      const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request', 503: 'Service Unavailable' }[status] ?? 'Error'
      const body = Buffer.from(`${message}\n`)
      const head = `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`
      socket.end(Buffer.concat([Buffer.from(head), body]), () => socket.destroy())
    }
    socket.on('error', () => socket.destroy())
    const url = requestUrl(req)
    if (!url) return reject(400, 'Bad request target.')
    if (!hostAllowed(req.headers.host, this.port)) return reject(421, `Host must be 127.0.0.1:${this.port} or localhost:${this.port}.`)
    if (!sameSecret(presentedToken(req, url, this.port), this.token)) return reject(401, 'Missing or wrong token.')
    if (!originAllowed(this.originPolicy, req.headers.origin)) return reject(403, `Origin ${req.headers.origin} is not allowed.`)
    if (url.pathname === '/ws') {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.track(ws, 'app', undefined, (s) => serveAppSocket(ws, this.options.core.router, s)))
      return
    }
    if (url.pathname === '/lsp') {
      return this.lsp.open(req, socket, head, url, (ws, project, serve) => this.track(ws, 'lsp', project, serve), reject)
    }
    reject(404, 'Unknown endpoint.')
  }

  private track(ws: WebSocket, kind: 'app' | 'lsp', project: string | undefined, serve: (s: SocketSession) => void): void {
    const now = Date.now()
    const session = { id: randomUUID(), kind, project, started: now, lastActivity: now, socket: ws }
    this.sessions.set(session.id, session)
    this.alive.add(ws)
    ws.on('pong', () => this.alive.add(ws))
    ws.on('close', () => this.sessions.delete(session.id))
    serve(session)
  }

  private ping(): void {
    for (const s of this.sessions.values()) {
      if (!this.alive.has(s.socket)) {
        s.socket.terminate() // a dead peer: close handlers end its processes
        continue
      }
      this.alive.delete(s.socket)
      s.socket.ping()
    }
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
    res.end(JSON.stringify(body))
  }

  private fail(res: ServerResponse, status: number, message: string): void {
    if (res.headersSent) {
      res.destroy()
      return
    }
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(`${message}\n`)
  }
}
