// The serve-mode folder browser (a browser page cannot show the system's folder dialog): one level of subfolders
// at a time, starting at the home folder, with Lean projects marked. Names only — no file is read.
import { promises as fs } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import type { FolderListing } from '../../shared/api'
import { isLeanProject, unavailable, usableFolder } from './folder-check'

/** A home folder with thousands of entries still answers quickly; the rest is reachable by typing a path. */
export const MAX_LISTED_FOLDERS = 1000

export async function browseFolder(path: string | undefined, home = homedir()): Promise<FolderListing> {
  const dir = await usableFolder(path ?? home)
  let entries
  try {
    entries = await fs.readdir(dir, { withFileTypes: true })
  } catch {
    throw unavailable(`${path ?? dir} cannot be read (permission denied).`)
  }
  const candidates = entries
    // Hidden folders (.git, .cache, .lake) are noise here; a path typed into the browser still reaches them.
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || e.isSymbolicLink()))
    .map((e) => ({ name: e.name, path: join(dir, e.name), link: e.isSymbolicLink() }))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }))
  const truncated = candidates.length > MAX_LISTED_FOLDERS
  const folders = await Promise.all(
    candidates.slice(0, MAX_LISTED_FOLDERS).map(async (c) => {
      // A link counts only when it leads to a folder.
      if (c.link && !(await fs.stat(c.path).then((s) => s.isDirectory(), () => false))) return undefined
      return { name: c.name, path: c.path, leanProject: await isLeanProject(c.path) }
    }),
  )
  const parent = dirname(dir)
  return {
    path: dir,
    ...(parent !== dir ? { parent } : {}),
    home,
    leanProject: await isLeanProject(dir),
    folders: folders.filter((f) => f !== undefined),
    truncated,
  }
}
