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
      },
    },
    worker: { format: 'es' },
  },
})
