// Named commands with optional keybindings; the palette lists them, the keybinding service runs them.
import { Emitter, toDisposable, type Disposable } from './disposables'

export interface Command {
  id: string
  /** As shown in the palette, e.g. "Lean 4: Restart File". */
  title: string
  /** Keybinding in our notation ("CtrlCmd+Shift+P"; CtrlCmd is Cmd on macOS, Ctrl elsewhere). */
  keybinding?: string
  /** Extra keybindings that are not shown (F1 beside Ctrl+Shift+P). */
  alternativeKeybindings?: string[]
  /** Hidden from the palette when false. */
  enabled?: () => boolean
  run: () => unknown
}

export class CommandRegistry implements Disposable {
  private readonly commands = new Map<string, Command>()
  private readonly changed = new Emitter<void>()
  readonly onDidChange = this.changed.event

  register(command: Command): Disposable {
    this.commands.set(command.id, command)
    this.changed.fire()
    return toDisposable(() => {
      if (this.commands.get(command.id) === command) this.commands.delete(command.id)
      this.changed.fire()
    })
  }

  get(id: string): Command | undefined {
    return this.commands.get(id)
  }

  all(): Command[] {
    return [...this.commands.values()]
  }

  isEnabled(command: Command): boolean {
    return command.enabled ? command.enabled() : true
  }

  /** Runs a command; errors are logged and reported to `onError`, never thrown into event handlers. */
  run(id: string, onError?: (err: unknown, command: Command) => void): void {
    const command = this.commands.get(id)
    if (!command || !this.isEnabled(command)) return
    try {
      const result = command.run()
      if (result instanceof Promise) result.catch((err) => this.report(err, command, onError))
    } catch (err) {
      this.report(err, command, onError)
    }
  }

  private report(err: unknown, command: Command, onError?: (err: unknown, command: Command) => void): void {
    if (onError) onError(err, command)
    else console.error(`Command ${command.id} failed`, err)
  }

  dispose(): void {
    this.commands.clear()
    this.changed.dispose()
  }
}

/** Case-insensitive match of every word of the query, in any order, against the title. Lower score is better. */
export function matchScore(title: string, query: string): number | undefined {
  const t = title.toLowerCase()
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  let score = 0
  for (const w of words) {
    const i = t.indexOf(w)
    if (i < 0) return undefined
    score += i === 0 || t[i - 1] === ' ' ? 0 : 1
  }
  return score
}

export function filterCommands<T extends { title: string }>(commands: readonly T[], query: string): T[] {
  return commands
    .map((c) => ({ c, score: matchScore(c.title, query) }))
    .filter((x): x is { c: T; score: number } => x.score !== undefined)
    .sort((a, b) => a.score - b.score || a.c.title.localeCompare(b.c.title))
    .map((x) => x.c)
}
