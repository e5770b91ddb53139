// e. Electron start → editor ready with a file open, measured as the serve row is, wherever Electron's binary and a
// display exist (`node node_modules/electron/install.js` downloads it; `xvfb-run -a` gives a headless Linux one):
// from launching the app (`electron .` with a workspace and a file, Lean = the double) until the window reports
// ready and Monaco shows the file, against a bare Electron main showing the bare Monaco floor page
// (bench/floor/electron-main.cjs). Elsewhere the row says why it did not run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO, PROJECT, stats } from './ui-harness'

const DOUBLE = join(REPO, 'e2e/lean-double/lean-double')

export async function electronStartUp(floorOut: string, text: string, reps: number, settleMs: number) {
  const { findElectronBinary, missingDisplay } = (await import(join(REPO, 'scripts/lib/launcher.mjs'))) as {
    findElectronBinary(o: { root: string }): { path?: string; why?: string }
    missingDisplay(env: NodeJS.ProcessEnv, platform: string): string | undefined
  }
  const found = findElectronBinary({ root: REPO })
  const why = found.path ? missingDisplay(process.env, process.platform) : `${found.why} (node node_modules/electron/install.js downloads it)`
  if (why || !found.path) return { skipped: why }
  const { _electron: electron } = await import('@playwright/test')
  const floorFile = join(floorOut, 'Main.lean')
  writeFileSync(floorFile, text)
  const settle = () => new Promise((r) => setTimeout(r, settleMs))
  const app: number[] = []
  const bare: number[] = []
  for (let r = 0; r < reps; r++) {
    const tmp = mkdtempSync(join(tmpdir(), 'lectern-bench-electron-'))
    const workspace = join(tmp, 'workspace')
    mkdirSync(workspace)
    for (const [name, content] of Object.entries({ ...PROJECT, 'Main.lean': text })) writeFileSync(join(workspace, name), content)
    await settle()
    let t0 = Date.now()
    const lectern = await electron.launch({
      executablePath: found.path,
      args: [REPO, workspace, 'Main.lean', '--user-data', join(tmp, 'user-data')],
      cwd: workspace,
      env: { ...process.env, LECTERN_LEAN_SERVER: DOUBLE, LEAN_DOUBLE_DELAY_MS: '0' },
    })
    try {
      const page = await lectern.firstWindow()
      await page.waitForFunction(() => (window as { __lectern?: { ready: boolean } }).__lectern?.ready === true, undefined, { timeout: 60_000 })
      await page.locator('.view-lines', { hasText: 'theorem' }).first().waitFor({ timeout: 60_000 })
      app.push(Date.now() - t0)
    } finally {
      await lectern.close()
    }

    await settle()
    t0 = Date.now()
    const floor = await electron.launch({ executablePath: found.path, args: [join(REPO, 'bench/floor/electron-main.cjs'), floorOut, floorFile] })
    try {
      const page = await floor.firstWindow()
      await page.waitForFunction(() => (window as { floorReady?: boolean }).floorReady === true, undefined, { timeout: 60_000 })
      await page.locator('.view-lines', { hasText: 'theorem' }).first().waitFor({ timeout: 60_000 })
      bare.push(Date.now() - t0)
    } finally {
      await floor.close()
      rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
    }
  }
  const a = stats(app)
  const b = stats(bare)
  return { app: a, bareElectronMonaco: b, ratioP50: a.p50 / b.p50 }
}
