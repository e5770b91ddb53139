// The costs a user feels in the window, in chromium against serve mode and the Lean server double, each as a
// ratio to a floor measured in the same run (bench/README.md explains every row). `npm run bench -- --only ui`.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { electronStartUp } from './ui-electron'
import { launchBrowser, printedUrl, REPO, rssKb, startServe, stats } from './ui-harness'

const KEYS = Number(process.env.BENCH_UI_KEYS ?? 40)
/** Rounds of the key scenario; its ratio is the median of the rounds' ratios (see bench/README.md). */
const KEY_ROUNDS = Number(process.env.BENCH_UI_KEY_ROUNDS ?? 3)
/** Starts of app and floor each: over 5, the row's ratio of p50s moved by ±0.04 from one bench run to the next. */
const REPS = Number(process.env.BENCH_UI_REPS ?? 9)
/** Publishes of the diagnostics scenario: more than REPS, as one publish in a page swings by ×2 (the first is cold). */
const DIAGNOSTICS_REPS = Number(process.env.BENCH_UI_DIAGNOSTICS_REPS ?? 9)
const SETTLE_MS = 1000
const SMALL = 'theorem one : 1 = 1 := rfl\n'
/** The start-up's file: one error, so the start also tells when Lean's first answer is on screen. */
const START = 'theorem one : 1 = 1 := rfl\ntheorem bad : 2 = 3 := rfl\n'
const BIG = Array.from({ length: 20_000 }, (_, i) => `theorem t${i} : ${i} = ${i} := rfl`).join('\n') + '\n'

async function editorShows(page: Page, text: string): Promise<void> {
  await page.waitForFunction(() => (window as { __lectern?: { ready: boolean } }).__lectern?.ready === true, undefined, { timeout: 60_000 })
  await page.locator('.view-lines', { hasText: text }).first().waitFor({ timeout: 60_000 })
}

/**
 * a. Key press → didChange at the server on the big file and on the small one. One run of presses swings by ×2 from
 * run to run (a press that meets a render frame or a GC waits for it), so the files are compared KEY_ROUNDS times,
 * each round a big and a small run back to back (their order alternating), and the ratio is the median of the rounds'
 * ratios: a machine that gets busier over the rounds slows both runs of a round, and must not dilute the ratio.
 * With `serverPaused` the double is stopped (SIGSTOP) from its didOpen until the last press: its re-parse of the big
 * file after each edit keeps one of two cores busy, which slows every process here alike (a busy loop next to the
 * 1-line run costs as much or more) and is the server's cost, not Lectern's. The target is read with it paused; the
 * run with the server working is reported beside it.
 */
async function keyRounds(browser: Browser, serverPaused: boolean) {
  const big: KeyRun[] = []
  const small: KeyRun[] = []
  for (let round = 0; round < KEY_ROUNDS; round++) {
    const runs = [() => keystrokes(browser, 'Big.lean', BIG, 'Big.lean:10000:1', serverPaused).then((r) => big.push(r)), () => keystrokes(browser, 'Small.lean', SMALL, 'Small.lean:1:1', serverPaused).then((r) => small.push(r))]
    if (round % 2 === 1) runs.reverse()
    for (const run of runs) await run()
  }
  const pooled = (rs: KeyRun[]) => ({
    ...stats(rs.flatMap((r) => r.samples)),
    runP50s: rs.map((r) => stats(r.samples).p50),
    incremental: rs.every((r) => r.incremental),
    maxChangeChars: Math.max(...rs.map((r) => r.maxChangeChars)),
  })
  const [b, s] = [pooled(big), pooled(small)]
  const roundRatios = b.runP50s.map((p50, i) => p50 / Math.max(1, s.runP50s[i]))
  const ratioP50 = [...roundRatios].sort((x, y) => x - y)[Math.floor(roundRatios.length / 2)]
  return { file20kLines: b, file1Line: s, roundRatios, ratioP50 }
}

interface KeyRun {
  samples: number[]
  incremental: boolean
  maxChangeChars: number
}

/** One run: KEYS presses in a fresh serve process and page; the time of each, and what the didChanges carried. */
async function keystrokes(browser: Browser, file: string, text: string, at: string, serverPaused: boolean): Promise<KeyRun> {
  const served = await startServe({ [file]: text }, [at], { stampStdin: true })
  const page = await browser.newPage()
  let serverPid: number | undefined
  try {
    await page.goto(served.url)
    await editorShows(page, 'theorem')
    let pid: number | undefined
    await served.stdinLog.next((e) => {
      // The stamper's first line names the server's process; entries are read in order.
      if (e.dir === 'stamp') pid = (e as { serverPid?: number }).serverPid
      return e.dir === 'in' && e.msg.method === 'textDocument/didOpen'
    }, 'didOpen')
    if (serverPaused) {
      if (!pid) throw new Error('bench: the stamper did not name the server process')
      serverPid = pid
      process.kill(serverPid, 'SIGSTOP')
    }
    await page.locator('.monaco-editor .view-lines').first().click()
    const samples: number[] = []
    let incremental = true
    let maxChangeChars = 0
    for (let i = 0; i < KEYS; i++) {
      served.stdinLog.read()
      const t0 = Date.now()
      await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace')
      const e = await served.stdinLog.next((x) => x.dir === 'in' && x.msg.method === 'textDocument/didChange', 'didChange')
      samples.push(e.t - t0)
      const changes = e.msg.params.contentChanges as { range?: unknown; text: string }[]
      incremental &&= changes.length === 1 && !!changes[0].range
      maxChangeChars = Math.max(maxChangeChars, ...changes.map((c) => c.text.length))
    }
    return { samples, incremental, maxChangeChars }
  } finally {
    if (serverPid) process.kill(serverPid, 'SIGCONT')
    await page.close()
    await served.dispose()
  }
}

/** b. 5,000 warnings in one publish: from the double's write until Problems counts them and squiggles are drawn. */
async function diagnostics(browser: Browser) {
  const lines = Array.from({ length: 5000 }, (_, i) => `-- line ${i}`)
  const file = ['-- double: lint-warnings 0', 'theorem a : 1 = 1 := rfl', ...lines].join('\n')
  const served = await startServe({ 'Lint.lean': file }, ['Lint.lean'])
  const page = await browser.newPage()
  page.on('crash', () => console.error('bench: the page crashed'))
  page.on('pageerror', (e) => console.error('bench: page error', e.message))
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] }
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: performance.timeOrigin + e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
  const setMarker = async (n: number) => {
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Shift+End')
    await page.keyboard.insertText(`-- double: lint-warnings ${n}`)
  }
  try {
    await page.goto(served.url)
    await editorShows(page, 'lint-warnings')
    await page.locator('.monaco-editor .view-lines').first().click()
    if (!(await page.locator('.lx-problems-list').isVisible())) await page.keyboard.press('Control+Shift+M')
    const path = join(served.workspace, 'Lint.lean')
    const total: number[] = []
    const floor: number[] = []
    const longest: number[] = []
    const editTask: number[] = []
    const cleared = () => page.waitForFunction(() => !document.querySelector('.lx-problems-summary')?.textContent?.includes('warning'), undefined, { timeout: 60_000 })
    await cleared()
    // The page's own start is the start-up row's cost, not the arrival's: the infoview frame boots in a process of its
    // own for about a second after the text shows, on the same two cores, and the first publishes sent into that
    // second met Monaco renders of 35-66 ms that, a second later, take under 20. The first publish (still the first
    // in the page, its code cold) waits until the infoview shows and the page has had no long task for 0.5 s.
    await page.frameLocator('iframe[title="Lean Infoview"]').locator('summary', { hasText: 'All Messages' }).first().waitFor({ timeout: 60_000 })
    await page.waitForFunction(
      () => {
        const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks
        const lastEnd = Math.max(0, ...tasks.map((t) => t.start + t.duration - performance.timeOrigin))
        return performance.now() - lastEnd > 500
      },
      undefined,
      { timeout: 60_000, polling: 100 },
    )
    for (let r = 0; r < DIAGNOSTICS_REPS; r++) {
      served.log.read()
      // Watch for the finish line from the page's own frames: Problems counts 5000, all 5000 markers are in Monaco,
      // and warning squiggles are drawn.
      // (A string: tsx would wrap a named arrow function in a helper the page does not have.)
      const done = page.evaluate(`new Promise((resolve, reject) => {
        const deadline = Date.now() + 60000
        const check = () => {
          const summary = document.querySelector('.lx-problems-summary')?.textContent ?? ''
          const counted = summary.includes('5000 warnings')
          // Every marker in Monaco (the editor applies long lists in slices), squiggles drawn, Problems counted.
          const applied = window.__lectern.markerCount(${JSON.stringify(path)}) === 5000
          if (counted && applied && document.querySelector('.squiggly-warning')) resolve(performance.timeOrigin + performance.now())
          else if (Date.now() > deadline) reject(new Error('not on screen within 60 s: Problems says "' + summary + '", squiggles: ' + document.querySelectorAll('.squiggly-warning').length))
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      })`) as Promise<number>
      done.catch(() => undefined)
      await setMarker(5000)
      const write = await served.log.next((e) => e.dir === 'out' && e.msg.method === 'textDocument/publishDiagnostics' && e.msg.params.diagnostics.length === 5000, '5000-diagnostic publish')
      const end = await done
      total.push(end - write.t)
      // Tasks that began once the server had written the list are the arrival's; a task already running then is the
      // edit's own (the double answers the didChange sent from inside it), reported apart.
      const [arriving, running] = await page.evaluate(([from, to]) => {
        const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks
        // (No named function here: tsx would wrap it in a helper the page does not have.)
        return [
          Math.max(0, ...tasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration)),
          Math.max(0, ...tasks.filter((t) => t.start < from && t.start + t.duration > from).map((t) => t.duration)),
        ]
      }, [write.t, end])
      longest.push(arriving)
      editTask.push(running)
      if (process.env.BENCH_VERBOSE) console.log(`bench ui: 5,000 diagnostics, run ${r}: ${Math.round(end - write.t)} ms; long tasks begun after the write ${arriving || 'none'}, the edit's ${running || 'none'}`)
      // The floor on the same model, cleared of our markers first (Monaco's cost grows with the markers already there).
      await setMarker(0)
      await cleared()
      floor.push(await page.evaluate(([p, d]) => (window as any).__lectern.benchMarkersFloor(p, d), [path, write.msg.params.diagnostics] as const))
    }
    const t = stats(total)
    const f = stats(floor)
    // Each publish is paired with the floor measured right after it in the same page (the first of both cold), so
    // the ratio is the median of the pairs' ratios, as for the key row: a publish that met a busy moment of the
    // machine is compared with a floor measured in the same stretch.
    const pairRatios = total.map((x, i) => x / Math.max(1, floor[i]))
    const ratioP50 = [...pairRatios].sort((x, y) => x - y)[Math.floor(pairRatios.length / 2)]
    return { writeToScreen: t, setModelMarkersFloor: f, pairRatios, ratioP50, longestTaskMs: stats(longest), editTaskMs: stats(editTask) }
  } finally {
    await page.close()
    await served.dispose()
  }
}

/**
 * c. serve start → editor ready with a file open, vs a bare Monaco page from a bare Node server; and, with no floor,
 * serve start → the file's error from Lean drawn (how soon Lean's first answer reaches the screen); d. memory.
 */
async function startUp(browser: Browser) {
  const { build } = await import('vite')
  const out = mkdtempSync(join(tmpdir(), 'lectern-bench-floor-'))
  await build({ root: join(REPO, 'bench/floor'), logLevel: 'silent', build: { outDir: out, minify: true, emptyOutDir: true }, worker: { format: 'es' } })
  const file = join(out, 'Main.lean')
  writeFileSync(file, START)
  const app: number[] = []
  const bare: number[] = []
  const firstError: number[] = []
  let idleRssKb: number | undefined
  // App and floor take turns, so a load that comes and goes on a shared machine weighs on both alike; each starts
  // after a pause, so neither pays for the teardown of the page and server before it (a closed page's processes
  // exit over the next few hundred ms, on the same two cores).
  const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS))
  for (let r = 0; r < REPS; r++) {
    await settle()
    const served = await startServe({ 'Main.lean': START }, ['Main.lean'])
    const page = await browser.newPage()
    await page.goto(served.url)
    await editorShows(page, 'theorem')
    app.push(Date.now() - served.startedAt)
    await page.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: 60_000 })
    firstError.push(Date.now() - served.startedAt)
    idleRssKb ??= rssKb(served.serve.pid as number)
    await page.close()
    await served.dispose()

    await settle()
    const t0 = Date.now()
    const server = spawn(process.execPath, [join(REPO, 'bench/floor/serve.mjs'), out, file])
    const floorPage = await browser.newPage()
    await floorPage.goto(await printedUrl(server))
    await floorPage.waitForFunction(() => (window as { floorReady?: boolean }).floorReady === true)
    await floorPage.locator('.view-lines', { hasText: 'theorem' }).first().waitFor()
    bare.push(Date.now() - t0)
    await floorPage.close()
    const exited = new Promise((r) => server.once('exit', r))
    server.kill('SIGTERM')
    await exited
  }
  const electronStart = await electronStartUp(out, START, REPS, SETTLE_MS).catch((err) => ({ error: String((err as Error)?.message ?? err) }))
  rmSync(out, { recursive: true, force: true })
  const a = stats(app)
  const b = stats(bare)
  return { startUp: { app: a, bareMonaco: b, ratioP50: a.p50 / b.p50, firstError: stats(firstError) }, electronStartUp: electronStart, idleRssKb }
}

async function memoryWith50Files(browser: Browser) {
  const files = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`F${i}.lean`, Array.from({ length: 200 }, (_, j) => `theorem f${i}_${j} : ${j} = ${j} := rfl`).join('\n')]))
  const served = await startServe(files, Object.keys(files))
  const page = await browser.newPage()
  try {
    await page.goto(served.url)
    await editorShows(page, 'theorem')
    // Every file is a tab (its text in the core), and Lean has every file: read before the last didOpens, the core's
    // RSS once came out 25 MiB lower (47 of 50). Counted as they come; the row says how many there were.
    await page.waitForFunction(() => document.querySelectorAll('.lx-tab').length >= 50, undefined, { timeout: 120_000 })
    let didOpens = 0
    const deadline = Date.now() + 60_000
    while (didOpens < 50 && Date.now() < deadline) {
      didOpens += served.log.read().filter((x) => x.dir === 'in' && x.msg.method === 'textDocument/didOpen').length
      if (didOpens < 50) await new Promise((r) => setTimeout(r, 50))
    }
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
    return { coreRssKb: rssKb(served.serve.pid as number), rendererJsHeapKb: Math.round(heap.usedSize / 1024), tabs: 50, leanDidOpens: didOpens }
  } finally {
    await page.close()
    await served.dispose()
  }
}

/** BENCH_UI_SCENARIOS=keys,diagnostics,startup,memory picks some (all by default). */
export async function uiBench(): Promise<Record<string, unknown>> {
  const pick = new Set((process.env.BENCH_UI_SCENARIOS ?? 'keys,diagnostics,startup,memory').split(','))
  const browser = await launchBrowser()
  const out: Record<string, unknown> = {}
  // One scenario failing (a timeout under load, say) is reported in its row; the others still run.
  const run = async (name: string, f: () => Promise<unknown>) => {
    console.log(`bench ui: ${name}…`)
    try {
      return await f()
    } catch (err) {
      console.error(`bench ui: ${name} failed:`, err)
      return { error: String((err as Error)?.message ?? err) }
    }
  }
  try {
    if (pick.has('keys')) {
      out.keystrokeToDidChange = await run('key press → didChange, the server paused', () => keyRounds(browser, true))
      out.keystrokeToDidChangeServerWorking = await run('key press → didChange, the server working', () => keyRounds(browser, false))
    }
    if (pick.has('diagnostics')) out.diagnostics5000 = await run('5,000 diagnostics', () => diagnostics(browser))
    if (pick.has('startup')) {
      const r = (await run('start-up', () => startUp(browser))) as any
      out.startUp = r.startUp ?? r
      out.electronStartUp = r.electronStartUp
      out.memory = { coreRssIdleKb: r.idleRssKb }
    }
    if (pick.has('memory')) out.memory = { ...(out.memory as object), ...((await run('memory with 50 files', () => memoryWith50Files(browser))) as object) }
    return out
  } finally {
    await browser.close()
  }
}

export function uiTable(ui: any): Record<string, { value: string }> {
  const k = ui.keystrokeToDidChange
  const d = ui.diagnostics5000
  const s = ui.startUp
  const m = ui.memory
  const ms = (x: number) => x.toFixed(1)
  const rows: Record<string, { value: string }> = {}
  for (const [name, r] of Object.entries(ui)) if ((r as any)?.error) rows[`UI ${name}`] = { value: `failed: ${(r as any).error}` }
  const keyRow = (r: any) =>
    `${ms(r.file20kLines.p50)} on 20k lines vs ${ms(r.file1Line.p50)} on 1 line, ${r.file20kLines.n} presses each; per round ${r.file20kLines.runP50s.map((b: number, i: number) => `${b}/${r.file1Line.runP50s[i]}`).join(', ')} (median ratio ×${r.ratioP50.toFixed(2)}); incremental: ${r.file20kLines.incremental && r.file1Line.incremental}, largest change ${r.file20kLines.maxChangeChars} chars`
  if (k?.ratioP50 !== undefined) rows['UI key press→didChange p50 (ms), server paused, target ≤1.5×'] = { value: keyRow(k) }
  const kw = ui.keystrokeToDidChangeServerWorking
  if (kw?.ratioP50 !== undefined) rows['UI key press→didChange p50 (ms), server working (its CPU; no target)'] = { value: keyRow(kw) }
  if (d?.ratioP50 !== undefined) rows['UI 5000 diagnostics write→screen p50 (ms), target ≤2×'] = { value: `${ms(d.writeToScreen.p50)} vs setModelMarkers ${ms(d.setModelMarkersFloor.p50)}; per publish ${(d.pairRatios ?? []).map((r: number) => `×${r.toFixed(2)}`).join(', ')} (median ×${d.ratioP50.toFixed(2)}); longest task begun after the write p50 ${ms(d.longestTaskMs.p50)} max ${ms(d.longestTaskMs.max)} (target none > 50); the edit's own task, running at the write: p50 ${ms(d.editTaskMs?.p50 ?? 0)}` }
  if (s?.ratioP50 !== undefined) rows['UI serve start→editor ready p50 (ms), target ≤1.3×'] = { value: `${s.app.p50} vs bare Monaco ${s.bareMonaco.p50} (×${s.ratioP50.toFixed(2)}); Lean's first error drawn at ${s.firstError?.p50} (no floor)` }
  const e = ui.electronStartUp
  const electronRow = 'UI Electron start→editor ready p50 (ms), target ≤1.3×'
  if (e?.skipped) rows[electronRow] = { value: `not run: ${e.skipped}` }
  else if (e?.error) rows[electronRow] = { value: `failed: ${e.error}` }
  else if (e?.ratioP50 !== undefined) rows[electronRow] = { value: `${e.app.p50} vs a bare Electron window with bare Monaco ${e.bareElectronMonaco.p50} (×${e.ratioP50.toFixed(2)})` }
  if (m) rows['Memory (KiB)'] = { value: `core RSS idle (one small file) ${m.coreRssIdleKb}, with 50 files ${m.coreRssKb}; renderer JS heap with 50 files ${m.rendererJsHeapKb} (Lean didOpens ${m.leanDidOpens})` }
  return rows
}
