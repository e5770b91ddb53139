// Vite plugin: index.html's entry (src/renderer/src/main.ts) is small and imports the workbench's chunk dynamically,
// so that it runs while that chunk is still being fetched and compiled. Vite lists only an entry's static imports as
// <link rel="modulepreload">; this adds the dynamically imported chunks (and what they import), so the browser fetches
// them with the page instead of once the entry has run.
import type { Plugin } from 'vite'

interface ChunkLike {
  type: 'chunk' | 'asset'
  fileName: string
  imports?: string[]
  dynamicImports?: string[]
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
        const files = dynamicallyImported(ctx.chunk as ChunkLike, ctx.bundle as Record<string, ChunkLike>)
        return files.map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base === '' ? './' : base}${fileName}` },
          injectTo: 'head' as const,
        }))
      },
    },
  }
}
