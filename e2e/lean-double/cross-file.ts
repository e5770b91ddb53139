// References and rename beyond the open document: real Lean finds uses in other modules through their .ilean
// files; the double scans the project's .lean files (open documents in their current text) for the name as a
// whole identifier. Uris are written as Lean's System.Uri.pathToUri writes them.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { type Range, TextDoc } from './text'

/** Lean's pathToUri: every byte outside A-Z a-z 0-9 - . _ ~ / percent-escaped; a Windows drive letter lower-cased. */
export function leanPathToUri(p: string): string {
  let posix = p.replace(/\\/g, '/')
  if (/^[A-Za-z]:/.test(posix)) posix = `/${posix[0].toLowerCase()}${posix.slice(1)}`
  const escaped = Array.from(new TextEncoder().encode(posix), (b) => {
    const c = String.fromCharCode(b)
    return /[A-Za-z0-9\-._~/]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`
  }).join('')
  return `file://${escaped}`
}

export function leanFiles(root: string, out: string[] = [], depth = 0): string[] {
  if (depth > 8) return out
  for (const e of readdirSync(root, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue // .lake, .git
    const full = path.join(root, e.name)
    if (e.isDirectory()) leanFiles(full, out, depth + 1)
    else if (e.name.endsWith('.lean')) out.push(full)
  }
  return out
}

const IDENT_CHAR = /[\p{L}\p{N}_'!?.₀-₉]/u

/** Whole-identifier occurrences of `name` in every project file but the ones in `skipPaths`. */
export function occurrencesInOtherFiles(
  name: string,
  root: string,
  skipPaths: ReadonlySet<string>,
  openText: (file: string) => string | undefined,
): { uri: string; range: Range }[] {
  const found: { uri: string; range: Range }[] = []
  for (const file of leanFiles(root)) {
    if (skipPaths.has(file)) continue
    const text = openText(file) ?? readFileSync(file, 'utf8')
    const doc = new TextDoc(text)
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const before = at > 0 ? text[at - 1] : ''
      const after = text[at + name.length] ?? ''
      if ((before && IDENT_CHAR.test(before)) || (after && IDENT_CHAR.test(after))) continue
      found.push({ uri: leanPathToUri(file), range: { start: doc.positionAt(at), end: doc.positionAt(at + name.length) } })
    }
  }
  return found
}
