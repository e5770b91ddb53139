// A parser for `text/event-stream` (the WHATWG "event stream interpretation"), for the command-line client
// and tests that read /api/events over plain HTTP: fields id/event/data/retry, comments, blank-line dispatch.

export interface SseEvent {
  /** The last id seen on the stream so far (as EventSource's lastEventId). */
  id: string
  /** True when this event block itself carried an `id:` line. */
  hasId: boolean
  event: string
  data: string
}

export interface SseParts {
  events: SseEvent[]
  comments: string[]
  retry?: number
}

export class SseParser {
  private buffer = ''
  private lastId = ''
  private hasId = false
  private event = ''
  private data: string[] = []
  private dataSeen = false

  /** Feeds a chunk of text; returns the events and comments completed by it. */
  push(chunk: string): SseParts {
    const out: SseParts = { events: [], comments: [] }
    this.buffer += chunk
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer)
      // A lone \r at the end may be the first half of \r\n: wait for more.
      if (!m || (m[0] === '\r' && m.index === this.buffer.length - 1)) break
      const line = this.buffer.slice(0, m.index)
      this.buffer = this.buffer.slice(m.index + m[0].length)
      this.line(line, out)
    }
    return out
  }

  private line(line: string, out: SseParts): void {
    if (line === '') {
      if (this.dataSeen) out.events.push({ id: this.lastId, hasId: this.hasId, event: this.event || 'message', data: this.data.join('\n') })
      this.event = ''
      this.data = []
      this.dataSeen = false
      this.hasId = false
      return
    }
    if (line.startsWith(':')) {
      out.comments.push(line.slice(1).trimStart())
      return
    }
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') this.event = value
    else if (field === 'data') {
      this.data.push(value)
      this.dataSeen = true
    } else if (field === 'id' && !value.includes('\0')) {
      this.lastId = value
      this.hasId = true
    } else if (field === 'retry' && /^\d+$/.test(value)) out.retry = Number(value)
  }
}
