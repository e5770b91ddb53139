// One document's unicode input: @leanprover/unicode-input's AbbreviationRewriter driven by an editor host that
// speaks UTF-16 offsets. Pure (no Monaco): the Monaco host lives in input.ts, and node:test drives this with a
// string-buffer host that behaves like Monaco (auto-closing brackets included).
//
// Timing: content changes are fed to the rewriter synchronously, in order, so the tracked abbreviations' offsets
// always match the text; every edit the rewriter makes runs afterwards, in a microtask queue, so it never edits the
// model from inside Monaco's own change event (the typing command has finished by then).
//
// Auto-closing: Monaco turns `\[` into `\[]` (an abbreviation; the table is written for this). Typing a character
// between those brackets that continues no abbreviation (`\[` then `x`) would leave the rewriter with the
// abbreviation `[x]`, which converts to garbage (`[]x]`). Here the abbreviation is instead finished as the user
// sees it: its leader is removed and the text stays `[x]`, with Monaco's auto-closed `]` intact.
import {
  AbbreviationProvider,
  AbbreviationRewriter,
  Range,
  type AbbreviationConfig,
  type AbbreviationTextSource,
  type Change,
  type TrackedAbbreviation,
} from '@leanprover/unicode-input'

export interface OffsetRange {
  offset: number
  length: number
}

export interface OffsetEdit extends OffsetRange {
  text: string
}

export interface ContentChange {
  rangeOffset: number
  rangeLength: number
  text: string
}

export interface AbbreviationHost {
  textAt(offset: number, length: number): string
  /** All edits as one undo step of their own (undo restores the abbreviation text); false if impossible. */
  applyEdits(edits: OffsetEdit[]): boolean
  selections(): OffsetRange[]
  setSelections(selections: OffsetRange[]): void
}

const CURSOR = '$CURSOR'

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff
}

/** The smallest edit turning `oldText` (at `offset`) into `newText`; never splits a surrogate pair. */
export function minimalEdit(offset: number, oldText: string, newText: string): OffsetEdit {
  let prefix = 0
  const max = Math.min(oldText.length, newText.length)
  while (prefix < max && oldText[prefix] === newText[prefix]) prefix++
  while (prefix > 0 && isSurrogate(oldText.charCodeAt(prefix - 1))) prefix--
  let suffix = 0
  while (
    suffix < max - prefix &&
    oldText[oldText.length - 1 - suffix] === newText[newText.length - 1 - suffix]
  ) {
    suffix++
  }
  while (suffix > 0 && isSurrogate(oldText.charCodeAt(oldText.length - suffix))) suffix--
  return {
    offset: offset + prefix,
    length: oldText.length - prefix - suffix,
    text: newText.slice(prefix, newText.length - suffix),
  }
}

export class AbbreviationSession {
  readonly provider: AbbreviationProvider
  private readonly rewriter: AbbreviationRewriter
  private queue: Promise<void> = Promise.resolve()
  private ownEdit = false
  private disposed = false
  /** Leaders of bracket abbreviations finished by typing inside them, waiting to be removed. */
  private pendingLeaders: number[] = []
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly host: AbbreviationHost,
    readonly config: AbbreviationConfig,
    provider?: AbbreviationProvider,
  ) {
    this.provider = provider ?? new AbbreviationProvider(config)
    const source: AbbreviationTextSource = {
      replaceAbbreviations: async (changes: Change[]) =>
        this.applyOwn(
          changes.map((c) =>
            minimalEdit(c.range.offset, this.host.textAt(c.range.offset, c.range.length), c.newText),
          ),
        ),
      // The rewriter places every cursor itself (Monaco does not move a cursor out of a replaced range).
      selectionMoveMode: () => ({ kind: 'MoveAllSelections' }),
      collectSelections: () => this.host.selections().map((s) => new Range(s.offset, s.length)),
      setSelections: (ranges) => this.host.setSelections(ranges.map((r) => ({ offset: r.offset, length: r.length }))),
    }
    this.rewriter = new AbbreviationRewriter(config, this.provider, source)
  }

  /** The rewriter's own set (0.1.9 returns it, not a copy); used to finish bracket abbreviations. */
  private get tracked(): Set<TrackedAbbreviation> {
    return this.rewriter.getTrackedAbbreviations()
  }

  /** Ranges to underline: each tracked abbreviation including its leader. */
  trackedRanges(): OffsetRange[] {
    return [...this.tracked].map((a) => ({ offset: a.range.offset, length: a.range.length }))
  }

  get isActive(): boolean {
    return this.tracked.size > 0
  }

  onDidChangeState(listener: () => void): { dispose(): void } {
    this.listeners.add(listener)
    return { dispose: () => this.listeners.delete(listener) }
  }

  /**
   * Every content change of the document, synchronously and in order (one Monaco event's changes together).
   * `allowNewAbbreviations` is false for pastes, undo/redo and edits not typed in this editor: those never start
   * an abbreviation (pasted `\alpha` stays as it is).
   */
  contentChanged(changes: readonly ContentChange[], allowNewAbbreviations: boolean): void {
    if (!this.ownEdit) this.finishBracketAbbreviations(changes)
    this.shiftPendingLeaders(changes)
    const before = new Set(this.tracked)
    this.rewriter.changeInput(changes.map((c) => ({ range: new Range(c.rangeOffset, c.rangeLength), newText: c.text })))
    if (this.ownEdit) return
    if (!allowNewAbbreviations) {
      for (const a of [...this.tracked]) if (!before.has(a)) this.tracked.delete(a)
    }
    if (this.pendingLeaders.length > 0) this.enqueue(() => this.removePendingLeaders())
    this.enqueue(() => this.rewriter.triggerAbbreviationReplacement())
    this.notify()
  }

  /** The cursor moved: abbreviations it left are replaced. */
  selectionsChanged(): void {
    if (this.ownEdit || this.tracked.size === 0) return
    this.enqueue(() => this.rewriter.changeSelections(this.host.selections().map((s) => new Range(s.offset, s.length))))
  }

  /** Tab: convert every tracked abbreviation now. */
  convertAll(): Promise<void> {
    return this.enqueue(() => this.rewriter.replaceAllTrackedAbbreviations())
  }

  /** The text was replaced wholesale (setValue, reload): offsets are meaningless now. */
  reset(): void {
    this.rewriter.resetTrackedAbbreviations()
    this.pendingLeaders = []
    this.notify()
  }

  /** Resolves when every queued replacement has run. */
  idle(): Promise<void> {
    return this.queue
  }

  dispose(): void {
    this.disposed = true
    this.listeners.clear()
  }

  private enqueue(op: () => Promise<void> | void): Promise<void> {
    this.queue = this.queue
      .then(() => (this.disposed ? undefined : op()))
      .catch((err: unknown) => console.warn('Unicode input:', err))
      .then(() => this.notify())
    return this.queue
  }

  private notify(): void {
    for (const l of [...this.listeners]) l()
  }

  private applyOwn(edits: OffsetEdit[]): boolean {
    const effective = edits.filter((e) => e.length > 0 || e.text !== '')
    if (effective.length === 0) return true
    this.ownEdit = true
    try {
      return this.host.applyEdits(effective)
    } finally {
      this.ownEdit = false
    }
  }

  /** Typing inside `\[]` / `\()` / `\{}` something that continues no abbreviation finishes it (see the top). */
  private finishBracketAbbreviations(changes: readonly ContentChange[]): void {
    for (const c of changes) {
      for (const abbr of [...this.tracked]) {
        const ar = abbr.abbreviationRange
        const start = c.rangeOffset - ar.offset
        const end = start + c.rangeLength
        // Strictly inside (an insertion at the very end is the rewriter's normal "typing on" case).
        if (start < 0 || start >= ar.length || end > ar.length) continue
        const text = abbr.abbreviation
        const continued = text.slice(0, start) + c.text + text.slice(end)
        if (this.provider.findSymbolsByAbbreviationPrefix(continued).length > 0) continue
        const symbol = this.provider.getSymbolForAbbreviation(text)
        if (!symbol || symbol.indexOf(CURSOR) !== start || symbol.replace(CURSOR, '') !== text) continue
        this.tracked.delete(abbr)
        this.pendingLeaders.push(abbr.range.offset)
      }
    }
  }

  /** Moves pending leader offsets over one event's changes (all relative to the text before the event). */
  private shiftPendingLeaders(changes: readonly ContentChange[]): void {
    if (this.pendingLeaders.length === 0) return
    const shifted: number[] = []
    for (const leader of this.pendingLeaders) {
      let delta = 0
      let lost = false
      for (const c of changes) {
        if (c.rangeOffset + c.rangeLength <= leader) delta += c.text.length - c.rangeLength
        else if (c.rangeOffset <= leader) lost = true
      }
      if (!lost) shifted.push(leader + delta)
    }
    this.pendingLeaders = shifted
  }

  private removePendingLeaders(): void {
    const leader = this.config.abbreviationCharacter
    const leaders = this.pendingLeaders
      .filter((o) => this.host.textAt(o, leader.length) === leader)
      .sort((a, b) => a - b)
    this.pendingLeaders = []
    if (leaders.length === 0) return
    const selections = this.host.selections()
    if (!this.applyOwn(leaders.map((offset) => ({ offset, length: leader.length, text: '' })))) return
    this.host.setSelections(
      selections.map((s) => {
        const before = (o: number): number => leaders.filter((l) => l < o).length * leader.length
        return { offset: s.offset - before(s.offset), length: s.length }
      }),
    )
  }
}
