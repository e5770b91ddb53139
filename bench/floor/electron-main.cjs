// The Electron start-up floor: a bare Electron main that serves the built floor page and one file from a bare Node
// HTTP server in its own process (static-server.mjs, as serve.mjs does for the browser) and shows it in one window.
// Nothing else: no core, no bridge, no preload. Arguments: the built floor folder, the file.
const { app, BrowserWindow } = require('electron')

const [root, file] = process.argv.slice(-2)

app.whenReady().then(async () => {
  const { floorServer } = await import('./static-server.mjs')
  const server = floorServer(root, file)
  app.on('window-all-closed', () => {
    server.close()
    app.quit()
  })
  server.listen(0, '127.0.0.1', () => {
    const window = new BrowserWindow({ width: 1200, height: 800, webPreferences: { contextIsolation: true, sandbox: true } })
    void window.loadURL(`http://127.0.0.1:${server.address().port}/`)
  })
})
