// Checks a folder the user wants to open or browse, and says in one sentence why it cannot be used.
import { constants, promises as fs } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { LecternErrorCodes } from '../../shared/api'
import { ApiError } from '../util/errors'
import { realpathLoose } from './paths'

const PROJECT_MARKERS = ['lean-toolchain', 'lakefile.lean', 'lakefile.toml']

/** The real path of an existing, readable folder; otherwise ApiError(FolderUnavailable) with the reason. */
export async function usableFolder(path: string): Promise<string> {
  if (!isAbsolute(path) || path.includes('\0')) throw unavailable(`${path} is not an absolute folder path.`)
  const real = realpathLoose(path)
  const stat = await fs.stat(real).catch(() => undefined)
  if (!stat) throw unavailable(`${path} does not exist.`)
  if (!stat.isDirectory()) throw unavailable(`${path} is not a folder.`)
  try {
    await fs.access(real, constants.R_OK | constants.X_OK)
  } catch {
    throw unavailable(`${path} cannot be read (permission denied).`)
  }
  return real
}

/** A Lean project: the folder has a `lean-toolchain` or a lakefile. */
export async function isLeanProject(dir: string): Promise<boolean> {
  for (const name of PROJECT_MARKERS) {
    if (await fs.stat(join(dir, name)).then((s) => s.isFile(), () => false)) return true
  }
  return false
}

export function unavailable(message: string): ApiError {
  return new ApiError(LecternErrorCodes.FolderUnavailable, message)
}
