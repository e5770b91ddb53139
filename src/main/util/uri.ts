import { fileURLToPath, pathToFileURL } from 'node:url'

/** The canonical `file:` uri we send to Lean for a path (pathToFileURL percent-encodes as VS Code does). */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href
}

export function uriToPath(uri: string): string {
  if (!uri.startsWith('file:')) throw new Error(`Not a file uri: ${uri}`)
  return fileURLToPath(uri)
}
