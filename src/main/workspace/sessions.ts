// Which files were open (and which was active) in each workspace, in the user data folder. The core keeps it,
// not the page: a serve-mode tab gets a new origin (port) every launch, so browser storage would forget.
import { promises as fs } from 'node:fs'
import { dirname } from 'node:path'
import type { EditorGroupSession } from '../../shared/api'
import { writeAtomic } from './files'

export interface RememberedSession {
  openFiles: string[]
  active?: string
  /** With a split: each group's tabs, left to right. */
  groups?: EditorGroupSession[]
}

interface StoredSession extends RememberedSession {
  usedAt: number
}

const MAX_OPEN_FILES = 50
const MAX_WORKSPACES = 100
/** The window shows two groups at most; a few more are kept for other clients of the API. */
const MAX_GROUPS = 4

/** Tabs without repeats, at most MAX_OPEN_FILES, and the active one only if it is among them. */
function tidy(group: EditorGroupSession): EditorGroupSession {
  const openFiles = [...new Set(group.openFiles)].slice(0, MAX_OPEN_FILES)
  const active = group.active && openFiles.includes(group.active) ? group.active : undefined
  return { openFiles, ...(active ? { active } : {}) }
}

/** A split worth restoring: two groups or more, each with a tab. */
function tidyGroups(groups: EditorGroupSession[] | undefined): EditorGroupSession[] | undefined {
  const kept = (groups ?? []).map(tidy).filter((g) => g.openFiles.length > 0).slice(0, MAX_GROUPS)
  return kept.length > 1 ? kept : undefined
}

function parseGroups(value: unknown): EditorGroupSession[] | undefined {
  if (!Array.isArray(value)) return undefined
  const groups = value
    .filter((g): g is { openFiles: unknown[]; active?: unknown } => !!g && typeof g === 'object' && Array.isArray(g.openFiles))
    .map((g) => ({ openFiles: g.openFiles.filter((p): p is string => typeof p === 'string'), ...(typeof g.active === 'string' ? { active: g.active } : {}) }))
  return tidyGroups(groups)
}

export class SessionStore {
  /** Read-modify-writes run one after another, so a quick tab switch cannot land before the change it followed. */
  private writing: Promise<void> = Promise.resolve()
  /** What was told since the queued write was planned, by workspace: a burst of changes is one write. */
  private readonly pending = new Map<string, StoredSession>()
  /** The write that will take `pending`, not yet started. */
  private queued: Promise<void> | undefined

  constructor(
    private readonly file: string,
    /** Writes the file (atomically, synced): the one seam the tests count. */
    private readonly write: (path: string, text: string) => Promise<unknown> = writeAtomic,
  ) {}

  async get(root: string): Promise<RememberedSession> {
    const found = (await this.load())[root]
    if (!found) return { openFiles: [] }
    return { openFiles: found.openFiles, ...(found.active ? { active: found.active } : {}), ...(found.groups ? { groups: found.groups } : {}) }
  }

  /**
   * Resolves once a write that includes this session is on disk. A session told while another write is under way joins
   * the next one with any others told meanwhile (a restore reopening tab after tab, a Close All): one synced write
   * each time instead of one per change, the latest session of each workspace winning.
   */
  remember(root: string, session: RememberedSession): Promise<void> {
    const { openFiles, active } = tidy(session)
    const groups = tidyGroups(session.groups)
    this.pending.set(root, { openFiles, ...(active ? { active } : {}), ...(groups ? { groups } : {}), usedAt: Date.now() })
    if (!this.queued) this.queued = this.writing = this.writing.catch(() => undefined).then(() => this.writePending())
    return this.queued
  }

  private async writePending(): Promise<void> {
    this.queued = undefined
    const told = [...this.pending]
    this.pending.clear()
    // Read again each time: another Lectern (a second serve, the desktop app) may share the user data folder.
    const sessions = await this.load()
    for (const [root, session] of told) sessions[root] = session
    // Forget the least recently used workspaces past the cap.
    const roots = Object.keys(sessions).sort((a, b) => sessions[b].usedAt - sessions[a].usedAt)
    for (const old of roots.slice(MAX_WORKSPACES)) delete sessions[old]
    await fs.mkdir(dirname(this.file), { recursive: true })
    await this.write(this.file, `${JSON.stringify(sessions, null, 1)}\n`)
  }

  /** Waits for the last write (on shutdown). */
  flush(): Promise<void> {
    return this.writing.catch(() => undefined)
  }

  private async load(): Promise<Record<string, StoredSession>> {
    let parsed: unknown
    try {
      parsed = JSON.parse(await fs.readFile(this.file, 'utf8'))
    } catch {
      parsed = {} // missing or unreadable: start afresh, it is only a convenience
    }
    const sessions: Record<string, StoredSession> = {}
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [root, value] of Object.entries(parsed as Record<string, unknown>)) {
        const s = value as Partial<StoredSession> | null
        if (!s || !Array.isArray(s.openFiles)) continue
        const openFiles = s.openFiles.filter((p): p is string => typeof p === 'string')
        const groups = parseGroups(s.groups)
        sessions[root] = { openFiles, ...(typeof s.active === 'string' ? { active: s.active } : {}), ...(groups ? { groups } : {}), usedAt: Number(s.usedAt) || 0 }
      }
    }
    return sessions
  }
}
