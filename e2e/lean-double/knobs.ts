// Environment knobs of the Lean server double (documented in README.md).

function int(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  return Number.isFinite(n) && n >= 0 ? n : fallback
}

/**
 * Not an environment knob but a text one: a line that is exactly this comment crashes that file's worker (only
 * that file) when processing reaches it, as a stack overflow in `#eval` would (README: "file worker crash").
 */
export const WORKER_CRASH_MARKER = '-- double: worker-crash'

export interface Knobs {
  /** Delay before each command is elaborated (ms). */
  delayMs: number
  /** Append every message received and sent as a JSON line to this file. */
  logPath: string | undefined
  /** Append every protocol violation (and the fatal error, if any) as a line to this file. */
  violationsPath: string | undefined
  /** Exit with code 1 right after replying to `initialize`. */
  exitAfterInit: boolean
  /** When a document's text contains this substring the whole process dies by SIGSEGV. */
  crashOn: string | undefined
  /** RPC session expiry (ms) after the last keep-alive. */
  rpcExpiryMs: number
  /** Write `[uri] ...` lines to stderr now and then, like real file workers. */
  stderrChatter: boolean
  /** Interval between refresh requests while processing (ms). */
  refreshIntervalMs: number
  /** After this long without an answer to a server request, warn on stderr (ms). */
  unansweredWarnMs: number
  /** Server capabilities left out of the initialize result, as an older Lean; their requests get -32601. */
  omitCapabilities: ReadonlySet<string>
  /** How many times each file's worker crashes at WORKER_CRASH_MARKER; later workers run past it (a flaky crash). */
  workerCrashes: number
  /** When a document contains this, allocate memory without bound (tests of memory limits). */
  hogMemoryOn: string | undefined
}

export function readKnobs(): Knobs {
  return {
    delayMs: int('LEAN_DOUBLE_DELAY_MS', 10),
    logPath: process.env.LEAN_DOUBLE_LOG || undefined,
    violationsPath: process.env.LEAN_DOUBLE_VIOLATIONS || undefined,
    exitAfterInit: !!process.env.LEAN_DOUBLE_EXIT_AFTER_INIT && process.env.LEAN_DOUBLE_EXIT_AFTER_INIT !== '0',
    crashOn: process.env.LEAN_DOUBLE_CRASH_ON || undefined,
    rpcExpiryMs: int('LEAN_DOUBLE_RPC_EXPIRY_MS', 30000),
    stderrChatter: process.env.LEAN_DOUBLE_STDERR_CHATTER === '1',
    refreshIntervalMs: int('LEAN_DOUBLE_REFRESH_MS', 2000),
    unansweredWarnMs: int('LEAN_DOUBLE_UNANSWERED_WARN_MS', 5000),
    omitCapabilities: new Set((process.env.LEAN_DOUBLE_OMIT_CAPABILITIES ?? '').split(',').filter(Boolean)),
    hogMemoryOn: process.env.LEAN_DOUBLE_HOG_MEMORY_ON || undefined,
    workerCrashes: int('LEAN_DOUBLE_WORKER_CRASHES', Number.POSITIVE_INFINITY),
  }
}
