// `file:` uris from the core or Lean → paths `doc.open` accepts. Pure.

/** The local path of a `file:` uri ("file:///C:/x%20y.lean" → "C:/x y.lean"), or undefined for other schemes. */
export function fileUriToPath(uri: string): string | undefined {
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return undefined
  }
  if (url.protocol !== 'file:') return undefined
  let path = decodeURIComponent(url.pathname)
  if (/^\/[A-Za-z]:/.test(path)) path = path.slice(1)
  if (url.host) path = `//${url.host}${path}`
  return path
}
