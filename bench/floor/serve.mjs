// The floor's server: a bare Node HTTP server for the built floor page and one file (`/file`), as serve mode
// serves the app's page. Prints its URL like serve mode does.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'

const [root, file] = process.argv.slice(2)
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf' }
const server = createServer(async (req, res) => {
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
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}/`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
