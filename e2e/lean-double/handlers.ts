// Request handlers after the watchdog has routed a request to an open document.
import {
  atPosition, completionAt, constantWrittenAt, definitionAt, documentSymbols, foldingRanges, highlightsAt, hoverAt, occurrences,
  resolveCompletion, workspaceSymbols,
} from './features'
import { goalsAt, ppGoal, termGoalAt } from './goals'
import type { RpcSessions } from './rpc'
import { isPos, isRange, type Pos, type Range, uriToPath } from './text'
import { codeActions, selectionRanges, semanticTokens } from './tokens'
import { moduleImportedBy, moduleImports, prepareModuleHierarchy, type ModuleSources } from './module-hierarchy'
import { incomingCalls, indexProject, outgoingCalls, prepareCallHierarchy } from './call-hierarchy'
import { type DocWorker, RequestFailure } from './worker'
import { occurrencesInOtherFiles } from './cross-file'
import type { FileElab, ModuleSource } from './elab-command'

export interface HandlerCtx {
  docs: Map<string, DocWorker>
  rpc: RpcSessions
  root: string
  insertReplace: boolean
  resolveModule(mod: string): ModuleSource | undefined
}

export interface Handler {
  /** The document a request is routed by; undefined for watchdog-level requests. */
  uri?: (p: Record<string, unknown>) => string
  /** Throws a message when params do not decode. */
  check?: (p: Record<string, unknown>) => void
  run: (ctx: HandlerCtx, p: Record<string, unknown>, doc: DocWorker | undefined) => Promise<unknown>
}

function bad(why: string): never {
  throw new Error(why)
}
const tdUri = (p: Record<string, unknown>): string => {
  const td = p.textDocument as { uri?: unknown } | undefined
  if (!td || typeof td.uri !== 'string') bad('textDocument.uri: expected a string')
  return td.uri
}
const posOf = (p: Record<string, unknown>): Pos => (isPos(p.position) ? p.position : bad('position: expected {line, character}'))
const checkTdp = (p: Record<string, unknown>) => {
  tdUri(p)
  posOf(p)
}
const checkTd = (p: Record<string, unknown>) => void tdUri(p)

const positional = (f: (ctx: HandlerCtx, doc: DocWorker, off: number, p: Record<string, unknown>, fe: Awaited<ReturnType<typeof atPosition>>['fe']) => unknown): Handler => ({
  uri: tdUri,
  check: checkTdp,
  run: async (ctx, p, doc) => {
    const { fe, off } = await atPosition(doc!, posOf(p))
    return f(ctx, doc!, off, p, fe)
  },
})

const finished = (doc: DocWorker) => doc.waitFor((r) => r.finished)
const emptyFor = (value: unknown): Handler => ({ uri: tdUri, check: checkTd, run: async () => value })

export const HANDLERS: Record<string, Handler> = {
  'textDocument/hover': positional((_c, doc, off, _p, fe) => hoverAt(fe, off, doc.uri)),
  'textDocument/completion': positional((ctx, doc, off, p, fe) => completionAt(fe, off, doc.uri, posOf(p), ctx.insertReplace)),
  'completionItem/resolve': {
    run: async (ctx, p) => {
      const data = p.data
      const m = Array.isArray(data) && typeof data[0] === 'string' ? /^«external:(.*)»$/.exec(data[0]) : null
      const doc = m ? ctx.docs.get(m[1]!) : undefined
      return resolveCompletion(p, doc?.run?.fe.env)
    },
  },
  'textDocument/definition': positional((_c, doc, off, _p, fe) => definitionAt(fe, off, doc.uri, 'definition')),
  'textDocument/declaration': positional((_c, doc, off, _p, fe) => definitionAt(fe, off, doc.uri, 'declaration')),
  'textDocument/typeDefinition': positional((_c, doc, off, _p, fe) => definitionAt(fe, off, doc.uri, 'type')),
  'textDocument/documentHighlight': positional((_c, _d, off, _p, fe) => highlightsAt(fe, off)),
  'textDocument/references': positional((c, doc, off, _p, fe) => [
    ...(occurrences(fe, off) ?? []).map((range) => ({ uri: doc.uri, range })),
    ...elsewhere(c, doc, fe, off),
  ]),
  'textDocument/prepareRename': positional((_c, _d, off, _p, fe) => {
    const pos = fe.doc.positionAt(off)
    return (occurrences(fe, off) ?? []).find((r) => r.start.line === pos.line && r.start.character <= pos.character && pos.character <= r.end.character) ?? null
  }),
  'textDocument/rename': positional((c, doc, off, p, fe) => {
    const occ = occurrences(fe, off)
    if (!occ?.length || typeof p.newName !== 'string') return null
    const changes: Record<string, { range: Range; newText: string }[]> = { [doc.uri]: occ.map((range) => ({ range, newText: p.newName as string })) }
    for (const o of elsewhere(c, doc, fe, off)) (changes[o.uri] ??= []).push({ range: o.range, newText: p.newName })
    return { changes }
  }),
  'textDocument/signatureHelp': positional(() => null),
  'textDocument/prepareCallHierarchy': positional((c, _d, off, _p, fe) => prepareCallHierarchy(indexProject(sources(c)), fe, off)),
  'callHierarchy/incomingCalls': { check: checkItem, run: async (c, p) => incomingCalls(indexProject(sources(c)), p.item) },
  'callHierarchy/outgoingCalls': { check: checkItem, run: async (c, p) => outgoingCalls(indexProject(sources(c)), p.item) },
  'textDocument/documentSymbol': { uri: tdUri, check: checkTd, run: async (_c, _p, doc) => documentSymbols((await finished(doc!)).fe) },
  'textDocument/foldingRange': { uri: tdUri, check: checkTd, run: async (_c, _p, doc) => foldingRanges((await finished(doc!)).fe) },
  'textDocument/documentColor': emptyFor([]),
  'textDocument/inlayHint': emptyFor([]),
  'textDocument/semanticTokens/full': {
    uri: tdUri,
    check: checkTd,
    run: async (_c, _p, doc) => {
      const run = doc!.run!
      return semanticTokens(run.fe, 0, run.processedEnd())
    },
  },
  'textDocument/semanticTokens/range': {
    uri: tdUri,
    check: (p) => (checkTd(p), isRange(p.range) || bad('range: expected a Range')),
    run: async (_c, p, doc) => {
      const range = p.range as Range
      const run = await doc!.waitFor((r) => r.covers(r.fe.doc.offsetAt(range.end)))
      return semanticTokens(run.fe, run.fe.doc.offsetAt(range.start), run.fe.doc.offsetAt(range.end))
    },
  },
  'textDocument/codeAction': {
    uri: tdUri,
    check: (p) => (checkTd(p), isRange(p.range) || bad('range: expected a Range')),
    run: async (_c, p, doc) => {
      const range = p.range as Range
      const run = await doc!.waitFor((r) => r.covers(r.fe.doc.offsetAt(range.end)))
      return codeActions(run.fe, doc!.uri, run.version, range)
    },
  },
  'codeAction/resolve': { run: async (_c, p) => p },
  'textDocument/selectionRange': {
    uri: tdUri,
    check: (p) => (checkTd(p), (Array.isArray(p.positions) && p.positions.every(isPos)) || bad('positions: expected Position[]')),
    run: async (_c, p, doc) => selectionRanges((await finished(doc!)).fe, p.positions as Pos[]),
  },
  'workspace/symbol': { run: async (ctx, p) => workspaceSymbols(ctx.docs.values(), String(p.query ?? '')) },
  '$/lean/plainGoal': positional((_c, _d, off, _p, fe) => {
    const groups = goalsAt(fe, off)
    if (!groups) return null
    const goals = groups.flatMap((g) => g.goals.map((x) => ppGoal(g.env, g.m, x)))
    if (goals.length === 0) return { rendered: 'no goals', goals: [] }
    return { rendered: goals.map((g) => '```lean\n' + g + '\n```').join('\n---\n'), goals }
  }),
  '$/lean/plainTermGoal': positional((_c, _d, off, _p, fe) => {
    const tg = termGoalAt(fe, off)
    if (!tg) return null
    return { goal: ppGoal(tg.info.env, tg.info.m, tg.goal), range: fe.doc.range(tg.info.s, tg.info.e) }
  }),
  'textDocument/waitForDiagnostics': {
    uri: (p) => (typeof p.uri === 'string' ? p.uri : bad('uri: expected a string')),
    check: (p) => void (Number.isInteger(p.version) || bad('version: expected an integer')),
    run: async (_c, p, doc) => {
      const v = p.version as number
      await doc!.waitFor((r) => r.version >= v && r.finished)
      return {}
    },
  },
  '$/lean/waitForILeans': {
    run: async (ctx, p) => {
      if (typeof p.uri !== 'string') return {}
      const doc = ctx.docs.get(p.uri)
      if (!doc) throw new RequestFailure(-32801, `Cannot process request to closed file '${p.uri}'`)
      const v = typeof p.version === 'number' ? p.version : 0
      await doc.waitFor((r) => r.version >= v && r.finished)
      return {}
    },
  },
  '$/lean/rpc/connect': {
    uri: (p) => (typeof p.uri === 'string' ? p.uri : bad('uri: expected a string')),
    run: async (ctx, _p, doc) => ({ sessionId: ctx.rpc.connect(doc!.uri) }),
  },
  '$/lean/rpc/call': {
    uri: tdUri,
    check: (p) => {
      checkTdp(p)
      if (typeof p.method !== 'string') bad('method: expected a string')
      if (!('sessionId' in p)) bad('sessionId: missing')
    },
    run: async (ctx, p, doc) => ctx.rpc.call(doc!, p.sessionId, posOf(p), p.method as string, p.params ?? null),
  },
  '$/lean/prepareModuleHierarchy': { uri: tdUri, check: checkTd, run: async (ctx, _p, doc) => prepareModuleHierarchy(sources(ctx), doc!.uri) },
  '$/lean/moduleHierarchy/imports': { check: checkModule, run: async (ctx, p) => moduleImports(sources(ctx), p.module as LeanModule) },
  '$/lean/moduleHierarchy/importedBy': { check: checkModule, run: async (ctx, p) => moduleImportedBy(sources(ctx), p.module as LeanModule) },
}

type LeanModule = { name: string; uri: string }

/** Lean decodes `{module: LeanModule}`: both `name` and `uri` must be strings. */
function checkModule(p: Record<string, unknown>): void {
  const m = p.module as { name?: unknown; uri?: unknown } | undefined
  if (typeof m?.name !== 'string' || typeof m.uri !== 'string') bad('module: expected a LeanModule {name, uri}')
}

function checkItem(p: Record<string, unknown>): void {
  const item = p.item as { name?: unknown; uri?: unknown; range?: unknown; selectionRange?: unknown } | undefined
  if (typeof item?.name !== 'string' || typeof item.uri !== 'string' || !isRange(item.range) || !isRange(item.selectionRange)) bad('item: expected a CallHierarchyItem')
}

/** The project's files as the watchdog sees them: open documents in their current text, the rest on disk. */
function sources(ctx: HandlerCtx): ModuleSources & { resolveModule: (mod: string) => ModuleSource | undefined } {
  const open = new Map<string, string>()
  for (const d of ctx.docs.values()) {
    const file = uriToPath(d.uri)
    if (file) open.set(file, d.text.text)
  }
  return { root: ctx.root, openText: (file) => open.get(file), resolveModule: ctx.resolveModule }
}

/** Uses of the global constant at `off` in the project's other files (open ones in their current text). */
function elsewhere(ctx: HandlerCtx, doc: DocWorker, fe: FileElab, off: number): { uri: string; range: Range }[] {
  const name = constantWrittenAt(fe, off)
  if (!name) return []
  const self = uriToPath(doc.uri)
  return occurrencesInOtherFiles(name, ctx.root, new Set(self ? [self] : []), sources(ctx).openText)
}
