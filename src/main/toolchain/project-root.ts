// Which project a Lean file belongs to: the nearest ancestor folder with a `lean-toolchain` file
// (see lean-protocol.md §2.4). One Lean server runs per project root.
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import type { ProjectInfo } from './types'

const TOOLCHAIN_FILE = 'lean-toolchain'
// Lake reads lakefile.lean first when both exist, so we report that one.
const LAKEFILE_NAMES = ['lakefile.lean', 'lakefile.toml']
// Folders holding dependency checkouts: current Lake (`.lake/packages`) and Lake before 4.3 (`lake-packages`).
const DEPENDENCY_FOLDERS = [['.lake', 'packages'], ['lake-packages']]

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile()
  } catch {
    return false
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory()
  } catch {
    return false
  }
}

async function findLakefile(dir: string): Promise<string | undefined> {
  for (const name of LAKEFILE_NAMES) {
    const candidate = path.join(dir, name)
    if (await isFile(candidate)) return candidate
  }
  return undefined
}

/**
 * A file inside a dependency checkout belongs to the project that owns the checkout, so the walk
 * starts at the folder holding the outermost `.lake` (or `lake-packages`) on the path.
 */
export function stepOutOfDependencies(dir: string): string {
  const parts = dir.split(path.sep)
  for (let i = 0; i < parts.length; i++) {
    for (const marker of DEPENDENCY_FOLDERS) {
      const matches = marker.every((segment, k) => parts[i + k] === segment)
      // Only a folder *inside* packages/ is a dependency; `.lake/packages` itself is not.
      if (matches && parts.length > i + marker.length) {
        return parts.slice(0, i).join(path.sep) || path.sep
      }
    }
  }
  return dir
}

async function readToolchain(file: string): Promise<string | undefined> {
  try {
    const text = (await fs.readFile(file, 'utf8')).trim()
    return text === '' ? undefined : text
  } catch {
    return undefined
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * Nearest ancestor of filePath with lean-toolchain, after stepping out of `.lake/packages/<pkg>/…`.
 * Falls back to the innermost workspace root containing the file, else the file's folder ('standalone').
 * A lakefile without lean-toolchain met on the way up is reported as a problem.
 */
export async function resolveProjectRoot(filePath: string, workspaceRoots: string[]): Promise<ProjectInfo> {
  const absolute = path.resolve(filePath)
  const startDir = (await isDirectory(absolute)) ? absolute : path.dirname(absolute)

  let dir = stepOutOfDependencies(startDir)
  for (;;) {
    const toolchainFile = path.join(dir, TOOLCHAIN_FILE)
    const lakefile = await findLakefile(dir)
    if (await isFile(toolchainFile)) {
      const toolchain = await readToolchain(toolchainFile)
      return {
        root: dir,
        kind: lakefile ? 'lake' : 'lean',
        toolchainFile,
        ...(toolchain !== undefined ? { toolchain } : {}),
        ...(lakefile ? { lakefile } : {}),
      }
    }
    if (lakefile) return { root: dir, kind: 'lake', lakefile, problem: 'lakefile-without-toolchain' }
    const parent = path.dirname(dir)
    if (parent === dir) break
    dir = parent
  }

  const containing = workspaceRoots
    .map((root) => path.resolve(root))
    .filter((root) => isInside(absolute, root))
    .sort((a, b) => b.length - a.length)
  return { root: containing[0] ?? startDir, kind: 'standalone' }
}
