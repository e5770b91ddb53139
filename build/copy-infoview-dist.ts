// Vite plugin: ships @leanprover/infoview's prebuilt files, byte for byte, as `infoview/<name>` next to the
// renderer's pages (out/renderer/infoview/ after a build; served from node_modules by the dev server).
// The infoview must not be bundled: it is loaded at run time through an import map, together with the React 18
// copies it ships, which user widgets import too. Its package `exports` hide dist/, so files are found by path.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'

export const INFOVIEW_DIST_FILES = [
  'index.production.min.js',
  'react.production.min.js',
  'react-dom.production.min.js',
  'react-jsx-runtime.production.min.js',
  'index.css',
  'codicon.ttf',
] as const

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
}

export function infoviewDistDir(fromDir: string): string {
  const require = createRequire(join(fromDir, 'noop.js'))
  return join(dirname(require.resolve('@leanprover/infoview/package.json')), 'dist')
}

export function copyInfoviewDist(options: { subdir?: string } = {}): Plugin {
  const subdir = options.subdir ?? 'infoview'
  let distDir = ''
  return {
    name: 'lectern:copy-infoview-dist',
    configResolved(config) {
      distDir = infoviewDistDir(config.root)
    },
    configureServer(server) {
      // Dev server: answer /infoview/<file> (any base) from node_modules, with CORS for the opaque-origin frame.
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]
        const m = new RegExp(`/${subdir}/([^/]+)$`).exec(path)
        const file = m?.[1]
        if (!file || !(INFOVIEW_DIST_FILES as readonly string[]).includes(file)) return next()
        const ext = file.slice(file.lastIndexOf('.'))
        res.setHeader('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream')
        res.setHeader('Access-Control-Allow-Origin', '*')
        res.end(readFileSync(join(distDir, file)))
      })
    },
    generateBundle() {
      for (const file of INFOVIEW_DIST_FILES) {
        this.emitFile({ type: 'asset', fileName: `${subdir}/${file}`, source: readFileSync(join(distDir, file)) })
      }
    },
  }
}
