// LSP glob patterns (`workspace/didChangeWatchedFiles` registrations), as the spec defines them: `*` matches
// within one path segment, `**` any number of segments, `?` one character, `{a,b}` alternatives, `[a-z]`/`[!a-z]`
// a character range. Paths use `/`; a pattern is matched against the whole path relative to its base.

/** The pattern as an anchored regular expression over a `/`-separated relative path. */
export function globToRegExp(pattern: string): RegExp {
  let re = ''
  let depth = 0 // inside `{…}`
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more whole segments; a trailing or inner `**` anything at all.
        const slash = pattern[i + 2] === '/'
        re += slash ? '(?:[^/]*/)*' : '.*'
        i += slash ? 2 : 1
      } else re += '[^/]*'
    } else if (c === '?') re += '[^/]'
    else if (c === '{') {
      depth++
      re += '(?:'
    } else if (c === '}' && depth > 0) {
      depth--
      re += ')'
    } else if (c === ',' && depth > 0) re += '|'
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2)
      if (end < 0) re += '\\['
      else {
        let body = pattern.slice(i + 1, end)
        const negate = body.startsWith('!') || body.startsWith('^')
        if (negate) body = body.slice(1)
        re += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`
        i = end
      }
    } else re += c.replace(/[.+^$()|\\\]}/]/g, '\\$&')
  }
  // An unclosed `{` is taken literally rather than giving a broken expression.
  if (depth > 0) return new RegExp(`^${escapeAll(pattern)}$`)
  return new RegExp(`^${re}$`)
}

function escapeAll(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** A compiled pattern: does it match this `/`-separated path (relative to its base)? */
export function globMatcher(pattern: string): (relPath: string) => boolean {
  const re = globToRegExp(pattern)
  return (relPath) => re.test(relPath)
}
