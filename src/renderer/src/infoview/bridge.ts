// A symmetric RPC over postMessage between the workbench page and the sandboxed infoview frame. Both ends run
// this module. Pure: the transport (post + listen) is injected, so tests drive it with a fake pair.
//
// Wire messages are JSON strings, so only plain data ever crosses (no getters, class instances or functions).
//   {bridge, kind:'initialize', instance}        repeated until the peer answers
//   {bridge, kind:'initialized', instance}
//   {bridge, kind:'call', seqNum, name, args, undefinedArgs?}
//   {bridge, kind:'result', seqNum, result?}     (a missing `result` means undefined)
//   {bridge, kind:'error', seqNum, exception}    own properties of the error: message, code, data, name
// A peer that starts over (the frame reloaded) announces a new `instance`; pending calls to the old one reject and
// `onPeerRestart` fires so the owner can redo its start-up sequence.

export const BRIDGE_TAG = 'lectern-infoview-bridge'

export interface BridgeTransport {
  post(data: string): void
  /** Delivers every incoming message that passed the transport's source check; returns an unsubscriber. */
  listen(handler: (data: unknown) => void): () => void
}

export type Methods = { [name: string]: (...args: any[]) => unknown }

export interface BridgeOptions {
  /** First handshake interval (ms); it backs off to `maxHandshakeIntervalMs`. */
  handshakeIntervalMs?: number
  maxHandshakeIntervalMs?: number
  onPeerRestart?: () => void
  /** For tests. */
  instanceId?: string
}

/** What an exception looks like on the other side: a plain object keeping the numeric JSON-RPC `code`. */
export interface BridgeException {
  message: string
  code?: number
  data?: unknown
  name?: string
}

type Wire =
  | { bridge: typeof BRIDGE_TAG; kind: 'initialize' | 'initialized'; instance: string }
  | { bridge: typeof BRIDGE_TAG; kind: 'call'; seqNum: number; name: string; args: unknown[]; undefinedArgs?: number[] }
  | { bridge: typeof BRIDGE_TAG; kind: 'result'; seqNum: number; result?: unknown }
  | { bridge: typeof BRIDGE_TAG; kind: 'error'; seqNum: number; exception: BridgeException }

interface Pending {
  resolve(value: unknown): void
  reject(reason: unknown): void
}

export function serializeException(err: unknown): BridgeException {
  if (typeof err === 'object' && err !== null) {
    const e = err as Record<string, unknown>
    const out: BridgeException = { message: typeof e.message === 'string' ? e.message : String(err) }
    if (typeof e.code === 'number') out.code = e.code
    if (e.data !== undefined) out.data = e.data
    if (typeof e.name === 'string' && e.name !== 'Error') out.name = e.name
    return out
  }
  return { message: String(err) }
}

function randomId(): string {
  return Math.random().toString(36).slice(2) + Date.now().toString(36)
}

export class Bridge<Remote extends Methods> {
  private readonly instance: string
  private peerInstance: string | undefined
  private connected = false
  private disposed = false
  private seq = 0
  private readonly pending = new Map<number, Pending>()
  private queue: string[] = []
  private handshakeTimer: ReturnType<typeof setTimeout> | undefined
  private handshakeDelay: number
  private readonly unlisten: () => void
  private readyResolve!: () => void
  /** Resolves on the first completed handshake. */
  readonly ready: Promise<void>

  constructor(
    private readonly transport: BridgeTransport,
    private readonly handlers: Methods,
    private readonly options: BridgeOptions = {},
  ) {
    this.instance = options.instanceId ?? randomId()
    this.handshakeDelay = options.handshakeIntervalMs ?? 50
    this.ready = new Promise((resolve) => (this.readyResolve = resolve))
    this.unlisten = transport.listen((data) => this.receive(data))
    this.sendHandshake()
  }

  get isConnected(): boolean {
    return this.connected
  }

  /** Calls `name` on the other side; queued until the handshake completes. */
  call<K extends keyof Remote & string>(name: K, ...args: Parameters<Remote[K]>): Promise<Awaited<ReturnType<Remote[K]>>> {
    if (this.disposed) return Promise.reject(new Error('The infoview bridge is closed.'))
    const seqNum = ++this.seq
    const undefinedArgs: number[] = []
    args.forEach((a, i) => {
      if (a === undefined) undefinedArgs.push(i)
    })
    const msg: Wire = { bridge: BRIDGE_TAG, kind: 'call', seqNum, name, args }
    if (undefinedArgs.length) msg.undefinedArgs = undefinedArgs
    let data: string
    try {
      data = JSON.stringify(msg)
    } catch (err) {
      return Promise.reject(err)
    }
    const promise = new Promise<Awaited<ReturnType<Remote[K]>>>((resolve, reject) => {
      this.pending.set(seqNum, { resolve: resolve as (v: unknown) => void, reject })
    })
    if (this.connected) this.transport.post(data)
    else this.queue.push(data)
    return promise
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    clearTimeout(this.handshakeTimer)
    this.unlisten()
    this.rejectAll('The infoview bridge is closed.')
    this.queue = []
  }

  private sendHandshake(): void {
    if (this.disposed || this.connected) return
    this.post({ bridge: BRIDGE_TAG, kind: 'initialize', instance: this.instance })
    const max = this.options.maxHandshakeIntervalMs ?? 1000
    this.handshakeTimer = setTimeout(() => this.sendHandshake(), this.handshakeDelay)
    this.handshakeDelay = Math.min(max, Math.ceil(this.handshakeDelay * 1.25))
  }

  private post(msg: Wire): void {
    this.transport.post(JSON.stringify(msg))
  }

  private rejectAll(message: string): void {
    const pending = [...this.pending.values()]
    this.pending.clear()
    for (const p of pending) p.reject({ message })
  }

  private receive(data: unknown): void {
    if (this.disposed || typeof data !== 'string') return
    let msg: Wire
    try {
      msg = JSON.parse(data) as Wire
    } catch {
      return
    }
    if (typeof msg !== 'object' || msg === null || msg.bridge !== BRIDGE_TAG) return
    switch (msg.kind) {
      case 'initialize':
        this.notePeer(msg.instance)
        this.post({ bridge: BRIDGE_TAG, kind: 'initialized', instance: this.instance })
        return
      case 'initialized':
        this.notePeer(msg.instance)
        if (!this.connected) {
          this.connected = true
          clearTimeout(this.handshakeTimer)
          const queued = this.queue
          this.queue = []
          for (const q of queued) this.transport.post(q)
          this.readyResolve()
        }
        return
      case 'call':
        void this.handleCall(msg)
        return
      case 'result': {
        const p = this.pending.get(msg.seqNum)
        if (!p) return
        this.pending.delete(msg.seqNum)
        p.resolve(msg.result)
        return
      }
      case 'error': {
        const p = this.pending.get(msg.seqNum)
        if (!p) return
        this.pending.delete(msg.seqNum)
        p.reject(msg.exception)
        return
      }
    }
  }

  /** A different instance id than the known one means the peer started over. */
  private notePeer(instance: unknown): void {
    if (typeof instance !== 'string') return
    if (this.peerInstance === undefined) {
      this.peerInstance = instance
      return
    }
    if (this.peerInstance === instance) return
    this.peerInstance = instance
    this.rejectAll('The infoview restarted.')
    if (!this.connected) return
    // Our queued-while-connected calls went to the old peer; the new one needs the handshake again.
    this.connected = false
    this.handshakeDelay = this.options.handshakeIntervalMs ?? 50
    this.sendHandshake()
    this.options.onPeerRestart?.()
  }

  private async handleCall(msg: Extract<Wire, { kind: 'call' }>): Promise<void> {
    const { seqNum, name } = msg
    const args = Array.isArray(msg.args) ? [...msg.args] : []
    for (const i of msg.undefinedArgs ?? []) if (Number.isInteger(i) && i >= 0 && i < args.length) args[i] = undefined
    try {
      const handler = Object.prototype.hasOwnProperty.call(this.handlers, name) ? this.handlers[name] : undefined
      if (typeof handler !== 'function') throw { code: -32601, message: `Unknown infoview bridge method: ${name}` }
      const result = await handler(...args)
      if (this.disposed) return
      this.post({ bridge: BRIDGE_TAG, kind: 'result', seqNum, result })
    } catch (err) {
      if (this.disposed) return
      this.post({ bridge: BRIDGE_TAG, kind: 'error', seqNum, exception: serializeException(err) })
    }
  }
}

/** Host side: talks to one iframe; accepts messages only from that frame's window (its origin is "null"). */
export function frameTransport(iframe: HTMLIFrameElement): BridgeTransport {
  return {
    post(data) {
      // The frame's origin is opaque, so no target origin can name it; nothing secret ever crosses.
      iframe.contentWindow?.postMessage(data, '*')
    },
    listen(handler) {
      const onMessage = (ev: MessageEvent): void => {
        if (ev.source !== null && ev.source === iframe.contentWindow) handler(ev.data)
      }
      window.addEventListener('message', onMessage)
      return () => window.removeEventListener('message', onMessage)
    },
  }
}

/** Frame side: talks to the embedding page only. */
export function parentTransport(): BridgeTransport {
  return {
    post(data) {
      window.parent.postMessage(data, '*')
    },
    listen(handler) {
      const onMessage = (ev: MessageEvent): void => {
        if (ev.source === window.parent && window.parent !== window) handler(ev.data)
      }
      window.addEventListener('message', onMessage)
      return () => window.removeEventListener('message', onMessage)
    },
  }
}
