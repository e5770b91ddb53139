// Per-launch secrets. The API token guards every HTTP request and WebSocket upgrade; the frame token only
// opens the static infoview files, so the sandboxed frame (which runs server-supplied widget code) never
// holds anything that reaches the API. Everything here parses what a client sent, so nothing here throws.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** Browsers do not separate cookies by port, so each bridge names its cookie after its own port. */
export function tokenCookieName(port: number): string {
  return `lectern_token_${port}`
}

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

export function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The request target as a URL, or undefined when it is not an origin-form path (`//`, `*`, absolute URLs). */
export function requestUrl(req: IncomingMessage): URL | undefined {
  const target = req.url ?? '/'
  if (!target.startsWith('/')) return undefined
  try {
    // Prefixing instead of resolving against a base keeps `//x` a path rather than a host.
    return new URL(`http://127.0.0.1${target}`)
  } catch {
    return undefined
  }
}

/** DNS rebinding: a page on another name resolving to 127.0.0.1 sends its own name as Host. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** The token a request presents: `?token=`, `Authorization: Bearer`, or this port's cookie. */
export function presentedToken(req: IncomingMessage, url: URL, port: number): string | undefined {
  const q = url.searchParams.get('token')
  if (q) return q
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim()
  return cookieValue(req.headers.cookie, tokenCookieName(port))
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue
    try {
      return decodeURIComponent(part.slice(eq + 1).trim())
    } catch {
      return undefined // `%E0` and friends: not our cookie
    }
  }
  return undefined
}

export interface OriginPolicy {
  /** Exact origins allowed to open WebSockets, e.g. http://127.0.0.1:4567 and app://lectern. */
  allowed: Set<string>
}

/** Browsers always send Origin on WebSocket upgrades; a program without one already proved the token. */
export function originAllowed(policy: OriginPolicy, origin: string | undefined): boolean {
  return origin === undefined || policy.allowed.has(origin)
}

/**
 * One-time codes for the URL handed to a browser: the code is exchanged once for the cookie, so the address
 * bar, history and any screen share never show the token itself. Codes expire unused after `ttlMs`.
 */
export class OneTimeCodes {
  private readonly codes = new Map<string, number>()

  constructor(private readonly ttlMs = 5 * 60_000) {}

  issue(): string {
    const code = newToken()
    this.codes.set(code, Date.now() + this.ttlMs)
    return code
  }

  redeem(code: string | null): boolean {
    if (!code) return false
    const expires = this.codes.get(code)
    this.codes.delete(code)
    return expires !== undefined && expires >= Date.now()
  }
}
