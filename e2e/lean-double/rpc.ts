// RPC sessions ($/lean/rpc/*) and the builtin widget methods the infoview calls (lean-protocol.md §6).
import { randomBytes } from 'node:crypto'
import type { FileElab } from './elab-command'
import type { Msg } from './elab-types'
import { type Env, type Expr, type LCtx, MCtx, headArgs, inferType, instantiate } from './expr'
import { type InfoRefObj, type MkRef, type TaggedText, codeWithInfos, goalsAt, interactiveGoal, termGoalAt } from './goals'
import { msgToTagged, toInteractiveDiagnostic } from './messages'
import type { Pos } from './text'
import { type DocWorker, RequestFailure, type Run } from './worker'
import { panelWidgetsAt, widgetEcho, widgetSource } from './widgets'

export type WireFormat = 'v0' | 'v1'

interface Session {
  id: string
  uri: string
  lastSeen: number
  objs: Map<string, object>
  ids: Map<object, string>
  counts: Map<string, number>
  nextRef: number
}

export interface RpcHost {
  wire: WireFormat
  hasWidgets: boolean
  silent: boolean
  expiryMs: number
}

interface MsgRefObj {
  kind: 'msg'
  msg: Msg
  fe: FileElab
}

export class RpcSessions {
  private sessions = new Map<string, Session>()

  constructor(private host: RpcHost) {}

  connect(uri: string): string {
    const id = BigInt('0x' + randomBytes(8).toString('hex')).toString()
    this.sessions.set(id, { id, uri, lastSeen: Date.now(), objs: new Map(), ids: new Map(), counts: new Map(), nextRef: 0 })
    return id
  }

  /** Drops every session of a document (worker restart, close, crash). */
  invalidate(uri: string): void {
    for (const [id, s] of this.sessions) if (s.uri === uri) this.sessions.delete(id)
  }

  private live(id: unknown, uri: string): Session | undefined {
    if (typeof id !== 'string') return undefined
    const s = this.sessions.get(id)
    if (!s || s.uri !== uri) return undefined
    if (Date.now() - s.lastSeen > this.host.expiryMs) {
      this.sessions.delete(id)
      return undefined
    }
    return s
  }

  keepAlive(uri: string, id: unknown): void {
    const s = this.live(id, uri)
    if (s) s.lastSeen = Date.now()
  }

  release(uri: string, id: unknown, refs: unknown): void {
    const s = this.live(id, uri)
    if (!s) return
    s.lastSeen = Date.now()
    if (!Array.isArray(refs)) return
    for (const r of refs) {
      const n = this.refId(r)
      if (n === undefined || !s.objs.has(n)) continue
      const c = (s.counts.get(n) ?? 1) - 1
      if (c > 0) s.counts.set(n, c)
      else {
        const obj = s.objs.get(n)!
        s.objs.delete(n)
        s.ids.delete(obj)
        s.counts.delete(n)
      }
    }
  }

  private refId(r: unknown): string | undefined {
    if (typeof r !== 'object' || r === null) return undefined
    const key = this.host.wire === 'v1' ? '__rpcref' : 'p'
    const v = (r as Record<string, unknown>)[key]
    return typeof v === 'string' ? v : undefined
  }

  private mkRef(s: Session): MkRef {
    return (obj: object) => {
      let id = s.ids.get(obj)
      if (id === undefined) {
        id = String(s.nextRef++)
        s.ids.set(obj, id)
        s.objs.set(id, obj)
      }
      s.counts.set(id, (s.counts.get(id) ?? 0) + 1)
      return this.host.wire === 'v1' ? { __rpcref: id } : { p: id }
    }
  }

  private getRef(s: Session, method: string, params: unknown, r: unknown): object {
    const id = this.refId(r)
    if (id === undefined) {
      throw new RequestFailure(-32602, `Cannot decode params in RPC call '${method}(${JSON.stringify(params)})'\nexpected an RPC reference ${this.host.wire === 'v1' ? '{"__rpcref": …}' : '{"p": …}'}`)
    }
    const obj = s.objs.get(id)
    if (!obj) throw new RequestFailure(-32602, `RPC reference '${id}' is not valid`)
    return obj
  }

  /** `$/lean/rpc/call`. The caller has checked that the document is open and alive. */
  async call(doc: DocWorker, sessionId: unknown, position: Pos, method: string, params: unknown): Promise<unknown> {
    const s = this.live(sessionId, doc.uri)
    if (!s) throw new RequestFailure(-32900, 'Outdated RPC session')
    const mkRef = this.mkRef(s)
    const atPos = async (p: Pos | undefined) => {
      const q = p ?? position
      const run = await doc.waitFor((r) => r.covers(r.fe.doc.offsetAt(q)))
      return { run, off: run.fe.doc.offsetAt(q) }
    }
    const posParam = (): Pos | undefined => {
      const o = params as { position?: Pos; line?: number; character?: number; pos?: Pos }
      if (o && typeof o === 'object') {
        if (o.position) return o.position
        if (typeof o.line === 'number' && typeof o.character === 'number') return { line: o.line, character: o.character }
        if (o.pos) return o.pos
      }
      return undefined
    }
    const p = params as Record<string, unknown>
    switch (method) {
      case 'Lean.Widget.getInteractiveGoals': {
        const { run, off } = await atPos(posParam())
        const groups = goalsAt(run.fe, off)
        if (!groups) return null
        return { goals: groups.flatMap((g) => g.goals.map((x) => interactiveGoal(x, g.env, g.m, mkRef))) }
      }
      case 'Lean.Widget.getInteractiveTermGoal': {
        const { run, off } = await atPos(posParam())
        const tg = termGoalAt(run.fe, off)
        if (!tg) return null
        const g = interactiveGoal(tg.goal, tg.info.env, tg.info.m, mkRef)
        delete g.goalPrefix
        delete g.mvarId
        return { ...g, range: run.fe.doc.range(tg.info.s, tg.info.e), term: mkRef(tg.info) }
      }
      case 'Lean.Widget.getInteractiveDiagnostics': {
        const run = doc.run
        if (!run) return []
        const lr = p?.lineRange as { start: number; end: number } | undefined
        return this.diagnostics(run, mkRef).filter((d) => !lr || (d.fullRange.start.line < lr.end && d.fullRange.end.line >= lr.start))
      }
      case 'Lean.Widget.getWidgets': {
        const q = posParam() ?? position
        const { run } = await atPos(q)
        return { widgets: panelWidgetsAt(run.fe, q) }
      }
      case 'Lean.Widget.getWidgetSource':
        return widgetSource(p?.hash)
      case 'LeanDouble.widgetEcho':
        return widgetEcho(params)
      case 'Lean.Widget.InteractiveDiagnostics.msgToInteractive': {
        const obj = this.getRef(s, method, params, p?.msg) as MsgRefObj
        if (obj.kind !== 'msg') throw new RequestFailure(-32602, `Cannot decode params in RPC call '${method}(${JSON.stringify(params)})'\nnot a MessageData reference`)
        return msgToTagged(obj.msg, this.host.hasWidgets, mkRef)
      }
      case 'Lean.Widget.InteractiveDiagnostics.infoToInteractive': {
        const obj = this.getRef(s, method, params, params) as InfoRefObj | { kind: string; expr?: Expr }
        return this.infoPopup(obj, mkRef)
      }
      case 'Lean.Widget.getGoToLocation': {
        const obj = this.getRef(s, method, params, p?.info) as InfoRefObj
        return goToLocation(obj, String(p?.kind ?? 'definition'))
      }
      case 'Lean.Widget.lazyTraceChildrenToInteractive':
        this.getRef(s, method, params, params)
        throw new RequestFailure(-32602, `Cannot decode params in RPC call '${method}(${JSON.stringify(params)})'\nnot a LazyTraceChildren reference`)
      case 'Lean.Widget.highlightMatches':
        return highlight(p?.msg as TaggedText, String(p?.query ?? ''))
      default:
        throw new RequestFailure(-32601, `No RPC method '${method}' found`)
    }
  }

  private diagnostics(run: Run, mkRef: MkRef) {
    const fe = run.fe
    const msgs = fe.headerError ? [fe.headerError] : fe.cmds.slice(0, run.done).flatMap((c) => c.msgs)
    return msgs.filter((m) => !m.isSilent || this.host.silent).map((m) => toInteractiveDiagnostic(m, fe.doc, this.host.hasWidgets, mkRef))
  }

  private infoPopup(obj: { kind: string }, mkRef: MkRef): unknown {
    if (obj.kind !== 'info' && !('expr' in obj && 'lctx' in obj)) return { type: null, exprExplicit: null, doc: null }
    const o = obj as InfoRefObj
    let type: Expr | undefined
    try {
      type = instantiate(inferType(o.expr, o.lctx, o.env, o.m ?? emptyM()), o.m ?? emptyM())
    } catch {
      type = undefined
    }
    const doc = o.expr.k === 'const' ? (o.env.get(o.expr.name)?.doc ?? null) : null
    return {
      type: type ? codeWithInfos(type, o.lctx, o.env, o.m, mkRef) : null,
      exprExplicit: codeWithInfos(o.expr, o.lctx, o.env, o.m, mkRef),
      doc,
    }
  }
}

function emptyM(): MCtx {
  return new MCtx()
}

/** LocationLinks of the declaration an info refers to (user declarations only). */
export function goToLocation(o: { expr: Expr; lctx: LCtx; env: Env; m?: MCtx }, kind: string): unknown[] {
  let e = o.expr
  if (kind === 'type') {
    try {
      e = instantiate(inferType(o.expr, o.lctx, o.env, o.m ?? emptyM()), o.m ?? emptyM())
    } catch {
      return []
    }
  }
  const { head } = headArgs(e)
  if (head.k !== 'const') return []
  const loc = o.env.get(head.name)?.loc
  if (!loc) return []
  return [{ targetUri: loc.uri, targetRange: loc.range, targetSelectionRange: loc.selRange }]
}

function highlight(msg: TaggedText, query: string): TaggedText {
  if (!msg || typeof msg !== 'object' || !query) return msg
  if ('text' in msg) {
    const parts = msg.text.split(query)
    if (parts.length === 1) return msg
    const out: TaggedText[] = []
    parts.forEach((x, i) => {
      if (i) out.push({ tag: ['highlighted', { text: query }] })
      if (x) out.push({ text: x })
    })
    return { append: out }
  }
  if ('append' in msg) return { append: msg.append.map((m) => highlight(m, query)) }
  const [t, child] = msg.tag
  // embeds other than text stay as they are
  return typeof t === 'object' && t !== null && ('expr' in t || 'goal' in t) ? msg : { tag: [t, highlight(child, query)] }
}
