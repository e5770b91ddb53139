// The module hierarchy requests (`$/lean/prepareModuleHierarchy`, `$/lean/moduleHierarchy/imports|importedBy`),
// answered as Lean's watchdog does from its direct-import data: `LeanModule {name, uri}` and
// `LeanImport {module, kind: {isPrivate, isAll, metaKind}}` (Lean.Data.Lsp.Extra). Every project file counts,
// open (current text) or not (on disk); uris are written as `System.Uri.pathToUri` writes them, and imports
// whose file cannot be found are left out, as Lean drops imports it has no uri for.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { isToolchainModule } from './builtins'
import { leanFiles, leanPathToUri } from './cross-file'
import { parseFile } from './parse-file'
import { moduleOfUri, pathOfModule } from './text'

const TOOLCHAIN_SRC = '/lean-double/toolchain/src/lean'

export interface ModuleSources {
  root: string
  openText(file: string): string | undefined
}

interface LeanModule {
  name: string
  uri: string
}

const NON_META = { isPrivate: false, isAll: false, metaKind: 'nonMeta' }

function moduleUri(src: ModuleSources, name: string): string | undefined {
  if (isToolchainModule(name)) return leanPathToUri(`${TOOLCHAIN_SRC}/${name.split('.').join('/')}.lean`)
  const file = pathOfModule(name, src.root)
  return src.openText(file) !== undefined || existsSync(file) ? leanPathToUri(file) : undefined
}

function importsOfText(text: string): string[] {
  const out: string[] = []
  for (const c of parseFile(text).commands) {
    if (c.node.k !== 'import') break
    if (c.node.module) out.push(c.node.module)
  }
  return out
}

function textOf(src: ModuleSources, file: string): string | undefined {
  const open = src.openText(file)
  if (open !== undefined) return open
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

export function prepareModuleHierarchy(src: ModuleSources, uri: string): LeanModule | null {
  const name = moduleOfUri(uri, src.root)
  const moduleFileUri = name && moduleUri(src, name)
  return name && moduleFileUri ? { name, uri: moduleFileUri } : null
}

export function moduleImports(src: ModuleSources, mod: LeanModule): unknown[] {
  if (isToolchainModule(mod.name)) return [] // the double has no toolchain sources to read
  const text = textOf(src, pathOfModule(mod.name, src.root))
  if (text === undefined) return []
  return importsOfText(text).flatMap((name) => {
    const uri = moduleUri(src, name)
    return uri ? [{ module: { name, uri }, kind: NON_META }] : []
  })
}

export function moduleImportedBy(src: ModuleSources, mod: LeanModule): unknown[] {
  const out: { module: LeanModule; kind: typeof NON_META }[] = []
  for (const file of leanFiles(src.root)) {
    const text = textOf(src, file)
    if (text === undefined || !importsOfText(text).includes(mod.name)) continue
    const name = path.relative(src.root, file).slice(0, -'.lean'.length).split(path.sep).join('.')
    out.push({ module: { name, uri: leanPathToUri(file) }, kind: NON_META })
  }
  return out.sort((a, b) => (a.module.name < b.module.name ? -1 : a.module.name > b.module.name ? 1 : 0))
}
