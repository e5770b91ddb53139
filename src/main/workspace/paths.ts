// Path confinement (DESIGN §6): every path the renderer names is resolved (symlinks included) and must lie
// inside an open root. Toolchain sources (~/.elan) and dependency sources (.lake/packages) open read-only.
import { realpathSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { LecternErrorCodes } from '../../shared/api'
import { ApiError } from '../util/errors'

export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** realpath of the longest existing prefix, so a not-yet-existing file still resolves its folder's links. */
export function realpathLoose(p: string): string {
  const abs = resolve(p)
  try {
    return realpathSync(abs)
  } catch {
    const parent = dirname(abs)
    if (parent === abs) return abs
    return join(realpathLoose(parent), abs.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)))
  }
}

export interface Confined {
  path: string
  readonly: boolean
}

export class PathPolicy {
  constructor(
    private readonly roots: () => string[],
    private readonly readonlyRoots: string[] = [join(homedir(), '.elan')],
  ) {}

  /** Resolves `path` and checks it; throws ApiError(PathOutsideWorkspace) otherwise. */
  check(path: unknown, opts: { write?: boolean } = {}): Confined {
    if (typeof path !== 'string' || path.length === 0 || path.includes('\0')) {
      throw new ApiError(LecternErrorCodes.PathOutsideWorkspace, 'Expected an absolute file path.')
    }
    if (!isAbsolute(path)) throw new ApiError(LecternErrorCodes.PathOutsideWorkspace, `Not an absolute path: ${path}`)
    const real = realpathLoose(path)
    for (const root of this.roots()) {
      const realRoot = realpathLoose(root)
      if (!isInside(realRoot, real)) continue
      const readonly = isDependencySource(realRoot, real)
      if (readonly && opts.write) throw new ApiError(LecternErrorCodes.ReadOnly, `${path} is a dependency source and opens read-only.`)
      return { path: real, readonly }
    }
    for (const ro of this.readonlyRoots) {
      if (isInside(realpathLoose(ro), real)) {
        if (opts.write) throw new ApiError(LecternErrorCodes.ReadOnly, `${path} belongs to a Lean toolchain and is read-only.`)
        return { path: real, readonly: true }
      }
    }
    throw new ApiError(LecternErrorCodes.PathOutsideWorkspace, `${path} is outside the open workspace folders.`)
  }
}

function isDependencySource(root: string, path: string): boolean {
  return relative(root, path).split(sep).includes('.lake')
}
