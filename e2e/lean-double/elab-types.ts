// Data produced by the elaborator and consumed by requests, diagnostics and RPC.
import type { Env, Expr, LCtx, MCtx } from './expr'
import type { Range } from './text'

export interface Goal {
  mvarId: string
  tag?: string
  lctx: LCtx
  target: Expr
}

export type MsgPart = { text: string } | { expr: Expr; lctx: LCtx } | { goal: Goal }

export interface Msg {
  s: number
  /** null: the message has no end position (parse errors). */
  e: number | null
  severity: 1 | 2 | 3
  parts: MsgPart[]
  leanTags?: number[]
  isSilent?: boolean
  env: Env
  m: MCtx
}

/** What the elaborator knows about one piece of syntax (Lean's TermInfo). */
export interface TermInfo {
  s: number
  e: number
  expr: Expr
  type: Expr
  expected?: Expr
  lctx: LCtx
  env: Env
  m: MCtx
  isBinder?: boolean
  /** Identifier occurrences: the constant or local they refer to. */
  constName?: string
  fvarId?: string
}

export interface TacticInfo {
  s: number
  e: number
  /** Start of the next token: the cursor in trailing whitespace still belongs to this tactic. */
  trailEnd: number
  before: Goal[]
  after: Goal[]
  nested: boolean
  env: Env
  m: MCtx
  /** Tactic keyword for hover. */
  name?: string
  kwE?: number
}

export interface SimpSuggestion {
  s: number
  e: number
  replacement: string
}

export interface DeclSym {
  name: string
  kw: string
  s: number
  e: number
  nameS: number
  nameE: number
}

export interface CmdResult {
  s: number
  e: number
  /** Start of the next command (or EOF): the extent of this command's snapshot. */
  next: number
  msgs: Msg[]
  terms: TermInfo[]
  tactics: TacticInfo[]
  simp: SimpSuggestion[]
  decl?: DeclSym
  /** `namespace X` / `section` / `end`: the document outline nests declarations in them, as Lean's does. */
  scope?: { kind: 'namespace' | 'section' | 'end'; name?: string }
}

export interface ImportInfo {
  module: string
  s: number
  e: number
  uri?: string
}

export interface ConstLoc {
  uri: string
  range: Range
  selRange: Range
}

export class ElabErr extends Error {
  constructor(
    public s: number,
    public e: number | null,
    public parts: MsgPart[],
  ) {
    super(parts.map((p) => ('text' in p ? p.text : '…')).join(''))
  }
}

export const txt = (text: string): MsgPart => ({ text })
