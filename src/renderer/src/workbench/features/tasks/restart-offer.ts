// After a build or cache fetch, open Lean files whose imports were rebuilt still run on the old .olean files:
// find them, so the workbench can offer Restart File (lean-protocol: close + open with dependencyBuildMode once).

/** Modules a Lean file imports: `import A.B C`, also `public import` / `meta import` of the module system. */
export function importsOf(text: string): string[] {
  const out: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:(?:public|private)\s+)?(?:meta\s+)?import\s+(?:all\s+)?([^-]+?)\s*(?:--.*)?$/.exec(line)
    if (m) out.push(...m[1].split(/\s+/).filter(Boolean))
  }
  return out
}

/** Lean's own libraries never come from a project build or Mathlib's cache. */
const CORE_PREFIX = /^(Init|Std|Lean|Lake)(\.|$)/

/**
 * Open files to offer Restart File to: those importing a rebuilt module. `*` (a cache fetch unpacked
 * dependency oleans) stands for every import outside Lean's own libraries.
 */
export function filesToRestart(docs: readonly { uri: string; text: string }[], rebuilt: readonly string[]): string[] {
  if (rebuilt.length === 0) return []
  const any = rebuilt.includes('*')
  const set = new Set(rebuilt)
  return docs.filter((d) => importsOf(d.text).some((i) => (any ? !CORE_PREFIX.test(i) : set.has(i)))).map((d) => d.uri)
}
