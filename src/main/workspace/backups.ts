// Unsaved buffers are backed up about a second after the last edit and restored after a crash or kill
// (DESIGN §6, like VS Code's hot exit). One JSON file per document path in <userData>/backups.
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { writeAtomic } from './files'

export const BACKUP_DELAY_MS = 1000

interface BackupFile {
  path: string
  text: string
  savedAt: number
}

export class Backups {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(private readonly dir: string) {}

  private nameFor(path: string): string {
    return `${createHash('sha256').update(path).digest('hex').slice(0, 32)}.json`
  }

  private fileFor(path: string): string {
    return join(this.dir, this.nameFor(path))
  }

  /** Debounced: the backup is written once edits pause for BACKUP_DELAY_MS. */
  schedule(path: string, text: () => string): void {
    clearTimeout(this.timers.get(path))
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path)
        void this.write(path, text()).catch((err) => console.error(`Backup of ${path} failed`, err))
      }, BACKUP_DELAY_MS),
    )
  }

  async write(path: string, text: string): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true })
    const body: BackupFile = { path, text, savedAt: Date.now() }
    await writeAtomic(this.fileFor(path), JSON.stringify(body))
  }

  async read(path: string): Promise<string | undefined> {
    try {
      const body = JSON.parse(await fs.readFile(this.fileFor(path), 'utf8')) as BackupFile
      return body.path === path && typeof body.text === 'string' ? body.text : undefined
    } catch {
      return undefined
    }
  }

  /** The paths that have a backup: buffers left unsaved when Lectern was killed or quit. */
  async paths(): Promise<string[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[])
    const found: string[] = []
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      try {
        const body = JSON.parse(await fs.readFile(join(this.dir, name), 'utf8')) as Partial<BackupFile>
        if (typeof body.path === 'string' && name === this.nameFor(body.path)) found.push(body.path)
      } catch {
        // a torn or foreign file: not a backup we can restore
      }
    }
    return found
  }

  /** Drops a pending debounced write (its text was just written another way). */
  cancelScheduled(path: string): void {
    clearTimeout(this.timers.get(path))
    this.timers.delete(path)
  }

  async discard(path: string): Promise<void> {
    this.cancelScheduled(path)
    await fs.rm(this.fileFor(path), { force: true })
  }

  /** Writes pending backups now (on orderly shutdown). */
  async flush(pending: { path: string; text: string }[]): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
    await Promise.all(pending.map((p) => this.write(p.path, p.text).catch(() => undefined)))
  }
}
