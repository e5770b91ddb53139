// Call hierarchy as Lean's watchdog answers it from reference data (Watchdog.lean `handlePrepareCallHierarchy`,
// `handleCallHierarchyIncomingCalls`/`OutgoingCalls`): items are constants (kind 14) whose `range` and
// `selectionRange` are the definition's name, `data` is `{module, name}`; incoming calls are grouped by the
// calling declaration (its whole extent as `range`, its name as `selectionRange`), outgoing calls by the callee,
// both sorted by name. Real Lean reads .ilean files and open workers; the double elaborates every project file
// (open documents in their current text) and writes uris as `System.Uri.pathToUri` does.
import path from 'node:path'
import { readFileSync } from 'node:fs'
import { elabFileSafe, type FileElab, type ModuleSource } from './elab-command'
import { leanFiles, leanPathToUri } from './cross-file'
import { termInfoAt } from './goals'
import type { Range } from './text'

const CONSTANT = 14

interface DeclEntry {
  range: Range
  selectionRange: Range
}

interface ModuleRefs {
  module: string
  uri: string
  decls: Map<string, DeclEntry>
  /** Uses of global constants, with the declaration they occur in. */
  usages: { name: string; range: Range; parent?: string }[]
}

export interface ProjectSources {
  root: string
  /** The current text of an open document at this path. */
  openText(file: string): string | undefined
  resolveModule(mod: string): ModuleSource | undefined
}

export interface CallHierarchyItem {
  name: string
  kind: number
  uri: string
  range: Range
  selectionRange: Range
  data: { module: string; name: string }
}

function moduleName(root: string, file: string): string {
  return path.relative(root, file).slice(0, -'.lean'.length).split(path.sep).join('.')
}

function refsOf(module: string, uri: string, fe: FileElab): ModuleRefs {
  const decls = new Map<string, DeclEntry>()
  const usages: ModuleRefs['usages'] = []
  for (const c of fe.cmds) {
    if (c.decl) decls.set(c.decl.name, { range: fe.doc.range(c.decl.s, c.decl.e), selectionRange: fe.doc.range(c.decl.nameS, c.decl.nameE) })
    for (const t of c.terms) {
      if (!t.constName || t.isBinder || (c.decl && t.s === c.decl.nameS)) continue
      usages.push({ name: t.constName, range: fe.doc.range(t.s, t.e), ...(c.decl ? { parent: c.decl.name } : {}) })
    }
  }
  return { module, uri, decls, usages }
}

/** The reference data of every `.lean` file of the project. */
export function indexProject(src: ProjectSources): ModuleRefs[] {
  return leanFiles(src.root).map((file) => {
    const text = src.openText(file) ?? readFileSync(file, 'utf8')
    const uri = leanPathToUri(file)
    const fe = elabFileSafe(text, { uri, root: src.root, resolveModule: (m) => src.resolveModule(m) })
    return refsOf(moduleName(src.root, file), uri, fe)
  })
}

function itemOf(index: ModuleRefs[], name: string): CallHierarchyItem | undefined {
  for (const m of index) {
    const d = m.decls.get(name)
    if (d) return { name, kind: CONSTANT, uri: m.uri, range: d.selectionRange, selectionRange: d.selectionRange, data: { module: m.module, name } }
  }
  return undefined // a builtin: real Lean finds it in the toolchain's .ilean files, the double has none
}

/** The constant at `off` of an open document: a declaration's name or a use of one. */
export function prepareCallHierarchy(index: ModuleRefs[], fe: FileElab, off: number): CallHierarchyItem[] {
  const decl = fe.cmds.find((c) => c.decl && c.decl.nameS <= off && off <= c.decl.nameE)?.decl
  const name = decl?.name ?? termInfoAt(fe, off, true)?.constName
  const item = name ? itemOf(index, name) : undefined
  return item ? [item] : []
}

function itemData(item: unknown): { module: string; name: string } | undefined {
  const data = (item as { data?: { module?: unknown; name?: unknown } } | null)?.data
  return typeof data?.module === 'string' && typeof data.name === 'string' ? { module: data.module, name: data.name } : undefined
}

const byName = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)

export function incomingCalls(index: ModuleRefs[], item: unknown): unknown[] {
  const data = itemData(item)
  if (!data) return []
  const calls = new Map<string, { from: CallHierarchyItem; fromRanges: Range[] }>()
  for (const m of index) {
    for (const u of m.usages) {
      if (u.name !== data.name || !u.parent) continue
      const parent = m.decls.get(u.parent)
      if (!parent) continue
      const key = `${m.module}\u0000${u.parent}`
      const from = { name: u.parent, kind: CONSTANT, uri: m.uri, range: parent.range, selectionRange: parent.selectionRange, data: { module: m.module, name: u.parent } }
      const call = calls.get(key) ?? calls.set(key, { from, fromRanges: [] }).get(key)!
      call.fromRanges.push(u.range)
    }
  }
  return [...calls.values()].sort(byName((c) => c.from.name))
}

export function outgoingCalls(index: ModuleRefs[], item: unknown): unknown[] {
  const data = itemData(item)
  const m = data && index.find((x) => x.module === data.module)
  if (!data || !m) return []
  const calls = new Map<string, { to: CallHierarchyItem; fromRanges: Range[] }>()
  for (const u of m.usages) {
    if (u.parent !== data.name || u.name === data.name) continue
    const to = itemOf(index, u.name)
    if (!to) continue
    const call = calls.get(u.name) ?? calls.set(u.name, { to, fromRanges: [] }).get(u.name)!
    call.fromRanges.push(u.range)
  }
  return [...calls.values()].sort(byName((c) => c.to.name))
}
