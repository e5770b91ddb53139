// Import first in a test: from then on `require('electron')` (what tsx compiles `import … from 'electron'` to)
// loads test/helpers/fake-electron.ts, so the shell's modules run under plain Node.
import Module from 'node:module'
import { join } from 'node:path'

const FAKE = join(__dirname, 'fake-electron.ts')
const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string }
const original = loader._resolveFilename
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'electron' ? FAKE : original.call(this, request, ...rest)
}
