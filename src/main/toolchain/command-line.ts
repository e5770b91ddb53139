// Splits a user-written server command line (LECTERN_LEAN_SERVER, the leanServerCommand setting) the way a
// shell would for a single simple command: quotes, backslashes, `$VAR`/`${VAR}`, and a leading `~`.
import * as os from 'node:os'
import { parse } from 'shell-quote'

// A `~` is replaced by a reference to this variable before parsing, so shell-quote does the substitution
// and the home path is never re-parsed (it may contain spaces or `$`).
const HOME_VARIABLE = 'LECTERN_SPLIT_HOME'

/** Replaces each unquoted `~` that starts a word and is followed by `/`, a blank or the end, with `${HOME_VARIABLE}`. */
function markUnquotedTildes(line: string): string {
  let out = ''
  let quoteChar: '"' | "'" | undefined
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoteChar) {
      if (ch === '\\' && quoteChar === '"' && i + 1 < line.length) {
        out += ch + line[++i]
        continue
      }
      if (ch === quoteChar) quoteChar = undefined
      out += ch
      continue
    }
    if (ch === '\\' && i + 1 < line.length) {
      out += ch + line[++i]
      continue
    }
    if (ch === '"' || ch === "'") quoteChar = ch
    const startsWord = i === 0 || /\s/.test(line[i - 1])
    const next = line[i + 1]
    if (ch === '~' && startsWord && (next === undefined || next === '/' || /\s/.test(next))) {
      out += '${' + HOME_VARIABLE + '}'
      continue
    }
    out += ch
  }
  return out
}

/**
 * Shell-like split of one command line into argv. Expands `~` and `$VARS` from env (default process.env).
 * Rejects pipes, `&&`, redirections and other operators with an Error: we spawn one program, not a shell.
 */
export function splitCommandLine(line: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir()
  const lookup = (name: string): string | undefined => (name === HOME_VARIABLE ? home : env[name])
  const argv: string[] = []
  for (const entry of parse(markUnquotedTildes(line), lookup)) {
    if (typeof entry === 'string') {
      // An unset variable expands to nothing; a shell drops the word entirely, and so do we.
      if (entry !== '') argv.push(entry)
    } else if ('comment' in entry) {
      break
    } else if (entry.op === 'glob') {
      // We do not expand globs; the pattern reaches the program as written (like a shell with no match).
      argv.push(entry.pattern)
    } else {
      throw new Error(
        `The Lean server command may not contain the shell operator "${entry.op}": it runs one program directly, ` +
          `not through a shell. Put a pipeline or redirection in a script and point the command at the script.`,
      )
    }
  }
  return argv
}

// Characters no POSIX shell treats specially (shell-quote's own quote() escapes `:`, which reads badly in toolchain names).
const SHELL_SAFE = /^[\w@%+=:,./-]+$/

/** One argument quoted for a POSIX shell, only when needed. Fix commands quote file-derived text with it. */
export function shellQuote(arg: string): string {
  return SHELL_SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}

/** The inverse of splitCommandLine, for display in summaries and the setup report. */
export function formatCommandLine(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ')
}
