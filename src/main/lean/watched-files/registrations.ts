// The file watchers one Lean process registered (`client/registerCapability` for
// `workspace/didChangeWatchedFiles`, undone by `client/unregisterCapability`), and whether a change is wanted.
// Lean registers `**/*.lean` and `**/*.ilean` (id `register_lean_watcher`, lean-protocol.md §3.2).
import { fileURLToPath } from 'node:url'
import { globMatcher } from './glob'

/** LSP FileChangeType. */
export type FileChangeType = 1 | 2 | 3
export const FileChangeType = { Created: 1, Changed: 2, Deleted: 3 } as const

/** LSP WatchKind bits: create 1, change 2, delete 4; a watcher without `kind` wants all three. */
const KIND_BIT: Record<FileChangeType, number> = { 1: 1, 2: 2, 3: 4 }

interface Watcher {
  /** Absolute folder the pattern is relative to, with a trailing `/`. */
  base: string
  match: (relPath: string) => boolean
  kind: number
}

const METHOD = 'workspace/didChangeWatchedFiles'

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
}

/** Paths are compared with `/` separators (globs use them on every platform). */
function slashed(path: string): string {
  return path.replace(/\\/g, '/')
}

function withSlash(dir: string): string {
  const d = slashed(dir)
  return d.endsWith('/') ? d : `${d}/`
}

function baseOf(baseUri: unknown): string | undefined {
  const uri = typeof baseUri === 'string' ? baseUri : asRecord(baseUri)?.uri // a WorkspaceFolder has `uri`
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined
  try {
    return withSlash(fileURLToPath(uri))
  } catch {
    return undefined
  }
}

export class WatcherRegistrations {
  private readonly byId = new Map<string, Watcher[]>()

  constructor(private readonly root: string) {}

  get isEmpty(): boolean {
    return this.byId.size === 0
  }

  /** Applies a server request; returns true when it was a (un)registration of file watchers. Bad shapes are skipped. */
  apply(method: string, params: unknown): boolean {
    const p = asRecord(params)
    if (method === 'client/registerCapability' && Array.isArray(p?.registrations)) {
      let changed = false
      for (const r of p.registrations.map(asRecord)) {
        if (r?.method !== METHOD || typeof r.id !== 'string') continue
        const watchers = asRecord(r.registerOptions)?.watchers
        this.byId.set(r.id, Array.isArray(watchers) ? watchers.flatMap((w) => this.compile(w)) : [])
        changed = true
      }
      return changed
    }
    // LSP spells the field `unregisterations`.
    if (method === 'client/unregisterCapability' && Array.isArray(p?.unregisterations)) {
      let changed = false
      for (const r of p.unregisterations.map(asRecord)) {
        if (r?.method === METHOD && typeof r.id === 'string') changed = this.byId.delete(r.id) || changed
      }
      return changed
    }
    return false
  }

  /** Does some registered watcher want this change of this absolute path? */
  wants(absPath: string, type: FileChangeType): boolean {
    const path = slashed(absPath)
    for (const watchers of this.byId.values()) {
      for (const w of watchers) {
        if (!(w.kind & KIND_BIT[type]) || !path.startsWith(w.base)) continue
        if (w.match(path.slice(w.base.length))) return true
      }
    }
    return false
  }

  private compile(raw: unknown): Watcher[] {
    const w = asRecord(raw)
    const kind = typeof w?.kind === 'number' ? w.kind : 7
    const glob = w?.globPattern
    if (typeof glob === 'string') return [{ base: withSlash(this.root), match: globMatcher(glob), kind }]
    const rel = asRecord(glob)
    const base = baseOf(rel?.baseUri)
    if (!base || typeof rel?.pattern !== 'string') return []
    return [{ base, match: globMatcher(rel.pattern), kind }]
  }
}

/**
 * Folders never watched: big, and never what Lean registers for — dependencies change through Lake tasks, and
 * `.lake/build/ir` holds the generated C (the `.ilean` files are under `.lake/build/lib`).
 */
export function ignoredInLeanProject(relPath: string): boolean {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1)
  return name === '.git' || name === 'node_modules' || ['.lake/packages', 'lake-packages', '.lake/build/ir'].includes(relPath)
}
