// We cannot load a lakefile without running Lake, so a broken one only shows up in `lake serve`'s own output.
// The server registry passes that stderr here to get one sentence for the banner (status 'broken-lakefile').

const MAX_QUOTED_CHARS = 200

function firstErrorLine(stderr: string): string | undefined {
  const line = stderr.split(/\r?\n/).find((l) => /^\s*(\S+:\d+:\d+:\s*)?error:/.test(l))
  if (line === undefined) return undefined
  const trimmed = line.trim()
  return trimmed.length > MAX_QUOTED_CHARS ? `${trimmed.slice(0, MAX_QUOTED_CHARS)}…` : trimmed
}

/** One sentence describing why `lake serve` failed or degraded, or undefined if the text shows no Lake problem. */
export function describeLakeServeFailure(stderr: string): string | undefined {
  const error = firstErrorLine(stderr)
  const detail = error ? ` (${error})` : ''
  // Lake could not elaborate the lakefile and started a plain `lean --server` instead (lean-protocol.md §2.3).
  if (/package configuration has errors/i.test(stderr)) {
    return `The lakefile has errors${detail}, so Lake started a plain Lean server: imports from other packages will fail until you fix it and restart the server.`
  }
  // What every `lake setup-file` prints afterwards, in the current and the older wording.
  if (/Failed to configure the Lake workspace|Invalid Lake configuration/i.test(stderr)) {
    return `Lake could not configure the workspace${detail}: fix the lakefile, then restart the server.`
  }
  if (error) return `\`lake serve\` failed: ${error}`
  return undefined
}
