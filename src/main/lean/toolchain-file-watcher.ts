// Watches a project's lean-toolchain and lakefile. A change of content (not just mtime) means the running
// server is stale; like vscode-lean4 we offer a restart rather than restarting under the user's feet.
import { createHash } from 'node:crypto'
import { type FSWatcher, readFileSync, watch } from 'node:fs'
import { join } from 'node:path'
import type { ProjectInfo } from '../toolchain'
import type { Disposable } from '../util/disposable'

const WATCHED = ['lean-toolchain', 'lakefile.lean', 'lakefile.toml']

function hashOf(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex')
  } catch {
    return 'missing'
  }
}

export class ToolchainFileWatcher implements Disposable {
  private watcher: FSWatcher | undefined
  private readonly hashes = new Map<string, string>()
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly project: ProjectInfo,
    private readonly onChanged: (reason: string) => void,
  ) {
    if (project.kind === 'standalone') return
    for (const name of WATCHED) this.hashes.set(name, hashOf(join(project.root, name)))
    try {
      this.watcher = watch(project.root, { persistent: false }, (_event, name) => {
        if (name && WATCHED.includes(name.toString())) this.schedule()
      })
      this.watcher.on('error', () => this.dispose())
    } catch {
      // A folder we cannot watch only loses the restart hint.
    }
  }

  /** Editors save in bursts (temp file + rename); look once things settle. */
  private schedule(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.check(), 150)
  }

  private check(): void {
    const changed: string[] = []
    for (const name of WATCHED) {
      const h = hashOf(join(this.project.root, name))
      if (h !== this.hashes.get(name)) changed.push(name)
      this.hashes.set(name, h)
    }
    if (changed.length) {
      this.onChanged(`${changed.join(' and ')} changed on disk; restart the Lean server of this project to use the new configuration.`)
    }
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.watcher?.close()
    this.watcher = undefined
  }
}
