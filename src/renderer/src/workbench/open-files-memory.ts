// Remembers which files were open (and which was active) per workspace, in localStorage, so a restart
// reopens them. Storage failures (private mode, quota) are ignored: this is a convenience.

export interface RememberedFiles {
  paths: string[]
  active?: string
}

const MAX_REMEMBERED = 30

export class OpenFilesMemory {
  private readonly key: string

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
    workspaceRoot: string,
  ) {
    this.key = `lectern.openFiles:${workspaceRoot}`
  }

  load(): RememberedFiles {
    try {
      const raw = this.storage?.getItem(this.key)
      if (!raw) return { paths: [] }
      const parsed = JSON.parse(raw) as Partial<RememberedFiles>
      const paths = Array.isArray(parsed.paths) ? parsed.paths.filter((p): p is string => typeof p === 'string') : []
      const active = typeof parsed.active === 'string' && paths.includes(parsed.active) ? parsed.active : undefined
      return { paths: paths.slice(0, MAX_REMEMBERED), active }
    } catch {
      return { paths: [] }
    }
  }

  save(files: RememberedFiles): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify({ paths: files.paths.slice(0, MAX_REMEMBERED), active: files.active }))
    } catch {
      // Not fatal.
    }
  }
}
