// A plain node:http reader of /api/events for tests (no EventSource polyfill): raw text, parsed events and
// comments, and waits on positive signals.
import { get, type IncomingMessage } from 'node:http'
import { type SseEvent, SseParser } from '../../src/main/cli/sse-parser'
import { waitFor } from './core-harness'

export interface SseReader {
  status: number
  headers: IncomingMessage['headers']
  body: string
  events: SseEvent[]
  comments: string[]
  retry?: number
  ended: boolean
  res: IncomingMessage
  /** Waits until `pred` holds for the events so far. */
  until(pred: (events: SseEvent[]) => boolean, what: string): Promise<SseEvent[]>
  close(): void
}

export function openSse(url: string, headers: Record<string, string> = {}, opts: { paused?: boolean } = {}): Promise<SseReader> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers }, (res) => {
      const parser = new SseParser()
      const reader: SseReader = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: '',
        events: [],
        comments: [],
        ended: false,
        res,
        until: (pred, what) => waitFor(() => (pred(reader.events) ? reader.events : undefined), what),
        close: () => req.destroy(),
      }
      res.setEncoding('utf8')
      const onData = (chunk: string) => {
        reader.body += chunk
        const parts = parser.push(chunk)
        reader.events.push(...parts.events)
        reader.comments.push(...parts.comments)
        if (parts.retry !== undefined) reader.retry = parts.retry
      }
      res.on('data', onData)
      if (opts.paused) res.pause()
      res.on('end', () => (reader.ended = true))
      res.on('error', () => undefined)
      resolve(reader)
    })
    req.on('error', reject)
  })
}
