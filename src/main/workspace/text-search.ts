// Find in Files: a plain-text search over the workspace's files (the same set Go to File lists). Open
// documents are searched in their current, possibly unsaved text, as the user sees them. Binary and very
// large files are skipped; the result count is capped.
import { promises as fs } from 'node:fs'
import type { SearchMatch, SearchResult } from '../../shared/api'
import { listWorkspaceFiles } from './file-index'

export const MAX_SEARCH_MATCHES = 500
const MAX_FILE_BYTES = 2 * 1024 * 1024
const MAX_PREVIEW_CHARS = 200
const READ_BATCH = 64

export interface SearchOptions {
  query: string
  caseSensitive?: boolean
  maxMatches?: number
}

export async function searchWorkspace(
  roots: readonly string[],
  options: SearchOptions,
  openText: (path: string) => string | undefined,
): Promise<SearchResult> {
  const max = options.maxMatches ?? MAX_SEARCH_MATCHES
  const matches: SearchMatch[] = []
  if (!options.query) return { matches, truncated: false }
  const needle = options.caseSensitive ? options.query : options.query.toLowerCase()
  const { paths } = await listWorkspaceFiles(roots)
  // Files are read a batch at a time (the disk works while we scan), and only a file that contains the text at
  // all is split into lines.
  for (let batch = 0; batch < paths.length; batch += READ_BATCH) {
    const slice = paths.slice(batch, batch + READ_BATCH)
    const texts = await Promise.all(slice.map((path) => openText(path) ?? readSearchable(path)))
    for (let k = 0; k < slice.length; k++) {
      const text = texts[k]
      if (text === undefined || !(options.caseSensitive ? text : text.toLowerCase()).includes(needle)) continue
      if (scanFile(slice[k]!, text, needle, options, matches, max)) return { matches, truncated: true }
    }
  }
  return { matches, truncated: false }
}

/** Adds the file's matches; true once the cap is reached. */
function scanFile(path: string, text: string, needle: string, options: SearchOptions, matches: SearchMatch[], max: number): boolean {
  const lines = text.split(/\r\n|\r|\n/)
  for (let line = 0; line < lines.length; line++) {
    const haystack = options.caseSensitive ? lines[line] : lines[line].toLowerCase()
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      if (matches.length >= max) return true
      matches.push({ path, line, character: at, length: options.query.length, preview: previewOf(lines[line], at) })
    }
  }
  return false
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
