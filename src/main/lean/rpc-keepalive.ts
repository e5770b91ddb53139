// RPC sessions opened on behalf of the infoview. The core, not the frame, sends `$/lean/rpc/keepAlive`
// every 10 s: timers in hidden frames are throttled and the server expires sessions after 30 s.
export const KEEP_ALIVE_PERIOD_MS = 10_000

interface Session {
  uri: string
  project: string
  owner: string
  timer: ReturnType<typeof setInterval>
}

export class RpcKeepAlive {
  private readonly sessions = new Map<string, Session>()

  constructor(private readonly send: (project: string, uri: string, sessionId: string) => void) {}

  add(sessionId: string, uri: string, project: string, owner: string): void {
    this.remove(sessionId)
    const timer = setInterval(() => this.send(project, uri, sessionId), KEEP_ALIVE_PERIOD_MS)
    timer.unref()
    this.sessions.set(sessionId, { uri, project, owner, timer })
  }

  remove(sessionId: string): void {
    const s = this.sessions.get(sessionId)
    if (!s) return
    clearInterval(s.timer)
    this.sessions.delete(sessionId)
  }

  /** The server restarted: its sessions are gone (the infoview reconnects after serverRestarted). */
  removeProject(project: string): void {
    for (const [id, s] of this.sessions) if (s.project === project) this.remove(id)
  }

  /** A renderer connection went away: stop keeping its sessions alive. */
  removeOwner(owner: string): void {
    for (const [id, s] of this.sessions) if (s.owner === owner) this.remove(id)
  }

  get size(): number {
    return this.sessions.size
  }

  dispose(): void {
    for (const id of [...this.sessions.keys()]) this.remove(id)
  }
}
