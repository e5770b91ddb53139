// The text of one open document, kept as chunks of whole lines (about 1 KiB each) with the prefix sums of their
// lengths and line-break counts in Fenwick trees. An edit rebuilds only the chunk(s) it touches and updates the
// sums in O(log chunks), so a keystroke costs the same in a 20,000-line file as in a one-line file; the whole
// string is joined only when someone reads it (saves, backups, reopening a server), not per keystroke.
// Line breaks as LSP defines them: \n, \r\n and lone \r. Positions are UTF-16 code units.
import type { Position, TextChange } from '../../shared/lsp'

/** A chunk longer than this is split at line starts into pieces of about TARGET_CHARS. */
const SPLIT_ABOVE_CHARS = 2048
const TARGET_CHARS = 1024
/** An edited chunk shorter than this is merged with its neighbour, so chunks do not fragment. */
const MERGE_BELOW_CHARS = 256

const LF = 10
const CR = 13

interface Chunk {
  readonly text: string
  /** Offsets (in the chunk) just after each line break. Every chunk but the last ends with a line break. */
  readonly breakEnds: readonly number[]
}

function chunk(text: string): Chunk {
  const breakEnds: number[] = []
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (ch === CR) {
      if (text.charCodeAt(i + 1) === LF) i++
      breakEnds.push(i + 1)
    } else if (ch === LF) breakEnds.push(i + 1)
  }
  return { text, breakEnds }
}

/** Splits text that starts at a line start into chunks that each end just after a line break (but the last). */
function split(text: string): Chunk[] {
  const out: Chunk[] = []
  let from = 0
  while (text.length - from > SPLIT_ABOVE_CHARS) {
    let cut = -1
    for (let i = from + TARGET_CHARS - 1; i < text.length; i++) {
      const ch = text.charCodeAt(i)
      if (ch === LF || (ch === CR && text.charCodeAt(i + 1) !== LF)) {
        cut = i + 1
        break
      }
    }
    if (cut < 0 || cut === text.length) break // one long line: it stays a single chunk
    out.push(chunk(text.slice(from, cut)))
    from = cut
  }
  out.push(chunk(from === 0 ? text : text.slice(from)))
  return out
}

/** Prefix sums over non-negative values with point updates and "how many leading values fit in x" search. */
class Fenwick {
  private tree: number[] = [0]
  private top = 0

  rebuild(values: readonly number[]): void {
    const tree = [0, ...values]
    for (let i = 1; i < tree.length; i++) {
      const parent = i + (i & -i)
      if (parent < tree.length) tree[parent] += tree[i]
    }
    this.tree = tree
    this.top = 1
    while (this.top * 2 < tree.length) this.top *= 2
  }

  add(index: number, delta: number): void {
    for (let i = index + 1; i < this.tree.length; i += i & -i) this.tree[i] += delta
  }

  /** Sum of the first `count` values. */
  prefix(count: number): number {
    let sum = 0
    for (let i = count; i > 0; i -= i & -i) sum += this.tree[i]
    return sum
  }

  /** The largest `count` with prefix(count) <= x. */
  fit(x: number): number {
    let pos = 0
    for (let step = this.top; step > 0; step >>= 1) {
      if (pos + step < this.tree.length && this.tree[pos + step] <= x) {
        pos += step
        x -= this.tree[pos]
      }
    }
    return pos
  }
}

export class DocumentText {
  private chunks: Chunk[] = []
  private readonly lengths = new Fenwick()
  private readonly breaks = new Fenwick()
  private totalLength = 0
  private totalBreaks = 0
  private joined: string | undefined

  constructor(text: string) {
    this.replaceAll(text)
  }

  get text(): string {
    this.joined ??= this.chunks.length === 1 ? this.chunks[0].text : this.chunks.map((c) => c.text).join('')
    return this.joined
  }

  get length(): number {
    return this.totalLength
  }

  /** Applies changes in order, as LSP specifies for one didChange. */
  apply(changes: readonly TextChange[]): void {
    for (const change of changes) {
      if (!change.range) {
        this.replaceAll(change.text)
        continue
      }
      const a = this.offsetAt(change.range.start)
      const b = this.offsetAt(change.range.end)
      this.replace(Math.min(a, b), Math.max(a, b), change.text)
    }
  }

  /** The offset of an LSP position: lines past the end give the end, characters past a line's end give its end. */
  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0
    if (pos.line > this.totalBreaks) return this.totalLength
    const k = Math.min(this.breaks.fit(pos.line), this.chunks.length - 1)
    const { text, breakEnds } = this.chunks[k]
    const local = pos.line - this.breaks.prefix(k)
    const start = local === 0 ? 0 : breakEnds[local - 1]
    let end = text.length
    if (local < breakEnds.length) {
      end = breakEnds[local] - 1
      if (text.charCodeAt(end) === LF && end > start && text.charCodeAt(end - 1) === CR) end--
    }
    return this.lengths.prefix(k) + Math.min(start + Math.max(0, pos.character), end)
  }

  private chunkAt(offset: number): number {
    return Math.min(this.lengths.fit(offset), this.chunks.length - 1)
  }

  private replace(from: number, to: number, inserted: string): void {
    const chunks = this.chunks
    let lo = this.chunkAt(from)
    let hi = this.chunkAt(to)
    const loBase = this.lengths.prefix(lo)
    const hiBase = lo === hi ? loBase : this.lengths.prefix(hi)
    let piece = chunks[lo].text.slice(0, from - loBase) + inserted + chunks[hi].text.slice(to - hiBase)
    // Keep chunks from fragmenting, and never leave \r and \n of one line break in two chunks. (The piece ends
    // where a chunk ended, just after a line break, or at the end of the text: only its start can join a \r.)
    if (piece.length < MERGE_BELOW_CHARS && hi + 1 < chunks.length) piece += chunks[++hi].text
    if (piece.length < MERGE_BELOW_CHARS && lo > 0) piece = chunks[--lo].text + piece
    if (lo > 0 && piece.charCodeAt(0) === LF && chunks[lo - 1].text.endsWith('\r')) piece = chunks[--lo].text + piece
    this.joined = undefined
    const replacement = piece.length <= SPLIT_ABOVE_CHARS ? [chunk(piece)] : split(piece)
    if (lo === hi && replacement.length === 1) {
      // The usual keystroke: one chunk changes, the sums move by its deltas.
      const [next] = replacement
      this.lengths.add(lo, next.text.length - chunks[lo].text.length)
      this.breaks.add(lo, next.breakEnds.length - chunks[lo].breakEnds.length)
      this.totalLength += next.text.length - chunks[lo].text.length
      this.totalBreaks += next.breakEnds.length - chunks[lo].breakEnds.length
      chunks[lo] = next
      return
    }
    this.chunks = chunks.slice(0, lo).concat(replacement, chunks.slice(hi + 1))
    this.reindex()
  }

  private replaceAll(text: string): void {
    this.chunks = split(text)
    this.joined = text
    this.reindex()
  }

  private reindex(): void {
    this.lengths.rebuild(this.chunks.map((c) => c.text.length))
    this.breaks.rebuild(this.chunks.map((c) => c.breakEnds.length))
    this.totalLength = this.lengths.prefix(this.chunks.length)
    this.totalBreaks = this.breaks.prefix(this.chunks.length)
  }
}
