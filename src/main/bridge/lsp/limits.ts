// What bounds an /lsp session, with the defaults in force unless launch flags or settings say otherwise.
import type { Settings } from '../../../shared/api'

export interface LspLimits {
  /** Sessions at once; the cap is reserved before any await, so simultaneous upgrades cannot pass it. */
  maxSessions: number
  /** A session with no message either way for this long is closed. */
  idleMs: number
  /** A session is closed this long after it opened, busy or not. */
  maxLifeMs: number
  /** Largest client frame and largest Lean message. */
  maxFrameBytes: number
  /** Client frames per second; beyond it the bridge stops reading the socket until the budget refills. */
  maxMessagesPerSecond: number
  /** Bytes held per direction before reading pauses (back-pressure); twice this closes the session. */
  maxQueuedBytes: number
  /** Address-space limit of each Lean process (RLIMIT_AS), MiB; 0 = none. */
  memoryMb: number
  /** CPU-time limit of each Lean process (RLIMIT_CPU), seconds; 0 = none. */
  cpuSeconds: number
  /** Run each session's Lean under bubblewrap (Linux). */
  sandbox: boolean
  /** Let the sandboxed Lean write to the project (e.g. for `lake` builds into .lake). */
  projectWritable: boolean
}

export const DEFAULT_LSP_LIMITS: LspLimits = {
  maxSessions: 8,
  idleMs: 30 * 60_000,
  maxLifeMs: 8 * 3600_000,
  maxFrameBytes: 16 * 1024 * 1024,
  maxMessagesPerSecond: 20_000,
  maxQueuedBytes: 8 * 1024 * 1024,
  memoryMb: 8192,
  cpuSeconds: 4 * 3600,
  sandbox: true,
  projectWritable: false,
}

/** Launch flags win over settings, settings over the defaults. */
export function effectiveLspLimits(settings: Settings, flags: Partial<LspLimits> = {}): LspLimits {
  const s = settings
  const num = (v: unknown, scale = 1) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v * scale : undefined)
  const fromSettings: Partial<LspLimits> = {
    maxSessions: num(s['lsp.maxSessions']),
    idleMs: num(s['lsp.idleSeconds'], 1000),
    maxLifeMs: num(s['lsp.maxLifeSeconds'], 1000),
    memoryMb: num(s['lsp.memoryLimitMb']),
    cpuSeconds: num(s['lsp.cpuLimitSeconds']),
    maxMessagesPerSecond: num(s['lsp.maxMessagesPerSecond']),
    sandbox: typeof s['lsp.sandbox'] === 'boolean' ? s['lsp.sandbox'] : undefined,
    projectWritable: typeof s['lsp.projectWritable'] === 'boolean' ? s['lsp.projectWritable'] : undefined,
  }
  const out = { ...DEFAULT_LSP_LIMITS }
  for (const layer of [fromSettings, flags]) {
    for (const [k, v] of Object.entries(layer)) if (v !== undefined) (out as Record<string, unknown>)[k] = v
  }
  return out
}
