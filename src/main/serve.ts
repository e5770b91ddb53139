// Serve mode: the same core and bridge as the desktop app, serving the built renderer to a browser.
// Used where Electron's binary is unavailable, and by the browser e2e tests.
//   node out/main/serve.js [--workspace DIR] [--port N] [--no-browser] [--user-data DIR]
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Bridge } from './bridge/bridge'
import { APP_VERSION, Core } from './core'
import { parseLaunchArgs, USAGE } from './launch-args'
import { onStopSignals, Shutdown } from './shell/shutdown'

function rendererDir(): string {
  const candidates = [process.env.LECTERN_RENDERER_DIR, join(__dirname, '../renderer'), resolve('out/renderer')]
  for (const c of candidates) if (c && existsSync(join(c, 'index.html'))) return c
  throw new Error('The built renderer was not found; run `npm run build` first.')
}

function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // The URL is printed; opening a browser is a convenience.
  }
}

async function main(): Promise<void> {
  const args = parseLaunchArgs(process.argv.slice(2), process.env)
  if (args.action) {
    console.log(args.action === 'help' ? USAGE : `Lectern ${APP_VERSION}`)
    return
  }
  const core = await Core.create({ mode: 'serve', workspace: args.workspace, userDataDir: args.userDataDir, launchFiles: args.files })
  core.startToolchainDiscoverySoon()
  const bridge = new Bridge({ core, rendererDir: rendererDir(), port: args.port, token: args.token, lsp: { limits: args.lsp } })
  await bridge.listen()
  core.infoviewUrl = bridge.frameUrl
  console.log(`Lectern is serving ${core.roots[0]}${core.scratch ? ' (scratch project)' : ''}`)
  console.log(`Open this URL in a browser: ${bridge.pageUrl}`)
  void core.startLeanServersAhead()
  // The browser gets a one-time code instead of the token, so the token never sits in its address bar or history.
  if (args.openBrowser) openInBrowser(bridge.launchUrl())

  const shutdown = new Shutdown({
    steps: async () => {
      await bridge.close()
      await core.dispose()
    },
    exit: (code) => process.exit(code),
  })
  onStopSignals(process, (signal) => void shutdown.run(signal))
  // Started by a parent that dies (npm start killed): stdin closes when it is a pipe.
  process.on('disconnect', () => void shutdown.run('parent gone'))
}

main().catch((err) => {
  console.error(`Lectern could not start: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
