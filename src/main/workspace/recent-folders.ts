// Open Recent: the folders opened last, most recent first, in the user data folder (shared by every Lectern using
// it, so each change reads the file again). A folder that has gone is listed as missing until the user removes it.
import { promises as fs } from 'node:fs'
import { basename, dirname } from 'node:path'
import type { RecentFolder } from '../../shared/api'
import { writeAtomic } from './files'

export const MAX_RECENT_FOLDERS = 20

export class RecentFolders {
  /** Read-modify-writes run one after another. */
  private writing: Promise<void> = Promise.resolve()

  constructor(private readonly file: string) {}

  async list(): Promise<RecentFolder[]> {
    await this.flush()
    const paths = await this.load()
    return Promise.all(
      paths.map(async (path) => ({
        path,
        name: basename(path) || path,
        missing: !(await fs.stat(path).then((s) => s.isDirectory(), () => false)),
      })),
    )
  }

  add(path: string): Promise<void> {
    return this.update((paths) => [path, ...paths.filter((p) => p !== path)].slice(0, MAX_RECENT_FOLDERS))
  }

  forget(path: string): Promise<void> {
    return this.update((paths) => paths.filter((p) => p !== path))
  }

  flush(): Promise<void> {
    return this.writing.catch(() => undefined)
  }

  private update(change: (paths: string[]) => string[]): Promise<void> {
    this.writing = this.writing.catch(() => undefined).then(async () => {
      const next = change(await this.load())
      await fs.mkdir(dirname(this.file), { recursive: true })
      await writeAtomic(this.file, `${JSON.stringify({ folders: next }, null, 1)}\n`)
    })
    return this.writing
  }

  private async load(): Promise<string[]> {
    try {
      const parsed = JSON.parse(await fs.readFile(this.file, 'utf8')) as { folders?: unknown }
      return Array.isArray(parsed?.folders) ? parsed.folders.filter((p): p is string => typeof p === 'string' && p.length > 0) : []
    } catch {
      return [] // missing or damaged: only a convenience, start afresh
    }
  }
}
