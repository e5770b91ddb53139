// The renderer's entry imports the workbench's chunk dynamically; index.html must still fetch that chunk (and what it
// imports) from the start, or the page would wait for the entry to run before even asking for most of its code.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { dynamicallyImported, stylesheetsOf } from '../build/preload-dynamic-entry'

const chunk = (fileName: string, imports: string[] = [], dynamicImports: string[] = []) => ({ type: 'chunk' as const, fileName, imports, dynamicImports })

describe('the chunks index.html preloads for its entry', () => {
  it('the dynamically imported chunk and its own imports, less what the entry already loads, each once', () => {
    const entry = chunk('assets/index.js', ['assets/load.js'], ['assets/workbench-main.js'])
    const bundle = {
      'assets/index.js': entry,
      'assets/load.js': chunk('assets/load.js'),
      'assets/workbench-main.js': chunk('assets/workbench-main.js', ['assets/load.js', 'assets/shortcuts.js', 'assets/shared.js']),
      'assets/shortcuts.js': chunk('assets/shortcuts.js', ['assets/shared.js']),
      'assets/shared.js': chunk('assets/shared.js'),
      'assets/workbench-main.css': { type: 'asset' as const, fileName: 'assets/workbench-main.css' },
    }
    assert.deepEqual(dynamicallyImported(entry, bundle), ['assets/workbench-main.js', 'assets/shortcuts.js', 'assets/shared.js'])
  })

  it("links those chunks' stylesheets, less what the entry already links, each once", () => {
    const css = (...files: string[]) => ({ viteMetadata: { importedCss: new Set(files) } })
    const entry = { ...chunk('assets/index.js', [], ['assets/workbench-main.js']), ...css('assets/index.css') }
    const bundle = {
      'assets/index.js': entry,
      'assets/workbench-main.js': { ...chunk('assets/workbench-main.js', ['assets/shortcuts.js']), ...css('assets/monaco.css', 'assets/index.css') },
      'assets/shortcuts.js': { ...chunk('assets/shortcuts.js'), ...css('assets/monaco.css', 'assets/shortcuts.css') },
    }
    assert.deepEqual(stylesheetsOf(entry, dynamicallyImported(entry, bundle), bundle), ['assets/monaco.css', 'assets/shortcuts.css'])
  })

  it('an entry with no dynamic import preloads nothing more', () => {
    const entry = chunk('assets/infoview.js', ['assets/shortcuts.js'])
    assert.deepEqual(dynamicallyImported(entry, { 'assets/infoview.js': entry, 'assets/shortcuts.js': chunk('assets/shortcuts.js') }), [])
  })
})

// The plugin only helps when the renderer's build uses it: a build whose index.html lost these links still works, just
// later (the chunk is asked for once the entry has run), so nothing else would notice.
const BUILT = join(__dirname, '../out/renderer')
const builtIndex = join(BUILT, 'index.html')

describe('the built index.html', { skip: existsSync(builtIndex) ? false : 'no build (npx electron-vite build)' }, () => {
  it('preloads every chunk its entry imports dynamically', () => {
    const html = readFileSync(builtIndex, 'utf8')
    const entry = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
    assert.ok(entry, 'index.html has a module entry')
    const imported = [...readFileSync(join(BUILT, entry), 'utf8').matchAll(/import\(`\.\/([^`]+\.js)`\)/g)].map((m) => `assets/${m[1]}`)
    assert.ok(imported.some((f) => f.startsWith('assets/workbench-main-')), `the entry imports the workbench's chunk: ${imported.join(', ')}`)
    for (const file of imported) assert.ok(html.includes(`<link rel="modulepreload" crossorigin href="./${file}">`), `${file} is preloaded`)
  })

  // Vite's loader adds a link for each of the import's dependencies not yet linked, and waits for a stylesheet's load
  // before the import runs: with all of them in the page from the start, it has nothing to add or wait for.
  it("links every file the entry's dynamic import depends on, stylesheets as stylesheets", () => {
    const html = readFileSync(builtIndex, 'utf8')
    const entry = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1] as string
    const deps = /__vite__mapDeps=.*?\[("[^\]]*")\]/.exec(readFileSync(join(BUILT, entry), 'utf8'))?.[1]
    assert.ok(deps, "the entry lists its import's dependencies")
    const files = deps.split(',').map((f) => `assets/${JSON.parse(f).replace(/^\.\//, '')}`)
    assert.ok(files.some((f) => f.endsWith('.css')), `the workbench brings stylesheets: ${files.join(', ')}`)
    for (const file of files) {
      const rel = file.endsWith('.css') ? 'stylesheet' : 'modulepreload'
      assert.ok(html.includes(`<link rel="${rel}" crossorigin href="./${file}">`), `${file} is linked as ${rel}`)
    }
  })

  // Chromium opens six connections to a host; the seventh request waits for one. Fonts matter only once the chunk
  // has run, and a CSP meta tag holds every preload until the parser reaches it (the CSP is a header instead).
  it('asks for the workbench chunk among its first six requests, before the fonts, with no CSP meta tag', () => {
    const html = readFileSync(builtIndex, 'utf8')
    const requests = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1])
    const workbench = requests.findIndex((f) => /^assets\/workbench-main-[^/]+\.js$/.test(f))
    assert.ok(workbench >= 0 && workbench < 6, `the workbench chunk is request ${workbench + 1} of: ${requests.join(', ')}`)
    const firstFont = requests.findIndex((f) => f.endsWith('.woff2'))
    assert.ok(firstFont > workbench, 'the fonts come after it')
    assert.doesNotMatch(html, /http-equiv=["']?content-security-policy/i)
  })

  // One byte over 127 makes Chromium decode a whole script from UTF-8 to UTF-16 as the page starts (~50 ms of CPU
  // for the workbench's chunk, beside its compile); ASCII takes the fast path (electron.vite.config.ts: charset).
  it('serves its scripts in ASCII, the workbench chunk and the editor worker included', () => {
    const assets = join(BUILT, 'assets')
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'))
    assert.ok(scripts.some((f) => f.startsWith('workbench-main-')) && scripts.some((f) => f.startsWith('editor.worker-')), scripts.join(', '))
    for (const file of scripts) {
      const bytes = readFileSync(join(assets, file))
      const at = bytes.findIndex((b) => b > 0x7f)
      assert.equal(at, -1, `${file} has a non-ASCII byte at ${at}: …${bytes.subarray(Math.max(0, at - 40), at + 8).toString('utf8')}`)
    }
  })
})
