// Electron's process.argv as the user typed it. Plain Node: the shell (src/main/electron) and tests share it.
import type { FileTarget } from '../../shared/api'
import { parseLaunchArgs, type LaunchArgs, type ParseOptions } from '../launch-args'
import { realpathLoose } from '../workspace/paths'

/**
 * The user's arguments: after the executable, and when unpackaged (`electron <app> …`) after the app folder.
 * Chromium switches may come anywhere (Playwright puts `--inspect=0` before the app folder).
 */
export function userArgs(argv: readonly string[], isPackaged: boolean): string[] {
  const rest = argv.slice(1)
  if (isPackaged) return rest
  const app = rest.findIndex((a) => !a.startsWith('-'))
  return app < 0 ? rest : [...rest.slice(0, app), ...rest.slice(app + 1)]
}

/** What a second launch asks of the running instance. */
export interface HandOverTargets {
  focus(): void
  openFiles(files: FileTarget[]): void
  /** Open another folder. Changeable roots are the core's job; until then the shell says what it cannot do. */
  openFolder(path: string): void
  notify(message: string): void
  roots(): readonly string[]
}

/** `second-instance`: the running instance takes the new launch's folders and files (relative to its cwd). */
export function handOver(argv: readonly string[], cwd: string, isPackaged: boolean, targets: HandOverTargets, options: Pick<ParseOptions, 'stat'> = {}): LaunchArgs | undefined {
  targets.focus()
  let args: LaunchArgs
  try {
    args = parseLaunchArgs(userArgs(argv, isPackaged), {}, { ...options, cwd, unknownFlags: 'collect' })
  } catch (err) {
    targets.notify(`A second launch of Lectern was ignored: ${err instanceof Error ? err.message : String(err)}`)
    return undefined
  }
  const roots = targets.roots()
  for (const folder of [args.workspace, ...args.extraFolders]) {
    // Roots are real paths; a folder named through a symlink is still the open one.
    if (folder && !roots.includes(folder) && !roots.includes(realpathLoose(folder))) targets.openFolder(folder)
  }
  if (args.files.length > 0) targets.openFiles(args.files)
  if (args.unknownFlags.length > 0) targets.notify(`A second launch of Lectern had options it does not know: ${args.unknownFlags.join(' ')}.`)
  return args
}
