// Per-launch secrets. The API token guards every HTTP request and WebSocket upgrade; the frame token only
// opens the static infoview files, so the sandboxed frame (which runs server-supplied widget code) never
// holds anything that reaches the API.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_COOKIE = 'lectern_token'

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

export function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The token a request presents: `?token=`, `Authorization: Bearer`, or the cookie set on first load. */
export function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const q = url.searchParams.get('token')
  if (q) return q
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim()
  const cookie = req.headers.cookie
  if (!cookie) return undefined
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === TOKEN_COOKIE) return decodeURIComponent(v.join('='))
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
