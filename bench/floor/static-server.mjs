// The floor's bare Node HTTP server: the built floor page and one file (`/file`), nothing else. Shared by the
// browser floor (serve.mjs) and the Electron floor (electron-main.cjs).
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf' }

export function floorServer(root, file) {
  return createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    try {
      if (path === '/file') return res.end(await readFile(file))
      const target = normalize(join(root, path === '/' ? 'index.html' : path))
      if (!target.startsWith(root)) throw new Error('outside')
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' })
      res.end(await readFile(target))
    } catch {
      res.writeHead(404).end()
    }
  })
}
