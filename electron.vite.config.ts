import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { copyInfoviewDist } from './build/copy-infoview-dist'
import { preloadDynamicEntry } from './build/preload-dynamic-entry'

// Three builds: the main process (Electron entry + the plain-Node serve entry share the core),
// the preload (CommonJS so it runs with the sandbox on), and the renderer (Monaco + infoview frame).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [copyInfoviewDist(), preloadDynamicEntry()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      chunkSizeWarningLimit: 6000,
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          infoview: resolve(__dirname, 'src/renderer/infoview.html'),
        },
        // ASCII-only scripts (non-ASCII escaped as \u…): one non-ASCII character (the Lean grammar's ∀, the
        // abbreviation table's symbols) makes Chromium decode the whole 3.9 MB workbench chunk from UTF-8 to UTF-16
        // on the page's start (~50 ms of CPU beside the chunk's compile on two cores); ASCII takes the fast path.
        output: { charset: 'ascii' },
      },
    },
    worker: { format: 'es', rolldownOptions: { output: { charset: 'ascii' } } },
  },
})
