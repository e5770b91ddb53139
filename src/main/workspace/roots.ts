// The open folders (workspace roots), changeable at run time (DESIGN §1 workspace/). Everything that depends on
// the roots reads them from here when it needs them — the path policy, the file index, the Lean server registry —
// so a change is seen by all at once; the owners of per-root resources (watchers, documents, servers) listen to
// `onDidChange` and dispose what belonged to a removed root.
import type { WorkspaceState } from '../../shared/api'
import { Emitter } from '../util/disposable'
import { isInside } from './paths'

export interface RootsChange {
  roots: readonly string[]
  added: readonly string[]
  removed: readonly string[]
}

export class WorkspaceRoots {
  private current: string[]
  readonly onDidChange = new Emitter<RootsChange>()

  /** `scratchDir` is the scratch project's real path: a workspace of just that folder is "the scratch project". */
  constructor(
    initial: readonly string[],
    readonly scratchDir: string,
  ) {
    this.current = [...initial]
  }

  get roots(): readonly string[] {
    return this.current
  }

  get scratch(): boolean {
    return this.current.length === 1 && this.current[0] === this.scratchDir
  }

  state(): WorkspaceState {
    return { roots: [...this.current], scratch: this.scratch }
  }

  /** Whether `path` lies in one of the open folders. */
  contains(path: string): boolean {
    return this.current.some((root) => isInside(root, path))
  }

  /** Replaces the roots (real paths, deduplicated, order kept) and tells the listeners what went and came. */
  set(next: readonly string[]): RootsChange {
    const roots = [...new Set(next)]
    const added = roots.filter((r) => !this.current.includes(r))
    const removed = this.current.filter((r) => !roots.includes(r))
    this.current = roots
    const change = { roots, added, removed }
    if (added.length > 0 || removed.length > 0) this.onDidChange.fire(change)
    return change
  }
}
