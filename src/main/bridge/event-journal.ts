// The bridge's journal of channel events behind /api/events (DESIGN §3): one hub subscription per channel
// for the whole bridge, a global id per event, and a bounded replay buffer, so a stream that reconnects with
// Last-Event-ID gets exactly what it missed whichever filter it uses. Ids are `<epoch>-<seq>`: the epoch is
// random per bridge, so an id from an earlier launch is recognised as foreign instead of being misread.
import { randomBytes } from 'node:crypto'
import { CHANNEL_NAMES, type ChannelName } from '../../shared/channels'
import type { Hub } from '../hub/hub'
import { type Disposable, Emitter } from '../util/disposable'

/**
 * Channels /api/events carries: every channel in src/shared except `lsp`, which is raw per-session infoview
 * traffic (subscribing to all of it would make the core forward every Lean notification).
 */
export const STREAM_CHANNELS: readonly ChannelName[] = CHANNEL_NAMES.filter((c) => c !== 'lsp')

export interface JournalEntry {
  seq: number
  channel: ChannelName
  payload: unknown
  /** The payload as JSON, encoded once for every stream. */
  data: string
}

export interface JournalLimits {
  /** Most events kept for resume. */
  maxEvents: number
  /** Most bytes of event data kept for resume (diagnostics can be large). */
  maxBytes: number
}

export const DEFAULT_JOURNAL_LIMITS: JournalLimits = { maxEvents: 2048, maxBytes: 8 * 1024 * 1024 }

export class EventJournal {
  readonly epoch = randomBytes(4).toString('hex')
  readonly onEntry = new Emitter<JournalEntry>()
  private seq = 0
  private entries: JournalEntry[] = []
  private start = 0
  private bytes = 0
  private readonly subscriptions: Disposable[] = []

  constructor(
    private readonly hub: Hub,
    private readonly limits: JournalLimits = DEFAULT_JOURNAL_LIMITS,
  ) {
    for (const channel of STREAM_CHANNELS) {
      // Subscribing replays the current state; that is a snapshot, not news, so it is not journalled.
      let priming = true
      this.subscriptions.push(hub.subscribe(channel, {} as never, (payload) => priming || this.append(channel, payload)))
      priming = false
    }
  }

  /** The seq of the newest event (0 before any). */
  get head(): number {
    return this.seq
  }

  idOf(seq: number): string {
    return `${this.epoch}-${seq}`
  }

  /**
   * The events after `seq`, or undefined when the buffer no longer holds all of them (or `seq` was never
   * issued), so the caller must reset the client instead.
   */
  since(seq: number): JournalEntry[] | undefined {
    if (seq > this.seq) return undefined
    const oldest = this.entries[this.start]?.seq ?? this.seq + 1
    if (seq < oldest - 1) return undefined
    const out: JournalEntry[] = []
    for (let i = this.entries.length - 1; i >= this.start && this.entries[i].seq > seq; i--) out.push(this.entries[i])
    return out.reverse()
  }

  /** How many events the buffer holds now. */
  get size(): number {
    return this.entries.length - this.start
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose()
  }

  private append(channel: ChannelName, payload: unknown): void {
    const entry: JournalEntry = { seq: ++this.seq, channel, payload, data: JSON.stringify(payload) }
    this.entries.push(entry)
    this.bytes += entry.data.length
    // Keep at least the newest entry, however large.
    while (this.size > 1 && (this.size > this.limits.maxEvents || this.bytes > this.limits.maxBytes)) {
      this.bytes -= this.entries[this.start].data.length
      this.start++
    }
    if (this.start > 1024 && this.start * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.start)
      this.start = 0
    }
    this.onEntry.fire(entry)
  }
}
