// The `file:` uri Lean itself writes for a path (`System.Uri.pathToUri`, newest src/Init/System/Uri.lean):
// RFC 3986 reserved characters, `%`, space and control characters as `%XX` (upper-case hex), other ASCII as
// is, everything else as its UTF-8 bytes escaped; on Windows `\` becomes `/` and the drive letter is lower-cased.
// Lean's watchdog keys its import graph by these strings, so watched-file changes must be sent this way for
// `workspace/didChangeWatchedFiles` to reach the files importing them.

const ESCAPED = new Set([...";:?#[]@&=+$,!'()*% "])
const utf8 = new TextEncoder()

function hex(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
}

export function leanPathToUri(path: string, windows = process.platform === 'win32'): string {
  let p = path
  if (windows) {
    if (/^[A-Z]:/.test(p)) p = p[0]!.toLowerCase() + p.slice(1)
    p = p.replace(/\\/g, '/')
  }
  let out = ''
  for (const ch of p) {
    const code = ch.codePointAt(0)!
    if (ESCAPED.has(ch) || code < 0x20) out += hex(code)
    else if (code < 127) out += ch
    else for (const b of utf8.encode(ch)) out += hex(b)
  }
  return out.startsWith('/') ? `file://${out}` : `file:///${out}`
}
