// Decides when the infoview hears `serverRestarted` and `serverStopped`, from the `server` channel and the active
// document. Pure: the backend call and the frame calls are injected.
//
// - The project of a document is the longest server `project` path that contains the document's path.
// - Each time that project's server enters `running` (a new "epoch"), the infoview gets `serverRestarted` with
//   `lean.initializeResult({uri})` once; it then drops its RPC sessions, which is what a restarted server needs.
// - `stopped`, `crashed`, `restarting` and `no-toolchain` show the stopped state; `running` clears it.
// - When no server event names the document's project (yet), the initialize result is asked for directly.
// - A running server whose worker for the active file crashed shows the stopped state for that file (as
//   vscode-lean4 does on -32902); its restart (an edit, Restart File) announces the server again.
import type { ServerEvent, ServerState } from '../../../shared/channels'
import type { ServerStoppedReason } from '@leanprover/infoview'

export interface ServerStatusDeps {
  initializeResult(uri: string): Promise<unknown>
  serverRestarted(result: unknown): void
  serverStopped(reason: ServerStoppedReason | undefined): void
}

const STOPPED: ReadonlySet<ServerState> = new Set(['stopped', 'crashed', 'restarting', 'no-toolchain'])

/**
 * The infoview shows `serverStopped` only after it heard `serverRestarted` once; before that it says "Waiting for
 * Lean server to start..." whatever happens. When no server ever ran (no toolchain), it is told this stand-in
 * first, so it shows the same sentence as the banner. No capabilities: nothing is asked of a server that is absent.
 */
export const NO_SERVER_INITIALIZE_RESULT = { capabilities: {}, serverInfo: { name: 'Lean (not running)', version: '0.0.0' } }

/** Path of a file: uri, decoded, with forward slashes; undefined for other schemes. */
export function uriPath(uri: string): string | undefined {
  const m = /^file:\/\/[^/]*(\/.*)$/.exec(uri)
  if (!m) return undefined
  let path: string
  try {
    path = decodeURIComponent(m[1])
  } catch {
    return undefined
  }
  // file:///C:/x → C:/x
  if (/^\/[A-Za-z]:\//.test(path)) path = path.slice(1)
  return path
}

function normalizeDir(project: string): string {
  const p = project.replace(/\\/g, '/')
  return p.endsWith('/') ? p.slice(0, -1) : p
}

export function projectOf(uri: string, projects: Iterable<string>): string | undefined {
  const path = uriPath(uri)
  if (path === undefined) return undefined
  const caseless = /^[A-Za-z]:\//.test(path)
  const norm = (s: string): string => (caseless ? s.toLowerCase() : s)
  let best: string | undefined
  for (const project of projects) {
    const dir = normalizeDir(project)
    if (norm(path) === norm(dir) || norm(path).startsWith(norm(dir) + '/')) {
      if (best === undefined || normalizeDir(best).length < dir.length) best = project
    }
  }
  return best
}

export function stoppedReason(ev: ServerEvent): ServerStoppedReason {
  const tail = ev.stderrTail?.filter((l) => l.trim() !== '').slice(-5).join('\n')
  const fix = ev.fixCommand ? `\nTo fix it, run: ${ev.fixCommand}` : ''
  const messages: Record<string, string> = {
    stopped: 'The Lean server has stopped.',
    crashed: 'The Lean server stopped unexpectedly.',
    restarting: 'The Lean server is restarting…',
    'no-toolchain': 'No Lean toolchain was found for this file.',
  }
  const reason = [ev.detail, tail].filter((s) => s && s.trim() !== '').join('\n') + fix
  return { message: messages[ev.state] ?? `The Lean server is ${ev.state}.`, reason }
}

export class ServerStatus {
  private announce(result: unknown): void {
    this.announced = true
    this.deps.serverRestarted(result)
  }

  private readonly states = new Map<string, { event: ServerEvent; epoch: number }>()
  /** Files whose worker crashed, with Lean's message. */
  private readonly crashes = new Map<string, string>()
  private activeUri: string | undefined
  /** What the infoview was last told: `running:<key>` or `stopped:<project>:<state>:<detail>`. */
  private shown: string | undefined
  private inFlight: string | undefined
  private generation = 0
  /** Has the infoview heard `serverRestarted` since it (re)loaded? */
  private announced = false

  constructor(private readonly deps: ServerStatusDeps) {}

  /** A `server` channel event (or an entry of `lean.servers`). */
  update(event: ServerEvent): void {
    const prev = this.states.get(event.project)
    const entering = event.state === 'running' && prev?.event.state !== 'running'
    this.states.set(event.project, { event, epoch: (prev?.epoch ?? 0) + (entering ? 1 : 0) })
    this.sync()
  }

  /** A `progress` event's `workerCrash` for `uri` (undefined: its worker runs). */
  setFileCrash(uri: string, crash: string | undefined): void {
    if (this.crashes.get(uri) === crash) return
    if (crash === undefined) this.crashes.delete(uri)
    else this.crashes.set(uri, crash)
    if (uri === this.activeUri) this.sync()
  }

  setActiveUri(uri: string | undefined): void {
    if (uri === this.activeUri) return
    this.activeUri = uri
    this.sync()
  }

  /** Forget what the infoview was told (it was reloaded); the next sync tells it again. */
  reset(): void {
    this.shown = undefined
    this.announced = false
    this.inFlight = undefined
    this.generation++
  }

  sync(): void {
    const uri = this.activeUri
    if (uri === undefined) return
    const project = projectOf(uri, this.states.keys())
    const entry = project !== undefined ? this.states.get(project) : undefined
    if (entry && STOPPED.has(entry.event.state)) {
      const key = `stopped:${project}:${entry.event.state}:${entry.event.detail}`
      if (this.shown === key) return
      this.shown = key
      this.inFlight = undefined
      if (!this.announced) this.announce(NO_SERVER_INITIALIZE_RESULT)
      this.deps.serverStopped(stoppedReason(entry.event))
      return
    }
    if (entry && entry.event.state !== 'running') return // starting: keep showing what we showed
    const crash = this.crashes.get(uri)
    if (crash !== undefined) {
      const key = `crashed:${uri}:${crash}`
      if (this.shown === key) return
      this.shown = key
      this.inFlight = undefined
      if (!this.announced) this.announce(NO_SERVER_INITIALIZE_RESULT)
      this.deps.serverStopped({ message: 'Lean stopped processing this file.', reason: `${crash}\nEdit the file or use Restart File to start it again.` })
      return
    }
    const key = `running:${entry ? `${project}#${entry.epoch}` : `uri:${uri}`}`
    if (this.shown === key || this.inFlight === key) return
    // Switching between files of one running project needs nothing new.
    if (!entry && this.shown?.startsWith('running:')) return
    this.inFlight = key
    const generation = this.generation
    this.deps.initializeResult(uri).then(
      (result) => {
        if (generation !== this.generation || this.inFlight !== key) return
        this.inFlight = undefined
        if (result === null || result === undefined) return
        this.shown = key
        // The order vscode-lean4 uses: clear any stopped state, then announce the (re)started server.
        this.deps.serverStopped(undefined)
        this.announce(result)
      },
      () => {
        if (this.inFlight === key) this.inFlight = undefined
      },
    )
  }
}
