// Which files were open (and which was active) in each workspace, in the user data folder. The core keeps it,
// not the page: a serve-mode tab gets a new origin (port) every launch, so browser storage would forget.
import { promises as fs } from 'node:fs'
import { dirname } from 'node:path'
import { writeAtomic } from './files'

export interface RememberedSession {
  openFiles: string[]
  active?: string
}

interface StoredSession extends RememberedSession {
  usedAt: number
}

const MAX_OPEN_FILES = 50
const MAX_WORKSPACES = 100

export class SessionStore {
  /** Read-modify-writes run one after another, so a quick tab switch cannot land before the change it followed. */
  private writing: Promise<void> = Promise.resolve()

  constructor(private readonly file: string) {}

  async get(root: string): Promise<RememberedSession> {
    const found = (await this.load())[root]
    return found ? { openFiles: found.openFiles, ...(found.active ? { active: found.active } : {}) } : { openFiles: [] }
  }

  remember(root: string, session: RememberedSession): Promise<void> {
    const openFiles = [...new Set(session.openFiles)].slice(0, MAX_OPEN_FILES)
    const active = session.active && openFiles.includes(session.active) ? session.active : undefined
    // Read again each time: another Lectern (a second serve, the desktop app) may share the user data folder.
    this.writing = this.writing.catch(() => undefined).then(async () => {
      const sessions = await this.load()
      sessions[root] = { openFiles, ...(active ? { active } : {}), usedAt: Date.now() }
      // Forget the least recently used workspaces past the cap.
      const roots = Object.keys(sessions).sort((a, b) => sessions[b].usedAt - sessions[a].usedAt)
      for (const old of roots.slice(MAX_WORKSPACES)) delete sessions[old]
      await fs.mkdir(dirname(this.file), { recursive: true })
      await writeAtomic(this.file, `${JSON.stringify(sessions, null, 1)}\n`)
    })
    return this.writing
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
        sessions[root] = { openFiles, ...(typeof s.active === 'string' ? { active: s.active } : {}), usedAt: Number(s.usedAt) || 0 }
      }
    }
    return sessions
  }
}
