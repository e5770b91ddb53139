// Vite plugin: index.html's entry (src/renderer/src/main.ts) is small and imports the workbench's chunk dynamically,
// so that it runs while that chunk is still being fetched and compiled. Vite lists only an entry's static imports as
// <link rel="modulepreload">; this adds the dynamically imported chunks (and what they import), so the browser fetches
// them with the page instead of once the entry has run; and their stylesheets as stylesheets, so the page has them
// parsed while the chunk compiles, and Vite's loader, finding them linked, neither adds nor waits for them when the
// entry's import runs.
import type { Plugin } from 'vite'

interface ChunkLike {
  type: 'chunk' | 'asset'
  fileName: string
  imports?: string[]
  dynamicImports?: string[]
  /** Vite's record of the CSS files a chunk brought in. */
  viteMetadata?: { importedCss?: Set<string> }
}

/** The chunks `entry` imports dynamically, and theirs statically, less what the page already loads. */
export function dynamicallyImported(entry: ChunkLike, bundle: Record<string, ChunkLike>): string[] {
  const loaded = new Set([entry.fileName, ...(entry.imports ?? [])])
  const found: string[] = []
  const visit = (fileName: string) => {
    if (loaded.has(fileName)) return
    loaded.add(fileName)
    const chunk = bundle[fileName]
    if (chunk?.type !== 'chunk') return
    found.push(fileName)
    for (const dep of chunk.imports ?? []) visit(dep)
  }
  for (const fileName of entry.dynamicImports ?? []) visit(fileName)
  return found
}

/** The stylesheets of `chunks` that the entry does not already link, each once, in order. */
export function stylesheetsOf(entry: ChunkLike, chunks: string[], bundle: Record<string, ChunkLike>): string[] {
  const linked = new Set(entry.viteMetadata?.importedCss ?? [])
  const found: string[] = []
  for (const fileName of chunks)
    for (const css of bundle[fileName]?.viteMetadata?.importedCss ?? []) {
      if (linked.has(css)) continue
      linked.add(css)
      found.push(css)
    }
  return found
}

export function preloadDynamicEntry(): Plugin {
  let base = './'
  return {
    name: 'lectern:preload-dynamic-entry',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.chunk || !ctx.bundle) return
        const entry = ctx.chunk as ChunkLike
        const bundle = ctx.bundle as Record<string, ChunkLike>
        const files = dynamicallyImported(entry, bundle)
        const link = (rel: string, fileName: string) => ({
          tag: 'link',
          attrs: { rel, crossorigin: true, href: `${base === '' ? './' : base}${fileName}` },
          injectTo: 'head' as const,
        })
        return [...stylesheetsOf(entry, files, bundle).map((css) => link('stylesheet', css)), ...files.map((js) => link('modulepreload', js))]
      },
    },
  }
}
