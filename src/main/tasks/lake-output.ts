// Parsers for what Lake and Mathlib's cache tool print, line by line (ANSI escapes already removed).
// Every shape below names where it comes from; Lake prints plain text when its output is not a terminal
// (`AnsiMode.auto` → `out.isTty`, src/lake/Lake/Util/Log.lean), which is how we run it.
import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BuildProblem, TaskProgress, TaskState } from '../../shared/channels'
import type { OutputParser } from './task-manager'

/**
 * A finished job, from `Monitor.reportJob` in src/lake/Lake/Build/Run.lean:
 * `s!"{icon} [{jobNo}/{totalJobs}]{opt} {verb} {caption}{time}"` — icon ✔ (clean) or the log level's icon
 * (`LogLevel.icon`: ℹ info/trace, ⚠ warning, ✖ error), opt ` (Optional)`, time ` (12ms)` / ` (1.2s)` when not
 * on a terminal. With ANSI on, `renderProgress` also prints spinner frames `⣾ [n/m] Running X (+ k more)`.
 * Examples: `✔ [12/345] Built Foo.Bar (1.2s)`, `⚠ [3/9] Built Foo (120ms)`, `✖ [5/9] Building Foo`.
 */
const JOB_LINE = /^([✔⚠✖ℹ⣾⣷⣯⣟⡿⢿⣻⣽])\s*\[(\d+)\/(\d+)\](?:\s*\(Optional\))?\s+(.*?)(?:\s+\((?:\d+(?:\.\d)?s|\d+ms)\))?\s*$/u

/**
 * A log entry, from `LogEntry.toString` in src/lake/Lake/Util/Log.lean: `s!"{level}: {message}"` with level
 * trace/info/warning/error. Lean's messages come through `LogEntry.ofSerialMessage` → `mkErrorStringWithPos`
 * (src/Lean/Message.lean): `s!"{fileName}:{pos.line}:{pos.column}{endPos}:{label} {msg}"`, endPos `-L:C` and
 * label ` kind(name):` only in newer Leans. Lines are 1-based, columns 0-based codepoints.
 * Example: `error: ./././Foo/Bar.lean:3:4: unknown identifier 'x'` (older Lake prefixes `./././`).
 */
const LOG_LINE = /^(trace|info|warning|error):\s?(.*)$/
const POSITIONED = /^(.+?\.(?:lean|olean)):(\d+):(\d+)(?:-(\d+):(\d+))?:(?:\s(?:error|warning|information)(?:\([\w.]+\))?:|\s\([\w.]+\):)?\s?(.*)$/
/** From `reportResult` in Run.lean: the last lines of a build. */
const RESULT_LINE = /^(Build completed successfully \(\d+ jobs?\)\.|All targets up-to-date \(\d+ jobs?\)\.|Nothing to build\.)$/
const FAILURES_HEADER = /^Some required (targets|builds) logged failures:$/
/** `Build summary:` block of `reportSummary` (newer Lake, `--summary`). */
const SUMMARY_LINE = /^(Build summary:|\s+[✔⚠✖] \d+ jobs? )/u

const MAX_PROBLEMS = 1000
const MAX_MESSAGE_LINES = 40

export class LakeBuildParser implements OutputParser {
  private current: TaskProgress | undefined
  private readonly found: BuildProblem[] = []
  private readonly built = new Set<string>()
  private last: BuildProblem | undefined
  private lastLines = 0
  private result: string | undefined
  private firstError: string | undefined

  private readonly fileLines = new Map<string, string[] | undefined>()

  constructor(private readonly root: string) {}

  /** Lean counts columns in codepoints, LSP in UTF-16 units: they differ after 𝓝, 𝔽 and other astral symbols. */
  private utf16Column(path: string, line: number, codepoints: number): number {
    if (!this.fileLines.has(path)) {
      let lines: string[] | undefined
      try {
        lines = readFileSync(path, 'utf8').split(/\r?\n/)
      } catch {
        lines = undefined
      }
      this.fileLines.set(path, lines)
    }
    const text = this.fileLines.get(path)?.[line]
    if (text === undefined) return codepoints
    return [...text].slice(0, codepoints).join('').length + Math.max(0, codepoints - [...text].length)
  }

  line(text: string): void {
    const job = JOB_LINE.exec(text)
    if (job) {
      this.last = undefined
      const [, icon, done, total, caption] = job
      this.current = { done: Number(done), total: Number(total), text: caption }
      // `Built X` is a module compiled now; `Replayed X` came from an up-to-date trace (JobAction.verb).
      const built = /^Built\s+(\S+)/.exec(caption)
      if (built && !/^[⣾⣷⣯⣟⡿⢿⣻⣽]$/u.test(icon)) this.built.add(built[1].replace(/:.*$/, ''))
      return
    }
    const log = LOG_LINE.exec(text)
    if (log) {
      this.last = undefined
      const [, level, message] = log
      const at = POSITIONED.exec(message)
      if (at && level !== 'trace') this.addProblem(level, at)
      else if (level === 'error') this.firstError ??= message
      return
    }
    if (RESULT_LINE.test(text)) {
      this.result = text
      this.last = undefined
      return
    }
    if (FAILURES_HEADER.test(text) || SUMMARY_LINE.test(text) || /^- \S/.test(text)) {
      this.last = undefined
      return
    }
    // A Lean message spans lines (unsolved goals…); the lines up to the next Lake line belong to it.
    if (this.last && this.lastLines < MAX_MESSAGE_LINES) {
      this.last.message += `\n${text}`
      this.lastLines++
    }
  }

  private addProblem(level: string, at: RegExpExecArray): void {
    if (this.found.length >= MAX_PROBLEMS) return
    const [, file, line, col, endLine, endCol, message] = at
    const path = isAbsolute(file) ? file : resolve(this.root, file)
    const startLine = Math.max(0, Number(line) - 1)
    const lastLine = endLine !== undefined ? Math.max(0, Number(endLine) - 1) : undefined
    const problem: BuildProblem = {
      path,
      uri: pathToFileURL(path).href,
      line: startLine,
      character: this.utf16Column(path, startLine, Number(col)),
      severity: level === 'error' ? 1 : level === 'warning' ? 2 : 3,
      message,
      ...(lastLine !== undefined ? { endLine: lastLine, endCharacter: this.utf16Column(path, lastLine, Number(endCol)) } : {}),
    }
    this.found.push(problem)
    this.last = problem
    this.lastLines = 0
  }

  progress(): TaskProgress | undefined {
    return this.current
  }

  problems(): BuildProblem[] {
    return this.found
  }

  rebuiltModules(): string[] {
    return [...this.built]
  }

  summary(state: TaskState, _exitCode: number | null): string | undefined {
    if (state === 'done') return this.result
    const errors = this.found.filter((p) => p.severity === 1).length
    const counted = errors ? `${errors} error${errors === 1 ? '' : 's'} in Lean files` : undefined
    // `error: build failed` is what `monitorJob` throws at the end (Run.lean); a more specific first error wins.
    const first = this.firstError && this.firstError !== 'build failed' ? this.firstError : undefined
    return [counted, first ?? (this.firstError ? 'build failed' : undefined)].filter(Boolean).join('; ') || undefined
  }
}

/**
 * `lake exe cache get`: first Lake builds the cache tool (job lines as above), then Mathlib's Cache/Requests.lean
 * `downloadFiles` prints `Attempting to download {size} file(s)` (stdout) and, at most 10 times a second on stderr,
 * `\rDownloaded: {success} file(s) [attempted {done}/{size} = {pct}%]` (plus `, {failed} failed`; the last one
 * ends `({pct}% success)`), or `No files to download`; `{n} download(s) failed` before exit 1. Cache/IO.lean
 * `unpackCache` prints `Decompressing {size} file(s)`, `Unpacked in {ms} ms`, `Completed successfully!`, or
 * `No cache files to decompress`.
 */
export class CacheGetParser implements OutputParser {
  private readonly build: LakeBuildParser
  private current: TaskProgress | undefined
  private unpacked = false
  private ending: string | undefined
  private failure: string | undefined

  constructor(root: string) {
    this.build = new LakeBuildParser(root)
  }

  line(text: string): void {
    let m: RegExpExecArray | null
    if ((m = /^Attempting to download (\d+) file\(s\)/.exec(text))) {
      this.current = { done: 0, total: Number(m[1]), text: `Downloading ${m[1]} file(s)` }
    } else if ((m = /^Downloaded: (\d+) file\(s\) \[attempted (\d+)\/(\d+) = \d+%\](.*)$/.exec(text))) {
      this.current = { done: Number(m[2]), total: Number(m[3]), text: `Downloaded ${m[1]} file(s)${m[4].replace(/\s*\(\d+% success\)/, '')}` }
    } else if ((m = /^Decompressing (\d+) file\(s\)/.exec(text))) {
      this.current = { text: `Decompressing ${m[1]} file(s)` }
    } else if (/^Unpacked in \d+ ms/.test(text)) {
      this.unpacked = true
    } else if (/^(Completed successfully!|No files to download|No cache files to decompress)$/.test(text)) {
      this.ending = text
    } else if ((m = /^(\d+) download\(s\) failed/.exec(text))) {
      this.failure = text
    } else if (/^(uncaught exception|error):/.test(text)) {
      this.failure ??= text.replace(/^error:\s*/, '')
      this.build.line(text)
    } else {
      this.build.line(text)
      if (JOB_LINE.test(text)) this.current = this.build.progress()
    }
  }

  progress(): TaskProgress | undefined {
    return this.current
  }

  problems(): BuildProblem[] {
    return this.build.problems()
  }

  /** Unpacked files replace oleans of every dependency: `*` stands for "any import". */
  rebuiltModules(): string[] {
    return this.unpacked ? ['*'] : []
  }

  summary(state: TaskState): string | undefined {
    if (state === 'done') return this.ending ? `Mathlib cache: ${this.ending}` : undefined
    return this.failure
  }
}

/** `lake update`, `lake clean`, `lake new`, installers: progress is the latest line; a failure, the first `error:` line. */
export class PlainOutputParser implements OutputParser {
  private current: TaskProgress | undefined
  private firstError: string | undefined
  private lastLine: string | undefined
  private download: string | undefined

  line(text: string): void {
    const t = text.trim()
    this.lastLine = t
    // curl's own error with -S, e.g. `curl: (6) Could not resolve host: elan.lean-lang.org` (offline).
    if (/^curl: \(\d+\)/.test(t)) this.download ??= t
    // Lake's `info: mathlib: cloning …` / `info: mathlib: checking out revision …` (Lake/Load/Materialize.lean).
    this.current = { text: t.replace(/^info:\s*/, '') }
    const err = /^(?:error:|error\b|elan: error:)\s*(.*)$/i.exec(t)
    if (err) this.firstError ??= err[1] || t
  }

  progress(): TaskProgress | undefined {
    return this.current
  }

  failedAnyway(): string | undefined {
    return this.download ? `the download failed (offline?): ${this.download}` : undefined
  }

  summary(state: TaskState): string | undefined {
    if (state === 'done') return undefined
    return this.download ?? this.firstError ?? this.lastLine
  }
}
