// `npm run watch-events -- --url http://127.0.0.1:PORT --token TOKEN --channel diagnostics [--uri U]
//   [--project P] [--root R] [--ws] [--json]`: prints Lectern's channel events live, one per line, over
// /api/events (default; resumes with Last-Event-ID) or /ws (re-subscribes), reconnecting with capped
// exponential backoff until interrupted. A refusal (401, 400) is printed and ends the program.
import { get as httpGet } from 'node:http'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { SseParser } from './sse-parser'

export interface WatchArgs {
  url: URL
  token: string
  channels: string[]
  filter: Record<string, string>
  ws: boolean
  json: boolean
}

const USAGE = 'Usage: npm run watch-events -- --url http://127.0.0.1:PORT --token TOKEN [--channel NAME]… [--uri U] [--project P] [--root R] [--ws] [--json]'

export function parseWatchArgs(argv: string[]): WatchArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        channel: { type: 'string', multiple: true },
        uri: { type: 'string' },
        project: { type: 'string' },
        root: { type: 'string' },
        method: { type: 'string' },
        ws: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }))
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${USAGE}`)
  }
  if (!values.url) throw new Error(`--url is required\n${USAGE}`)
  // The page URL printed at start carries the token; accept it as is.
  const parsed = new URL(values.url)
  const token = values.token ?? parsed.searchParams.get('token') ?? process.env.LECTERN_TOKEN
  if (!token) throw new Error(`--token is required (or a --url with ?token=)\n${USAGE}`)
  const filter: Record<string, string> = {}
  for (const key of ['uri', 'project', 'root', 'method'] as const) if (values[key] !== undefined) filter[key] = values[key]
  return {
    url: new URL(parsed.origin),
    token,
    channels: (values.channel ?? []).flatMap((c) => c.split(',')),
    filter,
    ws: !!values.ws,
    json: !!values.json,
  }
}

type Print = (line: string) => void

function printer(args: WatchArgs, print: Print) {
  return (id: string | undefined, channel: string, data: string) => {
    if (args.json) print(JSON.stringify({ id, channel, data: JSON.parse(data) }))
    else print(`${new Date().toISOString().slice(11, 23)} ${channel}${id ? ` #${id}` : ''} ${data}`)
  }
}

class Fatal extends Error {}

/** Runs until `signal` aborts or the bridge refuses; resolves with the exit code. */
export async function watchEvents(args: WatchArgs, print: Print, log: Print, signal: AbortSignal): Promise<number> {
  const show = printer(args, print)
  let lastEventId: string | undefined
  let attempts = 0
  while (!signal.aborted) {
    const started = Date.now()
    try {
      if (args.ws) await watchWs(args, show, signal)
      else await watchSse(args, show, signal, lastEventId, (id) => (lastEventId = id))
      if (signal.aborted) break
      log('connection closed')
    } catch (err) {
      if (err instanceof Fatal) {
        log(err.message)
        return 1
      }
      log(`connection failed: ${(err as Error).message}`)
    }
    if (Date.now() - started > 10_000) attempts = 0
    const delay = Math.min(10_000, 250 * 2 ** attempts++) * (0.75 + Math.random() / 2)
    log(`reconnecting in ${Math.round(delay)} ms${args.ws || !lastEventId ? '' : ` (from ${lastEventId})`}`)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay)
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
    })
  }
  return 0
}

function watchSse(args: WatchArgs, show: ReturnType<typeof printer>, signal: AbortSignal, lastEventId: string | undefined, onId: (id: string) => void): Promise<void> {
  const url = new URL('/api/events', args.url)
  for (const c of args.channels) url.searchParams.append('channel', c)
  for (const [k, v] of Object.entries(args.filter)) url.searchParams.set(k, v)
  const headers: Record<string, string> = { Authorization: `Bearer ${args.token}`, Accept: 'text/event-stream' }
  if (lastEventId) headers['Last-Event-ID'] = lastEventId
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { headers, signal }, (res) => {
      res.setEncoding('utf8')
      if (res.statusCode !== 200) {
        let body = ''
        res.on('data', (d: string) => (body += d))
        res.on('end', () => reject(new Fatal(`HTTP ${res.statusCode}: ${body.trim()}`)))
        return
      }
      const parser = new SseParser()
      res.on('data', (chunk: string) => {
        for (const ev of parser.push(chunk).events) {
          if (ev.hasId) onId(ev.id)
          show(ev.hasId ? ev.id : undefined, ev.event, ev.data)
        }
      })
      res.on('end', () => resolve())
      res.on('error', reject)
    })
    req.on('error', (err) => (signal.aborted ? resolve() : reject(err)))
  })
}

function watchWs(args: WatchArgs, show: ReturnType<typeof printer>, signal: AbortSignal): Promise<void> {
  const url = new URL('/ws', args.url)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${args.token}` } })
    const abort = () => socket.close(1000, 'interrupted')
    signal.addEventListener('abort', abort, { once: true })
    socket.on('unexpected-response', (_req, res) => reject(new Fatal(`HTTP ${res.statusCode} from ${url.pathname}`)))
    socket.on('open', () => {
      const channels = args.channels.length ? args.channels : ['diagnostics', 'progress', 'files', 'server']
      channels.forEach((channel, i) => socket.send(JSON.stringify({ jsonrpc: '2.0', id: i + 1, method: 'channel.subscribe', params: { channel, filter: args.filter } })))
    })
    socket.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { method?: string; params?: { channel: string; payload: unknown }; error?: { message: string } }
      if (msg.error) reject(new Fatal(`Refused: ${msg.error.message}`))
      else if (msg.method === 'channel.event' && msg.params) show(undefined, msg.params.channel, JSON.stringify(msg.params.payload))
    })
    socket.on('error', (err) => reject(err))
    socket.on('close', () => {
      signal.removeEventListener('abort', abort)
      resolve()
    })
  })
}

if (require.main === module) {
  let args: WatchArgs
  try {
    args = parseWatchArgs(process.argv.slice(2))
  } catch (err) {
    console.error((err as Error).message)
    process.exit(2)
  }
  const controller = new AbortController()
  process.on('SIGINT', () => controller.abort())
  process.on('SIGTERM', () => controller.abort())
  void watchEvents(args, (l) => console.log(l), (l) => console.error(`watch-events: ${l}`), controller.signal).then((code) => process.exit(code))
}
