// Messages → LSP diagnostics (plain) and InteractiveDiagnostics (RPC), following lean-protocol.md §4.4.
import type { Msg, MsgPart } from './elab-types'
import { type MkRef, type TaggedText, codeWithInfos, interactiveGoal, ppGoal } from './goals'
import { ctxFor, pp } from './pretty'
import type { Range, TextDoc } from './text'

export interface Diagnostic {
  range: Range
  fullRange: Range
  severity: 1 | 2 | 3
  source: 'Lean 4'
  message: unknown
  leanTags?: number[]
  isSilent?: boolean
}

export function msgText(msg: Msg): string {
  return msg.parts.map((p) => partText(msg, p)).join('')
}

function partText(msg: Msg, p: MsgPart): string {
  if ('text' in p) return p.text
  if ('expr' in p) return pp(ctxFor(msg.env, p.lctx, msg.m), p.expr)
  return ppGoal(msg.env, msg.m, p.goal)
}

export function msgRanges(msg: Msg, doc: TextDoc): { range: Range; fullRange: Range } {
  const start = doc.positionAt(msg.s)
  const end = msg.e === null ? start : doc.positionAt(msg.e)
  const fullRange = { start, end }
  // multi-line messages: cut `range` at the start of the next line (no big blocks of squiggles)
  const range = end.line > start.line ? { start, end: { line: start.line + 1, character: 0 } } : fullRange
  return { range, fullRange }
}

function withMessage(msg: Msg, doc: TextDoc, message: unknown): Diagnostic {
  const d: Diagnostic = { ...msgRanges(msg, doc), severity: msg.severity, source: 'Lean 4', message }
  if (msg.leanTags) d.leanTags = msg.leanTags
  if (msg.isSilent) d.isSilent = true
  return d
}

export function toDiagnostic(msg: Msg, doc: TextDoc): Diagnostic {
  return withMessage(msg, doc, msgText(msg))
}

/** The message as TaggedText<MsgEmbed>; without `hasWidgets` every embed is flattened to text. */
export function msgToTagged(msg: Msg, hasWidgets: boolean, mkRef: MkRef): TaggedText {
  const pieces: TaggedText[] = msg.parts.map((p) => {
    if ('text' in p || !hasWidgets) return { text: partText(msg, p) }
    if ('expr' in p) return { tag: [{ expr: codeWithInfos(p.expr, p.lctx, msg.env, msg.m, mkRef) }, { text: '' }] }
    return { tag: [{ goal: interactiveGoal(p.goal, msg.env, msg.m, mkRef) }, { text: '' }] }
  })
  if (pieces.length === 1 && 'text' in pieces[0]!) return pieces[0]!
  return { append: pieces }
}

export function toInteractiveDiagnostic(msg: Msg, doc: TextDoc, hasWidgets: boolean, mkRef: MkRef): Diagnostic {
  return withMessage(msg, doc, msgToTagged(msg, hasWidgets, mkRef))
}
