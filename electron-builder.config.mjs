// `npm run dist`: Lectern's installers with electron-builder — AppImage and .deb on Linux, dmg on macOS, nsis on
// Windows — built on each platform for itself. The asar holds what runs: the built `out/` (main, preload, the
// renderer with the infoview files) and the production dependencies (ws, vscode-jsonrpc, shell-quote); the
// renderer's libraries are bundled at build time and are devDependencies. Fuses are flipped after packing.
import { afterPack } from './build/fuses.mjs'

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'org.lectern.ide',
  productName: 'Lectern',
  copyright: 'Copyright © Lectern contributors',
  directories: { output: 'dist', buildResources: 'build/resources' },
  files: ['out/**/*', '!**/*.map', '!**/*.d.ts', '!**/*.md', '!**/{tsconfig.json,*.tsbuildinfo,eslint.config.js}', 'package.json'],
  asar: true,
  afterPack,
  fileAssociations: [{ ext: 'lean', name: 'Lean 4 source', description: 'Lean 4 source file', role: 'Editor', mimeType: 'text/x-lean4' }],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    icon: 'build/resources/icons',
    executableName: 'lectern',
    maintainer: 'Lectern contributors',
    synopsis: 'A desktop IDE for the Lean 4 proof assistant',
    mimeTypes: ['text/x-lean4'],
    desktop: { entry: { StartupWMClass: 'Lectern', Keywords: 'Lean;Lean4;proof;theorem;' } },
  },
  deb: { packageCategory: 'devel' },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools', icon: 'build/resources/icon.png' },
  win: { target: ['nsis'], icon: 'build/resources/icon.png' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
}
