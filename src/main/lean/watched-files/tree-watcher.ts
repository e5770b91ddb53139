// Watches a folder tree for files created, changed or deleted by any program, one non-recursive fs.watch per
// folder (Node's `recursive` on Linux walks the whole tree with no way to skip `.lake/packages` or `.git`,
// and new folders such as a first `.lake/build` must be picked up as they appear). fs.watch only says
// "something happened to this name"; what happened is decided when a burst settles, by comparing what was
// on disk before the burst with what is there now (ChangeCoalescer).
import { type Dirent, type FSWatcher, readdirSync, statSync, watch } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { Disposable } from '../../util/disposable'
import type { FileChangeType } from './registrations'

export interface FileChange {
  path: string
  type: FileChangeType
}

export interface CoalescerOptions {
  /** Quiet time after the last event before a batch goes out (ms). */
  settleMs: number
  /** A batch goes out at the latest this long after its first event, even while events keep coming (ms). */
  maxDelayMs: number
  flush: () => void
}

/**
 * Collects touched paths and flushes once they settle. What a path's change was is not taken from the events:
 * a save by rename, a file written and removed again, or a create then write all coalesce into what the
 * flush observes (created, changed, deleted — or nothing).
 */
export class ChangeCoalescer implements Disposable {
  private readonly touched = new Set<string>()
  private settle: ReturnType<typeof setTimeout> | undefined
  private deadline: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly options: CoalescerOptions) {}

  touch(path: string): void {
    this.touched.add(path)
    clearTimeout(this.settle)
    this.settle = setTimeout(() => this.fire(), this.options.settleMs)
    this.deadline ??= setTimeout(() => this.fire(), this.options.maxDelayMs)
  }

  /** The paths touched since the last flush (and forgets them). */
  take(): string[] {
    const paths = [...this.touched]
    this.touched.clear()
    return paths
  }

  private fire(): void {
    clearTimeout(this.settle)
    clearTimeout(this.deadline)
    this.settle = this.deadline = undefined
    if (this.touched.size) this.options.flush()
  }

  dispose(): void {
    clearTimeout(this.settle)
    clearTimeout(this.deadline)
    this.touched.clear()
  }
}

/** Compares a path's state before the burst with now: the change to report, or undefined for none. */
export function changeOf(existedBefore: boolean, existsNow: boolean): FileChangeType | undefined {
  if (existedBefore && existsNow) return 2
  if (!existedBefore && existsNow) return 1
  if (existedBefore && !existsNow) return 3
  return undefined // a temporary file, created and removed within the burst
}

/** Longest stretch of the first walk in one go (ms). */
const WALK_SLICE_MS = 8

export interface TreeWatcherOptions {
  root: string
  /** Folders (relative, `/`-separated) not to watch at all. */
  ignoreDir: (relPath: string) => boolean
  onChanges: (changes: FileChange[]) => void
  settleMs?: number
  maxDelayMs?: number
}

export class TreeWatcher implements Disposable {
  private readonly dirs = new Map<string, FSWatcher>()
  /** Files present when last looked at. */
  private readonly known = new Set<string>()
  private readonly coalescer: ChangeCoalescer
  private disposed = false
  /** Folders of the first walk not reached yet. */
  private readonly unwalked: string[] = []
  private walkStep: ReturnType<typeof setImmediate> | undefined
  private walked!: () => void
  /** Settles once the whole tree is watched (changes are reported before, in the folders reached so far). */
  readonly ready = new Promise<void>((resolve) => (this.walked = resolve))

  constructor(private readonly options: TreeWatcherOptions) {
    this.coalescer = new ChangeCoalescer({ settleMs: options.settleMs ?? 100, maxDelayMs: options.maxDelayMs ?? 1000, flush: () => this.flush() })
    this.unwalked.push(options.root)
    this.walkSlice()
  }

  /**
   * The first walk goes in slices of WALK_SLICE_MS with the event loop free in between: a project the size of
   * Mathlib has about a thousand folders (~0.1 s to watch and list when cached, far more from a cold disk), and
   * the core must go on answering meanwhile. A small project is walked within the constructor.
   */
  private walkSlice(): void {
    this.walkStep = undefined
    const start = performance.now()
    while (this.unwalked.length > 0 && !this.disposed && performance.now() - start < WALK_SLICE_MS) {
      this.addDir(this.unwalked.pop() as string, false, this.unwalked)
    }
    if (this.unwalked.length > 0 && !this.disposed) this.walkStep = setImmediate(() => this.walkSlice())
    else this.walked()
  }

  /** Folders under watch (for tests and the server log). */
  get watchedDirs(): number {
    return this.dirs.size
  }

  private rel(path: string): string {
    return relative(this.options.root, path).split(sep).join('/')
  }

  /**
   * Watches `dir` and the folders below it (or queues them on `later`); with `report`, files found in it count as
   * created.
   */
  private addDir(dir: string, report: boolean, later?: string[]): void {
    if (this.disposed || this.dirs.has(dir)) return
    if (dir !== this.options.root && this.options.ignoreDir(this.rel(dir))) return
    let watcher: FSWatcher
    let entries: Dirent[]
    try {
      // Watch first, then list: a file written in between is both listed and seen as an event.
      watcher = watch(dir, { persistent: false }, (_event, name) => this.coalescer.touch(name ? join(dir, name.toString()) : dir))
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return // vanished already, or not readable: nothing to watch
    }
    // A watch that fails (its folder deleted, say) is looked at with the next flush.
    watcher.on('error', () => this.coalescer.touch(dir))
    this.dirs.set(dir, watcher)
    for (const e of entries) {
      const path = join(dir, e.name)
      if (e.isDirectory()) {
        if (later) later.push(path)
        else this.addDir(path, report)
      } else if (report) this.coalescer.touch(path)
      else this.known.add(path)
    }
  }

  /** A folder went away: stop watching it and below; its files are deleted. */
  private dropDir(dir: string): FileChange[] {
    const prefix = dir + sep
    for (const [d, w] of this.dirs) {
      if (d !== dir && !d.startsWith(prefix)) continue
      w.close()
      this.dirs.delete(d)
    }
    const gone: FileChange[] = []
    for (const f of this.known) {
      if (!f.startsWith(prefix)) continue
      this.known.delete(f)
      gone.push({ path: f, type: 3 })
    }
    return gone
  }

  private flush(): void {
    if (this.disposed) return
    const changes: FileChange[] = []
    for (const path of this.coalescer.take()) {
      let kind: 'file' | 'dir' | undefined
      try {
        const st = statSync(path)
        kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined
      } catch {
        kind = undefined
      }
      if (kind === 'dir') {
        // New folders are watched, and what is already inside them is reported on the next flush.
        if (!this.dirs.has(path)) this.addDir(path, true)
        continue
      }
      if (this.dirs.has(path)) changes.push(...this.dropDir(path))
      const type = changeOf(this.known.has(path), kind === 'file')
      if (kind === 'file') this.known.add(path)
      else this.known.delete(path)
      if (type !== undefined) changes.push({ path, type })
    }
    if (changes.length) this.options.onChanges(changes)
  }

  dispose(): void {
    this.disposed = true
    if (this.walkStep) clearImmediate(this.walkStep)
    this.walked()
    this.coalescer.dispose()
    for (const w of this.dirs.values()) w.close()
    this.dirs.clear()
    this.known.clear()
  }
}
