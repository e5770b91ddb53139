// The Electron start-up floor: a bare Electron main that serves the built floor page and one file from a bare Node
// HTTP server in its own process (as bench/floor/serve.mjs does for the browser) and shows it in one window.
// Nothing else: no core, no bridge, no preload. Arguments: the built floor folder, the file.
const { app, BrowserWindow } = require('electron')
const { createServer } = require('node:http')
const { readFile } = require('node:fs/promises')
const { extname, join, normalize } = require('node:path')

const [root, file] = process.argv.slice(-2)
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

app.whenReady().then(() => {
  server.listen(0, '127.0.0.1', () => {
    const window = new BrowserWindow({ width: 1200, height: 800, webPreferences: { contextIsolation: true, sandbox: true } })
    void window.loadURL(`http://127.0.0.1:${server.address().port}/`)
  })
})
app.on('window-all-closed', () => {
  server.close()
  app.quit()
})
