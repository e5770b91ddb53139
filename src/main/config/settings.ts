// User settings, a JSON file in the user data folder. Unknown keys are kept; bad JSON is reported, not lost.
import { promises as fs, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Settings } from '../../shared/api'
import { Emitter } from '../util/disposable'
import { writeAtomic } from '../workspace/files'

export class SettingsStore {
  private values: Settings = {}
  readonly path: string
  readonly onDidChange = new Emitter<Settings>()
  loadError: string | undefined

  constructor(userDataDir: string) {
    this.path = join(userDataDir, 'settings.json')
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8'))
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) this.values = parsed
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.loadError = `${this.path} could not be read: ${(err as Error).message}`
    }
  }

  get(): Settings {
    return { ...this.values }
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    if (this.loadError) throw new Error(`${this.loadError}. Fix or remove the file; Lectern will not overwrite it.`)
    this.values = { ...this.values, ...patch }
    await fs.mkdir(join(this.path, '..'), { recursive: true })
    await writeAtomic(this.path, `${JSON.stringify(this.values, null, 2)}\n`)
    this.onDidChange.fire(this.get())
    return this.get()
  }
}
