// Find in Files over the workspace's files (the same set Go to File lists): plain text or a regular expression,
// case-insensitive unless asked. Open documents are searched in their current, possibly unsaved text, as the
// user sees them. Binary and very large files are skipped; the result count is capped.
import { promises as fs } from 'node:fs'
import type { SearchMatch, SearchResult } from '../../shared/api'
import { LecternErrorCodes } from '../../shared/api'
import { ApiError } from '../util/errors'
import { listWorkspaceFiles } from './file-index'

export const MAX_SEARCH_MATCHES = 500
const MAX_FILE_BYTES = 2 * 1024 * 1024
const MAX_PREVIEW_CHARS = 200
const READ_BATCH = 64

export interface SearchOptions {
  query: string
  caseSensitive?: boolean
  regex?: boolean
  maxMatches?: number
}

/** Finds the matches in one line: [column, length] pairs, in order. */
type LineMatcher = (line: string) => [number, number][]

/** A matcher, and a quick test whether a whole file can match at all (most files cannot). */
function compile(options: SearchOptions): { inLine: LineMatcher; mayMatch: (text: string) => boolean } {
  if (!options.regex) {
    const needle = options.caseSensitive ? options.query : options.query.toLowerCase()
    const fold = (s: string) => (options.caseSensitive ? s : s.toLowerCase())
    return {
      mayMatch: (text) => fold(text).includes(needle),
      inLine: (line) => {
        const out: [number, number][] = []
        const hay = fold(line)
        for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) out.push([at, needle.length])
        return out
      },
    }
  }
  let pattern: RegExp
  try {
    pattern = new RegExp(options.query, options.caseSensitive ? 'g' : 'gi')
  } catch (err) {
    throw new ApiError(LecternErrorCodes.InvalidSearch, `Not a valid regular expression: ${(err as Error).message}`)
  }
  // Matches are found line by line, so a pattern can never span lines (as in VS Code's default search).
  const multiline = new RegExp(pattern.source, `${pattern.flags}m`)
  return {
    mayMatch: (text) => {
      multiline.lastIndex = 0
      return multiline.test(text)
    },
    inLine: (line) => {
      const out: [number, number][] = []
      for (const m of line.matchAll(pattern)) if (m[0].length > 0) out.push([m.index, m[0].length])
      return out
    },
  }
}

export async function searchWorkspace(
  roots: readonly string[],
  options: SearchOptions,
  openText: (path: string) => string | undefined,
): Promise<SearchResult> {
  const max = options.maxMatches ?? MAX_SEARCH_MATCHES
  const matches: SearchMatch[] = []
  if (!options.query) return { matches, truncated: false }
  const { inLine, mayMatch } = compile(options)
  const { paths } = await listWorkspaceFiles(roots)
  // Files are read a batch at a time (the disk works while we scan); only a file that can match is split.
  for (let batch = 0; batch < paths.length; batch += READ_BATCH) {
    const slice = paths.slice(batch, batch + READ_BATCH)
    const texts = await Promise.all(slice.map((path) => openText(path) ?? readSearchable(path)))
    for (let k = 0; k < slice.length; k++) {
      const text = texts[k]
      if (text === undefined || !mayMatch(text)) continue
      const lines = text.split(/\r\n|\r|\n/)
      for (let line = 0; line < lines.length; line++) {
        for (const [at, length] of inLine(lines[line])) {
          if (matches.length >= max) return { matches, truncated: true }
          matches.push({ path: slice[k]!, line, character: at, length, preview: previewOf(lines[line], at) })
        }
      }
    }
  }
  return { matches, truncated: false }
}

async function readSearchable(path: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(path)
    if (stat.size > MAX_FILE_BYTES) return undefined
    const bytes = await fs.readFile(path)
    if (bytes.subarray(0, 8192).includes(0)) return undefined // binary
    return bytes.toString('utf8')
  } catch {
    return undefined
  }
}

/** The line around the match, trimmed at the start and cut if long; `offset` says where the preview starts. */
function previewOf(line: string, at: number): { text: string; offset: number } {
  const indent = line.length - line.trimStart().length
  const start = Math.min(at, Math.max(indent, at - 40))
  return { text: line.slice(start, start + MAX_PREVIEW_CHARS), offset: start }
}
