// Serves the built renderer from disk, confined to its folder, with content types that module loaders
// (es-module-shims in the infoview frame) accept.
import { promises as fs } from 'node:fs'
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
