// GET /api/events: the hub's channels as Server-Sent Events (DESIGN §3, §5). Each event has an `id` (the
// journal's global id, so it increases along every stream), `event` (the channel) and one `data` line of
// JSON. A new stream starts with the current state of its channels; a stream that comes back with
// Last-Event-ID gets the events it missed, or a `reset` event and the current state when the journal no
// longer holds them. Filters mirror /ws subscriptions. A reader that lets more than `maxUnsentBytes` pile
// up is sent a final `disconnect` event and cut off, so nobody is buffered forever.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ChannelFilters, ChannelName } from '../../shared/channels'
import { type Hub, matches } from '../hub/hub'
import type { Disposable } from '../util/disposable'
import { DEFAULT_JOURNAL_LIMITS, EventJournal, type JournalEntry, type JournalLimits, STREAM_CHANNELS } from './event-journal'

export interface EventStreamOptions extends JournalLimits {
  /** How often a `: keep-alive` comment goes out, so proxies and clients see a live connection. */
  keepAliveMs: number
  /** The reconnection delay suggested to EventSource clients. */
  retryMs: number
  /** Bytes written but not yet taken by the reader before the stream is cut off. */
  maxUnsentBytes: number
  /** After the final event, how long a reader that still does not read keeps its socket. */
  closeGraceMs: number
}

export const DEFAULT_EVENT_STREAM_OPTIONS: EventStreamOptions = {
  ...DEFAULT_JOURNAL_LIMITS,
  keepAliveMs: 15_000,
  retryMs: 2_000,
  maxUnsentBytes: 4 * 1024 * 1024,
  closeGraceMs: 30_000,
}

/** Every filter key any channel has; the Record makes the compiler list each one exactly once. */
type FilterKey = { [C in ChannelName]: keyof ChannelFilters[C] & string }[ChannelName]
const FILTER_KEYS = Object.keys({ uri: true, root: true, project: true, method: true, direction: true } satisfies Record<FilterKey, true>)
const OTHER_PARAMS = ['token', 'channel', 'lastEventId']
const MAX_PARAM_LENGTH = 4096

/** A request /api/events refuses (answered 400 with the message). */
export class BadEventRequest extends Error {}

interface StreamRequest {
  channels: ChannelName[]
  filter: Record<string, string>
  lastEventId?: string
}

export function parseEventRequest(req: IncomingMessage, url: URL): StreamRequest {
  for (const [key, value] of url.searchParams) {
    if (!OTHER_PARAMS.includes(key) && !FILTER_KEYS.includes(key)) {
      throw new BadEventRequest(`Unknown parameter '${key.slice(0, 64)}'. Allowed: channel, lastEventId, ${FILTER_KEYS.join(', ')}.`)
    }
    if (value.length > MAX_PARAM_LENGTH) throw new BadEventRequest(`Parameter '${key}' is longer than ${MAX_PARAM_LENGTH} characters.`)
  }
  const channels: ChannelName[] = []
  for (const name of url.searchParams.getAll('channel').flatMap((v) => v.split(','))) {
    const channel = name.trim() as ChannelName
    if (!STREAM_CHANNELS.includes(channel)) {
      throw new BadEventRequest(`Unknown channel '${name.slice(0, 64)}'. /api/events carries: ${STREAM_CHANNELS.join(', ')} (lsp only over /ws).`)
    }
    if (!channels.includes(channel)) channels.push(channel)
  }
  const filter: Record<string, string> = {}
  for (const key of FILTER_KEYS) {
    const values = url.searchParams.getAll(key)
    if (values.length > 1) throw new BadEventRequest(`Parameter '${key}' is given ${values.length} times; give it once.`)
    if (values.length === 1) filter[key] = values[0]
  }
  const header = req.headers['last-event-id']
  const lastEventId = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('lastEventId') ?? undefined
  return { channels: channels.length ? channels : [...STREAM_CHANNELS], filter, lastEventId: lastEventId || undefined }
}

interface Stream {
  id: string
  started: number
  lastActivity: number
  res: ServerResponse
  channels: Set<ChannelName>
  filter: Record<string, string>
  checkPending?: boolean
}

/** Owns every open /api/events response of one bridge, the journal behind them, and the keep-alive timer. */
export class EventStreams implements Disposable {
  readonly options: EventStreamOptions
  private journalInstance: EventJournal | undefined
  private readonly streams = new Set<Stream>()
  private keepAlive: ReturnType<typeof setInterval> | undefined

  constructor(
    private readonly hub: Hub,
    options: Partial<EventStreamOptions> = {},
  ) {
    this.options = { ...DEFAULT_EVENT_STREAM_OPTIONS, ...options }
  }

  /** Created with the first stream: until someone asks for events, nothing is journalled. */
  get journal(): EventJournal {
    if (!this.journalInstance) {
      this.journalInstance = new EventJournal(this.hub, this.options)
      this.journalInstance.onEntry.event((entry) => this.deliver(entry))
      this.keepAlive = setInterval(() => {
        for (const s of this.streams) this.write(s, ': keep-alive\n\n')
      }, this.options.keepAliveMs)
      this.keepAlive.unref()
    }
    return this.journalInstance
  }

  /** Open streams. */
  get count(): number {
    return this.streams.size
  }

  /** Serves one request; throws BadEventRequest (before anything is written) for a request it refuses. */
  open(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const request = parseEventRequest(req, url)
    const journal = this.journal
    let missed: JournalEntry[] | undefined
    let resetReason: string | undefined
    if (request.lastEventId !== undefined) {
      const m = /^([0-9a-f]{8})-(\d{1,15})$/.exec(request.lastEventId)
      if (!m) throw new BadEventRequest(`Last-Event-ID '${request.lastEventId.slice(0, 64)}' is not an id /api/events sent (expected <epoch>-<number>).`)
      if (m[1] !== journal.epoch) resetReason = 'The id is from an earlier Lectern launch.'
      else {
        missed = journal.since(Number(m[2]))
        if (!missed) resetReason = `The events after ${request.lastEventId} are no longer buffered (the journal keeps ${this.options.maxEvents} events).`
      }
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    req.socket.setTimeout(0)
    const now = Date.now()
    const stream: Stream = { id: randomUUID(), started: now, lastActivity: now, res, channels: new Set(request.channels), filter: request.filter }
    this.streams.add(stream)
    res.on('close', () => this.streams.delete(stream))
    let text = `retry: ${this.options.retryMs}\n\n`
    if (missed) {
      for (const entry of missed) if (this.accepts(stream, entry)) text += eventText(journal.idOf(entry.seq), entry.channel, entry.data)
    } else {
      // A fresh stream, or one that cannot resume: the current state, stamped with the journal position it reflects.
      const id = journal.idOf(journal.head)
      if (resetReason) text += eventText(id, 'reset', JSON.stringify({ reason: resetReason }))
      for (const channel of request.channels) {
        for (const payload of this.hub.snapshot(channel, request.filter as never)) text += eventText(id, channel, JSON.stringify(payload))
      }
    }
    this.write(stream, text)
  }

  /** The open streams, for /api/sessions. */
  list(): object[] {
    return [...this.streams].map((s) => ({
      id: s.id,
      kind: 'events',
      channels: [...s.channels],
      filter: s.filter,
      started: s.started,
      lastActivity: s.lastActivity,
      unsentBytes: s.res.writableLength,
    }))
  }

  dispose(): void {
    clearInterval(this.keepAlive)
    for (const s of [...this.streams]) this.finish(s, 'shutdown', 'Lectern is shutting down.')
    this.journalInstance?.dispose()
  }

  private deliver(entry: JournalEntry): void {
    if (this.streams.size === 0) return
    const text = eventText(this.journal.idOf(entry.seq), entry.channel, entry.data)
    for (const s of this.streams) if (this.accepts(s, entry)) this.write(s, text)
  }

  private accepts(stream: Stream, entry: JournalEntry): boolean {
    return stream.channels.has(entry.channel) && matches(entry.channel, stream.filter, entry.payload)
  }

  private write(stream: Stream, text: string): void {
    if (!this.streams.has(stream)) return
    stream.res.write(text)
    stream.lastActivity = Date.now()
    // A burst written in one tick is still queued until the event loop flushes it to the socket, so judge
    // the reader only after that chance: what is still queued then is waiting for the reader.
    if (stream.res.writableLength > this.options.maxUnsentBytes && !stream.checkPending) {
      stream.checkPending = true
      setImmediate(() => {
        stream.checkPending = false
        if (this.streams.has(stream) && stream.res.writableLength > this.options.maxUnsentBytes) {
          this.finish(stream, 'slow-reader', `More than ${this.options.maxUnsentBytes} bytes were waiting for this reader; reconnect with Last-Event-ID to resume.`)
        }
      })
    }
  }

  /** A final `disconnect` event saying why, then the end; a reader that never takes it loses the socket later. */
  private finish(stream: Stream, reason: string, message: string): void {
    this.streams.delete(stream)
    const { res } = stream
    res.end(eventText(undefined, 'disconnect', JSON.stringify({ reason, message })))
    const timer = setTimeout(() => res.destroy(), this.options.closeGraceMs)
    timer.unref()
    res.once('close', () => clearTimeout(timer))
  }
}

function eventText(id: string | undefined, event: string, data: string): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`
}
