// Serve mode: the same core and bridge as the desktop app, serving the built renderer to a browser.
// Used where Electron's binary is unavailable, and by the browser e2e tests.
//   node out/main/serve.js [--workspace DIR] [--port N] [--no-browser] [--user-data DIR]
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Bridge } from './bridge/bridge'
import { Core } from './core'
import { parseLaunchArgs } from './launch-args'

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
  const core = await Core.create({ mode: 'serve', workspace: args.workspace, userDataDir: args.userDataDir })
  // elan discovery (with the login shell's PATH) runs in the background from launch; nothing waits for it here.
  core.toolchain.start()
  const bridge = new Bridge({ core, rendererDir: rendererDir(), port: args.port })
  await bridge.listen()
  core.infoviewUrl = bridge.frameUrl
  console.log(`Lectern is serving ${core.roots[0]}${core.scratch ? ' (scratch project)' : ''}`)
  console.log(`Open this URL in a browser: ${bridge.pageUrl}`)
  if (args.openBrowser) openInBrowser(bridge.pageUrl)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`Lectern: ${signal}, shutting down the Lean servers…`)
    // Each step is bounded on its own; this is the last resort so a stop request always ends the process.
    setTimeout(() => {
      console.error('Lectern: shutdown took too long; exiting.')
      process.exit(1)
    }, 15_000).unref()
    await bridge.close()
    await core.dispose()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  // Started by a parent that dies (npm start killed): stdin closes when it is a pipe.
  process.on('disconnect', () => void stop('parent gone'))
}

main().catch((err) => {
  console.error(`Lectern could not start: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
