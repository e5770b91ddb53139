// Reading, listing and atomically writing files (temp file in the same folder, fsync, rename), so a crash
// mid-save never leaves a half-written proof on disk.
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { DirEntry } from '../../shared/api'
import { LecternErrorCodes } from '../../shared/api'
import { ApiError } from '../util/errors'

const HIDDEN = new Set(['.git', 'node_modules', '.DS_Store'])

export async function listDir(dir: string): Promise<DirEntry[]> {
  let entries
  try {
    entries = await fs.readdir(dir, { withFileTypes: true })
  } catch (err) {
    throw notFoundOr(err, dir)
  }
  return entries
    .filter((e) => !HIDDEN.has(e.name) && (e.isDirectory() || e.isFile()))
    .map((e): DirEntry => ({ name: e.name, path: join(dir, e.name), kind: e.isDirectory() ? 'dir' : 'file' }))
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1))
}

export async function readText(path: string): Promise<{ text: string; mtimeMs: number }> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(path, 'utf8'), fs.stat(path)])
    return { text, mtimeMs: stat.mtimeMs }
  } catch (err) {
    throw notFoundOr(err, path)
  }
}

/** Creates an empty file or a folder, with missing parents; never replaces what is there. */
export async function createEntry(path: string, kind: DirEntry['kind']): Promise<DirEntry> {
  try {
    await fs.mkdir(dirname(path), { recursive: true })
    if (kind === 'dir') await fs.mkdir(path)
    else await fs.writeFile(path, '', { flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new ApiError(LecternErrorCodes.AlreadyExists, `${path} already exists.`)
    throw err
  }
  return { name: basename(path), path, kind }
}

export async function mtimeOf(path: string): Promise<number | undefined> {
  try {
    return (await fs.stat(path)).mtimeMs
  } catch {
    return undefined
  }
}

export async function writeAtomic(path: string, text: string): Promise<number> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.lectern-tmp`)
  let mode: number | undefined
  try {
    mode = (await fs.stat(path)).mode
  } catch {
    // new file
  }
  const handle = await fs.open(tmp, 'w', mode)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(tmp, path)
  } catch (err) {
    await fs.rm(tmp, { force: true })
    throw err
  }
  return (await fs.stat(path)).mtimeMs
}

function notFoundOr(err: unknown, path: string): Error {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new ApiError(LecternErrorCodes.NotFound, `${path} does not exist.`)
  if (code === 'EISDIR') return new ApiError(LecternErrorCodes.NotFound, `${path} is a folder, not a file.`)
  return err as Error
}
