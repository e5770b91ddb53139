// The latest `server` channel event per project, and how the status bar and banner phrase it. Pure.
import type { ServerEvent, ServerState } from '../../../shared/channels'
import { Emitter } from './disposables'

export type StatusTone = 'normal' | 'busy' | 'warning' | 'error'

export interface ServerStatusText {
  text: string
  tone: StatusTone
  tooltip: string
}

/** States that need the user: they get a banner above the editor. */
export function needsBanner(state: ServerState): boolean {
  return state === 'no-toolchain' || state === 'stopped' || state === 'crashed'
}

/** A short toolchain label: "leanprover/lean4:v4.20.0" → "v4.20.0". */
export function shortToolchain(event: ServerEvent): string | undefined {
  const raw = event.toolchain ?? event.serverVersion
  if (!raw) return undefined
  const afterColon = raw.includes(':') ? raw.slice(raw.lastIndexOf(':') + 1) : raw
  const version = /v?\d+\.\d+\.\d+[\w.-]*/.exec(afterColon)
  return version ? version[0] : afterColon.trim()
}

export function serverStatusText(event: ServerEvent | undefined, processing: boolean): ServerStatusText {
  if (!event) return { text: 'Lean', tone: 'normal', tooltip: 'No Lean server has started yet.' }
  const version = shortToolchain(event)
  // A remote server says where it runs: "Lean v4.20.0 @ bigbox:4567".
  const where = event.remote ? ` @ ${remoteHost(event.remote)}` : ''
  const name = `${version ? `Lean ${version}` : 'Lean'}${where}`
  const tooltip = `${event.project}\n${event.remote ? `Remote Lean server: ${event.remote}\n` : ''}${event.detail}`
  switch (event.state) {
    case 'no-toolchain':
      return { text: 'Lean: no toolchain', tone: 'warning', tooltip }
    case 'crashed':
      return { text: `${name}: crashed`, tone: 'error', tooltip }
    case 'stopped':
      return { text: `${name}: stopped`, tone: 'warning', tooltip }
    case 'starting':
    case 'restarting':
      return { text: `${name}: ${event.state}…`, tone: 'busy', tooltip }
    case 'running':
      return processing
        ? { text: `${name}: processing…`, tone: 'busy', tooltip }
        : { text: name, tone: 'normal', tooltip }
  }
}

function remoteHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

export function isUnder(path: string, dir: string): boolean {
  const p = path.replace(/\\/g, '/')
  const d = dir.replace(/\\/g, '/').replace(/\/+$/, '')
  return p === d || p.startsWith(`${d}/`)
}

/** The project (longest matching root) that owns a file path. */
export function projectFor(path: string, projects: Iterable<string>): string | undefined {
  let best: string | undefined
  for (const project of projects) {
    if (isUnder(path, project) && (!best || project.length > best.length)) best = project
  }
  return best
}

export class ServerStates {
  private readonly byProject = new Map<string, ServerEvent>()
  private readonly changed = new Emitter<void>()
  readonly onDidChange = this.changed.event

  update(event: ServerEvent): void {
    this.byProject.set(event.project, event)
    this.changed.fire()
  }

  /** Forgets the servers of folders no longer open (their last state was "stopped": nothing to show). */
  retain(keep: (project: string) => boolean): void {
    let changed = false
    for (const project of [...this.byProject.keys()]) {
      if (keep(project)) continue
      this.byProject.delete(project)
      changed = true
    }
    if (changed) this.changed.fire()
  }

  get(project: string): ServerEvent | undefined {
    return this.byProject.get(project)
  }

  all(): ServerEvent[] {
    return [...this.byProject.values()]
  }

  /** The server for a file, or, without a file, the one most worth showing (a problem before a healthy one). */
  forPath(path: string | undefined): ServerEvent | undefined {
    if (path) {
      const project = projectFor(path, this.byProject.keys())
      if (project) return this.byProject.get(project)
    }
    const all = this.all()
    return all.find((e) => needsBanner(e.state)) ?? all[0]
  }

  dispose(): void {
    this.changed.dispose()
  }
}
