// Drives the core as the renderer would (through the API router) and watches its channels.
import type { ChannelName, ChannelPayloads, ServerEvent } from '../../src/shared/channels'
import type { ConnectionContext } from '../../src/main/api/router'
import type { Core } from '../../src/main/core'
import { waitFor } from './core-harness'

export class TestClient {
  readonly events: { channel: ChannelName; payload: any }[] = []
  readonly ctx: ConnectionContext

  constructor(private readonly core: Core, id = 'test-client') {
    this.ctx = { id, sendEvent: (_sub, channel, payload) => this.events.push({ channel, payload }) }
  }

  call(method: string, params: unknown = {}): Promise<any> {
    return this.core.router.dispatch(method, params, this.ctx)
  }

  async subscribeAll(): Promise<void> {
    for (const channel of ['diagnostics', 'progress', 'server', 'files'] as const) await this.call('channel.subscribe', { channel, filter: {} })
  }

  latest<C extends ChannelName>(channel: C, pred: (p: ChannelPayloads[C]) => boolean = () => true): ChannelPayloads[C] | undefined {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i]
      if (e.channel === channel && pred(e.payload)) return e.payload
    }
    return undefined
  }

  serverStates(): string[] {
    return this.events.filter((e) => e.channel === 'server').map((e) => (e.payload as ServerEvent).state)
  }

  waitServer(state: string, timeoutMs = 20_000): Promise<ServerEvent> {
    return waitFor(() => {
      const ev = this.latest('server')
      return ev?.state === state ? ev : undefined
    }, `server state ${state} (now: ${this.latest('server')?.state})`, timeoutMs)
  }

  /** Waits until the latest diagnostics for `uri` satisfy `pred` and its processing is done. */
  waitDiagnostics(uri: string, pred: (messages: string[]) => boolean, timeoutMs = 20_000): Promise<string[]> {
    return waitFor(() => {
      const d = this.latest('diagnostics', (p) => p.uri === uri)
      const p = this.latest('progress', (p) => p.uri === uri)
      if (!d || !p || p.processing.length > 0 || p.version < d.version) return undefined
      // Silent diagnostics ("Goals accomplished!") are for the infoview only, never shown as problems.
      const msgs = d.diagnostics.filter((x) => !x.isSilent).map((x) => x.message)
      return pred(msgs) ? msgs : undefined
    }, `diagnostics of ${uri}`, timeoutMs)
  }
}

export function isAlive(pid: number | undefined): boolean {
  if (!pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
