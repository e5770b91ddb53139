// Serves the built renderer from disk, confined to its folder, with content types that module loaders
// (es-module-shims in the infoview frame) accept.
import { promises as fs } from 'node:fs'
import type { ServerResponse } from 'node:http'
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

/** A regular file opened for sending: its size when opened, and its bytes piece by piece up to that size. */
export interface OpenedStatic {
  size: number
  /** The next piece (at most 1 MiB, in a buffer of exactly its length), or undefined after the last one. */
  next(): Promise<Buffer | undefined>
  /** Closes the file (once, however often called). */
  close(): Promise<void>
}

// Read in pieces of up to 1 MiB, not the stream default of 64 KiB: the workbench's 3.9 MB chunk is 4 reads and socket
// writes instead of 60. Each piece is read into a buffer of its own length and written as it is, where Node's file
// streams allocate the full piece, then copy a short last one, and pipe through more machinery. Served cold, as when a
// page starts, the page's ten files cost the core 80-100 ms of CPU that way and 30-60 this way (two bare servers doing
// each: 70 and 50; one doing readFile: 50), on the two cores the page compiles its workbench on meanwhile.
const PIECE_BYTES = 1 << 20

/**
 * Opens `path` if it is a regular file. The size and the bytes come from the same open file, so a rebuild that
 * replaces it meanwhile cannot make them disagree; one that truncates it ends the send short (see the senders).
 */
export async function openStatic(path: string): Promise<OpenedStatic | undefined> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(path, 'r')
    const stat = await handle.stat()
    if (!stat.isFile()) throw new Error('not a file')
    const { size } = stat
    const file = handle
    let position = 0
    let closed: Promise<void> | undefined
    return {
      size,
      next: async () => {
        const length = Math.min(PIECE_BYTES, size - position)
        if (length <= 0) return undefined
        const piece = Buffer.allocUnsafe(length)
        const { bytesRead } = await file.read(piece, 0, length, position)
        if (bytesRead === 0) return undefined
        position += bytesRead
        return bytesRead === length ? piece : piece.subarray(0, bytesRead)
      },
      close: () => (closed ??= file.close().catch(() => undefined)),
    }
  } catch {
    await handle?.close().catch(() => undefined)
    return undefined
  }
}

/**
 * Writes an opened file to an HTTP response, a piece at a time, waiting while the socket's buffer is full. A client
 * that leaves stops it; a file that ended short of its size destroys the response instead of ending it, so the
 * client sees a failed load, not a short script. The file is closed in every case.
 */
export async function sendStatic(opened: OpenedStatic, res: ServerResponse): Promise<void> {
  let gone = false
  let wake: (() => void) | undefined
  const onClose = () => {
    gone = true
    wake?.()
  }
  res.once('close', onClose)
  let sent = 0
  try {
    for (let piece = await opened.next(); piece && !gone; piece = await opened.next()) {
      sent += piece.length
      if (!res.write(piece) && !gone) {
        await new Promise<void>((resolve) => {
          wake = resolve
          res.once('drain', resolve)
        })
        res.off('drain', wake as () => void)
        wake = undefined
      }
    }
    if (sent === opened.size && !gone) res.end()
    else res.destroy()
  } catch {
    res.destroy()
  } finally {
    res.off('close', onClose)
    await opened.close()
  }
}

/** An opened file as a web stream (Electron's protocol handlers answer with one); cancelling it closes the file. */
export function staticWebStream(opened: OpenedStatic): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const piece = await opened.next()
        if (piece) {
          sent += piece.length
          return controller.enqueue(piece)
        }
        await opened.close()
        if (sent === opened.size) controller.close()
        else controller.error(new Error('the file changed while it was sent'))
      } catch (err) {
        await opened.close()
        controller.error(err)
      }
    },
    cancel: () => opened.close(),
  })
}
