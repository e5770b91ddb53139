// Orderly shutdown shared by serve mode and the desktop app: run the steps once (the core's dispose writes the
// backups of unsaved buffers, as VS Code's hot exit), bounded by a timeout so a stop request always ends.
export const SHUTDOWN_TIMEOUT_MS = 15_000

export interface ShutdownOptions {
  /** What must finish before exit: close the bridge, dispose the core (backups, Lean servers). */
  steps: () => Promise<unknown>
  exit: (code: number) => void
  timeoutMs?: number
  log?: (line: string) => void
}

export class Shutdown {
  private started: Promise<void> | undefined

  constructor(private readonly options: ShutdownOptions) {}

  get isRunning(): boolean {
    return this.started !== undefined
  }

  /** Idempotent: a second request (a second Ctrl+C) waits for the first. */
  run(reason: string): Promise<void> {
    this.started ??= this.runOnce(reason)
    return this.started
  }

  private async runOnce(reason: string): Promise<void> {
    const log = this.options.log ?? ((line: string) => console.log(line))
    log(`Lectern: ${reason}, saving backups and shutting down the Lean servers…`)
    const timer = setTimeout(() => {
      log('Lectern: shutdown took too long; exiting.')
      this.options.exit(1)
    }, this.options.timeoutMs ?? SHUTDOWN_TIMEOUT_MS)
    timer.unref?.()
    let code = 0
    try {
      await this.options.steps()
    } catch (err) {
      log(`Lectern: shutdown failed: ${err instanceof Error ? err.message : String(err)}`)
      code = 1
    }
    clearTimeout(timer)
    this.options.exit(code)
  }
}

interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', handler: () => void): unknown
  off(signal: 'SIGINT' | 'SIGTERM', handler: () => void): unknown
}

/** SIGINT and SIGTERM start the shutdown (once); returns the un-install. */
export function onStopSignals(source: SignalSource, stop: (signal: string) => void): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((sig) => {
    const handler = () => stop(sig)
    source.on(sig, handler)
    return [sig, handler] as const
  })
  return () => {
    for (const [sig, handler] of handlers) source.off(sig, handler)
  }
}
