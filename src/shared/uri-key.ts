// One comparison for `file:` uris, whoever wrote them. Lean's `System.Uri.pathToUri` percent-escapes
// `( ) ' + ! @ , ; = & $ * :` and spaces and lower-cases Windows drive letters; Node's pathToFileURL and Monaco
// escape other sets. Two uris name the same file when their decoded paths agree. Pure: core and renderer use it.

const DRIVE = /^\/?([A-Za-z]):(?=\/|$)/

/** Percent-decodes, keeping a malformed escape (`%E0` alone) as written rather than throwing. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run
      }
    })
  }
}

/**
 * The key two `file:` uris share exactly when they name the same file: `file://` + host + the decoded path,
 * with a Windows drive letter lower-cased and backslashes as slashes. Other schemes are their own key.
 */
export function fileUriKey(uri: string): string {
  const m = /^file:(\/\/([^/]*))?(.*)$/i.exec(uri)
  if (!m) return uri
  const host = (m[2] ?? '').toLowerCase()
  let path = decodePath(m[3].replace(/[?#].*$/, '')).replace(/\\/g, '/')
  const drive = DRIVE.exec(path)
  if (drive) path = `/${drive[1].toLowerCase()}:${path.slice(drive[0].length)}`
  return `file://${host === 'localhost' ? '' : host}${path}`
}

/** Whether two uris name the same document. */
export function sameFileUri(a: string, b: string): boolean {
  return a === b || fileUriKey(a) === fileUriKey(b)
}
