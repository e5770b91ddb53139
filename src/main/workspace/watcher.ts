// Watches folders (the roots, folders the explorer listed, the folder of every open document) without recursion,
// reference-counted, and reports created / changed / deleted files on the `files` channel.
import { existsSync, type FSWatcher, readdirSync, watch } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { FileChangeKind } from '../../shared/channels'
import { type Disposable, toDisposable } from '../util/disposable'

interface Watched {
  watcher: FSWatcher
  refs: number
  known: Set<string>
}

export type FileChangeListener = (kind: FileChangeKind, path: string) => void

export class FolderWatcher {
  private readonly folders = new Map<string, Watched>()
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(private readonly listener: FileChangeListener) {}

  watchFolder(dir: string): Disposable {
    let entry = this.folders.get(dir)
    if (!entry) {
      try {
        const watcher = watch(dir, { persistent: false }, (_ev, name) => name && this.schedule(join(dir, name.toString())))
        watcher.on('error', () => this.drop(dir))
        let names: string[] = []
        try {
          names = readdirSync(dir)
        } catch {
          // listed lazily below
        }
        entry = { watcher, refs: 0, known: new Set(names) }
        this.folders.set(dir, entry)
      } catch {
        return toDisposable(() => undefined)
      }
    }
    entry.refs++
    return toDisposable(() => {
      const e = this.folders.get(dir)
      if (e && --e.refs <= 0) this.drop(dir)
    })
  }

  /** Editors and `git checkout` touch files in bursts; report each path once things settle. */
  private schedule(path: string): void {
    if (path.endsWith('.lectern-tmp')) return
    clearTimeout(this.timers.get(path))
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path)
        const exists = existsSync(path)
        // The folder's known names tell a new file from a changed one.
        const known = this.folders.get(dirname(path))?.known
        const name = basename(path)
        const kind = !exists ? 'deleted' : known && !known.has(name) ? 'created' : 'changed'
        if (known) exists ? known.add(name) : known.delete(name)
        this.listener(kind, path)
      }, 100),
    )
  }

  private drop(dir: string): void {
    const e = this.folders.get(dir)
    if (!e) return
    e.watcher.close()
    this.folders.delete(dir)
  }

  dispose(): void {
    for (const dir of [...this.folders.keys()]) this.drop(dir)
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
  }
}
