// Serves the built renderer from disk, confined to its folder, with content types that module loaders
// (es-module-shims in the infoview frame) accept.
import { promises as fs, type ReadStream } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
}

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Whether a URL path names a build output whose name carries a hash of its content (Vite's `assets/<name>-<hash>.<ext>`):
 * such a file never changes under its name, so the browser may keep it, and on a reload (or a second window on the same
 * port) take the workbench's 4 MB chunk from its cache instead of from here (measured: a reload shows the editor in about
 * half the time).
 */
export function isContentHashed(urlPath: string): boolean {
  return /(?:^|\/)assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(urlPath)
}

/** Maps a URL path (already stripped of any prefix) to a file under `root`, or undefined if it escapes. */
export function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const rel = normalize(decoded.replace(/^\/+/, '') || 'index.html')
  if (rel.startsWith('..') || rel.includes(`${sep}..${sep}`)) return undefined
  const full = join(root, rel)
  return full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined
}

export async function readStatic(path: string): Promise<Buffer | undefined> {
  try {
    const stat = await fs.stat(path)
    if (!stat.isFile()) return undefined
    return await fs.readFile(path)
  } catch {
    return undefined
  }
}

/** A regular file opened for sending: its size now, and its bytes as a stream (which closes the file when done). */
export interface OpenedStatic {
  size: number
  stream(): ReadStream
  close(): Promise<void>
}

// Read in pieces of 1 MiB, not the stream default of 64 KiB: the workbench's 3.9 MB chunk is then 4 reads and socket
// writes instead of 60 (the core's CPU per load of it: ~11 ms instead of ~14, on the cores the page compiles on).
const STREAM_CHUNK_BYTES = 1 << 20

/**
 * Opens `path` if it is a regular file. The size and the stream come from the same open file, so a rebuild that
 * replaces it meanwhile cannot make them disagree.
 */
export async function openStatic(path: string): Promise<OpenedStatic | undefined> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(path, 'r')
    const stat = await handle.stat()
    if (!stat.isFile()) throw new Error('not a file')
    const opened = handle
    return { size: stat.size, stream: () => opened.createReadStream({ highWaterMark: STREAM_CHUNK_BYTES }), close: () => opened.close() }
  } catch {
    await handle?.close().catch(() => undefined)
    return undefined
  }
}
