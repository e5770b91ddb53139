// Which files a start opens, worked out from the core's first answers alone (no Monaco here): the session keeper
// restores these groups, and the early start asks the core for the same files while the workbench is still being built.
import type { AppInfo, EditorGroupSession, WorkspaceSession } from '../../../shared/api'

export interface SessionTabs {
  /** The first group's tabs, in order, each once. */
  first: string[]
  /** With a split: the second group's tabs and the file it showed. */
  right?: EditorGroupSession
}

/**
 * The groups a session comes back as. Without a split, the first group gets every tab; with one, it gets its own and
 * the backed-up files no group had. `fallback` opens when there is nothing to restore (the scratch project's Main.lean).
 */
export function sessionTabs(session: WorkspaceSession | undefined, fallback: string | undefined): SessionTabs {
  const [left, right] = session?.groups ?? []
  const unsaved = session?.unsaved ?? []
  let first: string[]
  if (right) {
    const inGroups = new Set([...left.openFiles, ...right.openFiles])
    first = [...new Set([...left.openFiles, ...unsaved.filter((path) => !inGroups.has(path))])]
  } else {
    first = [...new Set([...(session?.openFiles ?? []), ...unsaved])]
    if (first.length === 0 && fallback) first.push(fallback)
  }
  return right ? { first, right } : { first }
}

/** The scratch project's Main.lean, opened when a scratch workspace has nothing to restore. */
export function scratchFallback(info: Pick<AppInfo, 'roots' | 'scratch'>): string | undefined {
  const root = info.roots[0]
  return info.scratch && root ? `${root.replace(/[\\/]+$/, '')}/Main.lean` : undefined
}

/** Every file a start shows: the session's groups, then the files named on the command line. */
export function startFiles(info: Pick<AppInfo, 'roots' | 'scratch' | 'launchFiles'>, session: WorkspaceSession | undefined): string[] {
  if (!info.roots[0]) return []
  const { first, right } = sessionTabs(session, scratchFallback(info))
  return [...new Set([...first, ...(right?.openFiles ?? []), ...(info.launchFiles ?? []).map((file) => file.path)])]
}
