// Find All References in panel form, the pure part: Lean's locations grouped by file (whatever way each uri was
// written, compared by decoded path), files by their path relative to the workspace folder, references by
// position, and a one-line preview around each match. No DOM, no Monaco: node:test drives it.
import type { Range } from '../../../../../shared/lsp'
import { fileUriKey } from '../../../../../shared/uri-key'
import { fileUriToPath } from '../../file-uri'

export interface ReferenceLocation {
  uri: string
  range: Range
}

export interface ReferenceGroup {
  /** The first uri Lean wrote for this file (what the core is asked to open). */
  uri: string
  /** Path relative to the workspace folder holding it, else the full path (toolchain sources), else the uri. */
  label: string
  references: ReferenceLocation[]
}

const before = (a: Range['start'], b: Range['start']) => a.line - b.line || a.character - b.character

/** Lean lower-cases Windows drive letters; Windows paths ignore their case anyway. */
const normalDrive = (path: string) => path.replace(/^([A-Za-z]):/, (_, d: string) => `${d.toLowerCase()}:`)

/** The path of a file below one of `roots`, relative to it ("Proofs/Basic.lean"), else the whole path. */
export function relativeLabel(uri: string, roots: readonly string[]): string {
  const path = fileUriToPath(uri)
  if (!path) return uri
  const slashed = normalDrive(path.replace(/\\/g, '/'))
  for (const root of roots) {
    const base = normalDrive(root.replace(/\\/g, '/').replace(/\/+$/, ''))
    if (slashed.startsWith(`${base}/`)) return slashed.slice(base.length + 1)
  }
  return slashed
}

export function groupReferences(locations: readonly ReferenceLocation[], roots: readonly string[]): ReferenceGroup[] {
  const byFile = new Map<string, ReferenceGroup>()
  for (const loc of locations) {
    const key = fileUriKey(loc.uri)
    let group = byFile.get(key)
    if (!group) byFile.set(key, (group = { uri: loc.uri, label: relativeLabel(loc.uri, roots), references: [] }))
    const dup = group.references.some((r) => before(r.range.start, loc.range.start) === 0 && before(r.range.end, loc.range.end) === 0)
    if (!dup) group.references.push({ uri: group.uri, range: loc.range })
  }
  const groups = [...byFile.values()]
  for (const g of groups) g.references.sort((a, b) => before(a.range.start, b.range.start))
  return groups.sort((a, b) => a.label.localeCompare(b.label))
}

export interface Preview {
  before: string
  match: string
  after: string
}

const CONTEXT = 40

/** The line of a reference cut around its match: leading blanks dropped, long context shortened with "…". */
export function previewOf(line: string, range: Range): Preview {
  const start = Math.min(range.start.character, line.length)
  const end = range.end.line === range.start.line ? Math.min(Math.max(range.end.character, start), line.length) : line.length
  let head = line.slice(0, start).replace(/^\s+/, '')
  if (head.length > CONTEXT) head = `…${head.slice(head.length - CONTEXT)}`
  let tail = line.slice(end).replace(/\s+$/, '')
  if (tail.length > CONTEXT * 2) tail = `${tail.slice(0, CONTEXT * 2)}…`
  return { before: head, match: line.slice(start, end), after: tail }
}

export function summaryOf(groups: readonly ReferenceGroup[]): string {
  const refs = groups.reduce((n, g) => n + g.references.length, 0)
  if (refs === 0) return 'No references'
  return `${refs} result${refs === 1 ? '' : 's'} in ${groups.length} file${groups.length === 1 ? '' : 's'}`
}
