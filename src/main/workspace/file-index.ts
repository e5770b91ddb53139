// Every file under the workspace roots, for Go to File (Ctrl+P). Build output, Lake's dependency checkouts
// and hidden folders (.git, .lake) are skipped (VS Code's files.exclude spirit); the walk stops at a cap so a huge folder
// opened by mistake cannot stall the core.
import { promises as fs } from 'node:fs'
import { join } from 'node:path'

const SKIPPED_FOLDERS = new Set(['node_modules', 'build', 'lake-packages'])
export const MAX_INDEXED_FILES = 20_000

export async function listWorkspaceFiles(roots: readonly string[], max = MAX_INDEXED_FILES): Promise<{ paths: string[]; truncated: boolean }> {
  const paths: string[] = []
  const queue = [...roots]
  // Breadth first, so a cap keeps the files nearest the roots.
  while (queue.length > 0) {
    const dir = queue.shift()!
    let entries
    try {
      entries = await fs.readdir(dir, { withFileTypes: true })
    } catch {
      continue // vanished or unreadable: not worth failing the whole list
    }
    entries.sort((a, b) => a.name.localeCompare(b.name))
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIPPED_FOLDERS.has(e.name)) queue.push(join(dir, e.name))
      } else if (e.isFile()) {
        if (paths.length >= max) return { paths, truncated: true }
        paths.push(join(dir, e.name))
      }
    }
  }
  return { paths, truncated: false }
}
