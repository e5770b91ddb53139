// How Lean writes a file uri (`System.Uri.pathToUri`, newest src/Init/System/Uri.lean): each UTF-8 byte of a
// reserved character (`; : ? # [ ] @ & = + $ , ! ' ( ) * %`), space, control or non-ASCII character as `%XX`.
// The watchdog keys its import graph by these exact strings (Watchdog.lean `ImportData`), so a
// `didChangeWatchedFiles` uri written another way finds no importer there.
const KEEP = /[A-Za-z0-9\-._~/"<>\\^`{|}]/

export function leanUri(path: string): string {
  const bytes = Buffer.from(path, 'utf8')
  let out = ''
  for (const b of bytes) {
    const ch = String.fromCharCode(b)
    out += b < 0x7f && b >= 0x20 && KEEP.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return `file://${out}`
}
