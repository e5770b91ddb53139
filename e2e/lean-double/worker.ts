// One open document: its text, the elaboration of each version, the timed "processing" that reveals it
// command by command (fileProgress + publishDiagnostics), the waiters of requests, crash simulation.
import { type FileElab, type ModuleSource, elabFileSafe } from './elab-command'
import type { Msg } from './elab-types'
import { type Diagnostic, toDiagnostic } from './messages'
import { type ContentChange, type Range, TextDoc } from './text'

export type BuildMode = 'always' | 'once' | 'never'

export interface WorkerHost {
  root: string
  delayMs: number
  incremental: boolean
  silent: boolean
  notify(method: string, params: unknown): void
  resolveModule(mod: string): ModuleSource | undefined
  /** Modules saved since they were last "built"; cleared when a worker builds them. */
  dirtyModules: Set<string>
  onProgress(): void
  onFinished(): void
  onCrash(doc: DocWorker): void
  /** Whether this file's worker may still crash at the crash marker (LEAN_DOUBLE_WORKER_CRASHES). */
  mayCrash(uri: string): boolean
  chatter(uri: string, line: string): void
}

export class RequestFailure extends Error {
  constructor(
    public code: number,
    message: string,
  ) {
    super(message)
  }
}

interface Waiter {
  pred: (run: Run) => boolean
  resolve: (run: Run) => void
  reject: (e: RequestFailure) => void
}

export class Run {
  done = 0
  finished = false
  cancelled = false
  all: Diagnostic[] = []
  publishCount = 0
  fatal = false
  constructor(
    public version: number,
    public fe: FileElab,
  ) {}

  /** Index of the command whose snapshot covers `off` (Lean: the first snapshot ending after it). */
  coverIndex(off: number): number {
    const i = this.fe.cmds.findIndex((c) => c.next > off)
    return i < 0 ? this.fe.cmds.length - 1 : i
  }
  /** Whether the snapshot covering `off` has been processed. */
  covers(off: number): boolean {
    return this.finished || this.done > this.coverIndex(off)
  }
  /** Offset up to which commands have been processed. */
  processedEnd(): number {
    if (this.finished) return this.fe.text.length
    return this.done > 0 ? this.fe.cmds[this.done - 1]!.next : this.fe.headerEnd
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export class DocWorker {
  text: TextDoc
  run: Run | undefined
  crashed = false
  stale = false
  private waiters: Waiter[] = []
  private aliveWaiters: (() => void)[] = []

  constructor(
    private host: WorkerHost,
    public uri: string,
    public version: number,
    text: string,
    public mode: BuildMode,
  ) {
    this.text = new TextDoc(text)
  }

  private eofRange(): Range {
    return { start: { line: 0, character: 0 }, end: this.text.eof() }
  }

  progress(version: number, ranges: { range: Range; kind: 1 | 2 }[]): void {
    this.host.notify('$/lean/fileProgress', { textDocument: { uri: this.uri, version }, processing: ranges })
  }

  applyChanges(changes: ContentChange[]): void {
    for (const c of changes) this.text.apply(c)
  }

  stickyDiags(): Diagnostic[] {
    if (!this.stale) return []
    return [{
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
      fullRange: this.eofRange(),
      severity: 3,
      source: 'Lean 4',
      message: 'Imports are out of date and should be rebuilt; use the "Restart File" command in your editor.',
    }]
  }

  publish(run: Run, fresh: Diagnostic[], full = false): void {
    if (run.cancelled) return
    run.all.push(...fresh)
    const params: Record<string, unknown> = { uri: this.uri, version: run.version }
    if (this.host.incremental) {
      const first = run.publishCount === 0 || full
      params.diagnostics = first ? [...this.stickyDiags(), ...run.all] : fresh
      params.isIncremental = !first
    } else params.diagnostics = [...this.stickyDiags(), ...run.all]
    run.publishCount++
    this.host.notify('textDocument/publishDiagnostics', params)
  }

  private visible(msgs: Msg[], fe: FileElab): Diagnostic[] {
    return msgs.filter((m) => !m.isSilent || this.host.silent).map((m) => toDiagnostic(m, fe.doc))
  }

  /**
   * Starts processing the current text. `watchdogStart`: a (re)started worker, progress from 0.
   * Returns true when the worker had to restart because the imports changed.
   */
  start(watchdogStart: boolean, previous?: Run): boolean {
    if (this.run) this.run.cancelled = true
    const fe = elabFileSafe(this.text.text, { uri: this.uri, root: this.host.root, resolveModule: (m) => this.host.resolveModule(m) })
    const run = new Run(this.version, fe)
    this.run = run
    const header = (f: FileElab) => f.imports.map((i) => i.module).join(',')
    const restarted = !!previous && !watchdogStart && header(previous.fe) !== header(fe)
    if (restarted) this.stale = false
    if (watchdogStart || restarted) this.progress(run.version, [{ range: this.eofRange(), kind: 1 }])
    let reuse = 0
    if (previous && !watchdogStart && !restarted && !previous.fatal) {
      const a = previous.fe.text
      const b = fe.text
      let d = 0
      while (d < a.length && d < b.length && a.charCodeAt(d) === b.charCodeAt(d)) d++
      while (reuse < fe.cmds.length && reuse < previous.done && fe.cmds[reuse]!.e < d) reuse++
    }
    void this.process(run, reuse)
    this.notifyWaiters()
    return restarted
  }

  private async process(run: Run, reuse: number): Promise<void> {
    const fe = run.fe
    const eof = () => ({ start: this.text.positionAt(0), end: fe.doc.eof() })
    await sleep(0)
    if (run.cancelled) return
    // dependencies: "build" outdated imports, or fail with the must-be-rebuilt header error
    const dirty = fe.imports.filter((i) => this.host.dirtyModules.has(i.module))
    if (dirty.length && this.mode === 'never') {
      const msg = 'Imports are out of date and must be rebuilt; use the "Restart File" command in your editor.'
      const d: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fullRange: eof(), severity: 1, source: 'Lean 4', message: msg }
      return this.fatal(run, [d])
    }
    if (dirty.length) {
      dirty.forEach((imp, i) => {
        const d: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, fullRange: eof(), severity: 3, source: 'Lean 4', message: `✔ [${i + 1}/${dirty.length}] Built ${imp.module}` }
        this.host.notify('textDocument/publishDiagnostics', { uri: this.uri, version: run.version, diagnostics: [d] })
        this.host.dirtyModules.delete(imp.module)
      })
      this.host.notify('textDocument/publishDiagnostics', { uri: this.uri, version: run.version, diagnostics: [] })
    }
    if (this.mode === 'once') this.mode = 'never'
    if (fe.headerError) return this.fatal(run, [toDiagnostic(fe.headerError, fe.doc)])

    if (reuse > 0) {
      run.done = reuse
      const old = fe.cmds.slice(0, reuse).flatMap((c) => this.visible(c.msgs, fe))
      if (old.length) this.publish(run, old)
      this.notifyWaiters()
    }
    for (let i = reuse; i < fe.cmds.length; i++) {
      const cmd = fe.cmds[i]!
      if (fe.crashAt !== undefined && fe.crashAt < cmd.s && this.host.mayCrash(this.uri)) return this.crash(run)
      this.progress(run.version, [{ range: { start: fe.doc.positionAt(cmd.s), end: fe.doc.eof() }, kind: 1 }])
      if (this.host.delayMs > 0) await sleep(this.host.delayMs)
      else await sleep(0)
      if (run.cancelled) return
      run.done = i + 1
      const diags = this.visible(cmd.msgs, fe)
      if (diags.length) this.publish(run, diags)
      this.notifyWaiters()
      this.host.onProgress()
      if (i % 3 === 0) this.host.chatter(this.uri, `elaborated command ${i + 1}/${fe.cmds.length}`)
    }
    if (fe.crashAt !== undefined && this.host.mayCrash(this.uri)) return this.crash(run)
    this.progress(run.version, [])
    if (run.publishCount === 0) this.publish(run, [])
    run.finished = true
    this.notifyWaiters()
    this.host.onFinished()
  }

  private fatal(run: Run, diags: Diagnostic[]): void {
    if (run.cancelled) return
    this.publish(run, diags, true)
    this.progress(run.version, [{ range: { start: { line: 0, character: 0 }, end: run.fe.doc.eof() }, kind: 2 }])
    run.fatal = true
    run.finished = true
    this.notifyWaiters()
    this.host.onFinished()
  }

  private crash(run: Run): void {
    if (run.cancelled) return
    run.cancelled = true
    this.crashed = true
    process.stderr.write(`[${this.uri}] Stack overflow detected. Aborting.\n`)
    this.failWaiters(new RequestFailure(-32902, `Server process for ${this.uri} crashed, likely due to a stack overflow or a bug.`))
    this.host.onCrash(this)
    this.progress(run.version, [{ range: { start: { line: 0, character: 0 }, end: run.fe.doc.eof() }, kind: 2 }])
  }

  /** After a crash, the next didChange starts a fresh worker and replays the queued requests. */
  restartAfterCrash(): void {
    this.crashed = false
    this.stale = false
    this.start(true)
    const ws = this.aliveWaiters
    this.aliveWaiters = []
    ws.forEach((w) => w())
  }

  whenAlive(): Promise<void> {
    if (!this.crashed) return Promise.resolve()
    return new Promise((r) => this.aliveWaiters.push(r))
  }

  /** Resolves once `pred` holds for the current run; rejects if the document changes, closes or crashes. */
  waitFor(pred: (run: Run) => boolean): Promise<Run> {
    const run = this.run
    if (run && pred(run)) return Promise.resolve(run)
    return new Promise((resolve, reject) => this.waiters.push({ pred, resolve, reject }))
  }

  notifyWaiters(): void {
    const run = this.run
    if (!run) return
    const still: Waiter[] = []
    for (const w of this.waiters) {
      if (w.pred(run)) w.resolve(run)
      else still.push(w)
    }
    this.waiters = still
  }

  failWaiters(e: RequestFailure): void {
    const ws = this.waiters
    this.waiters = []
    ws.forEach((w) => w.reject(e))
  }

  close(): void {
    if (this.run) this.run.cancelled = true
    this.failWaiters(new RequestFailure(-32801, `The file worker for ${this.uri} has been terminated.`))
  }
}
