// Path mapping for a remote Lean server (DESIGN §4): the same project lives under different roots on the two
// machines, so every file URI under one root is rewritten to the other, in every message, both ways —
// documents, locations and location links, diagnostics' related information, workspace edits, RPC payloads.
// URIs are compared by decoded path (Lean escapes differently from Node), never as strings.
import { fileURLToPath } from 'node:url'
import { pathToUri } from '../util/uri'

export class RootMapping {
  constructor(
    readonly localRoot: string,
    readonly remoteRoot: string,
  ) {}

  get identity(): boolean {
    return this.localRoot === this.remoteRoot
  }

  /** A message on its way to the remote server. */
  toRemote<T>(msg: T): T {
    return this.identity ? msg : (mapTree(msg, this.localRoot, this.remoteRoot) as T)
  }

  /** A message from the remote server. */
  toLocal<T>(msg: T): T {
    return this.identity ? msg : (mapTree(msg, this.remoteRoot, this.localRoot) as T)
  }
}

/** A file uri or (for `rootPath`) a plain path under `from`, moved under `to`; undefined when not under it. */
export function mapUri(uri: string, from: string, to: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  let path: string
  try {
    path = fileURLToPath(uri)
  } catch {
    return undefined
  }
  const rest = relativeUnder(path, from)
  return rest === undefined ? undefined : pathToUri(to + rest)
}

function relativeUnder(path: string, root: string): string | undefined {
  const r = root.replace(/\/+$/, '')
  if (path === r) return ''
  return path.startsWith(`${r}/`) ? path.slice(r.length) : undefined
}

/** A copy of `value` with mapped strings; untouched subtrees are shared, not copied. */
function mapTree(value: unknown, from: string, to: string, key?: string): unknown {
  if (typeof value === 'string') {
    if (key === 'rootPath') {
      const rest = relativeUnder(value, from)
      return rest === undefined ? value : to + rest
    }
    return mapUri(value, from, to) ?? value
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined
    value.forEach((v, i) => {
      const m = mapTree(v, from, to)
      if (m !== v) (out ??= [...value])[i] = m
    })
    return out ?? value
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | undefined
    for (const [k, v] of Object.entries(value)) {
      // Document text is the user's, not a reference to a file: never rewritten.
      if (k === 'text' || k === 'newText') continue
      const m = mapTree(v, from, to, k)
      if (m !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = m
    }
    // Workspace edits key their changes by uri.
    if (key === 'changes' && value.constructor === Object) {
      const entries = Object.entries(out ?? value)
      if (entries.some(([k]) => mapUri(k, from, to) !== undefined)) {
        return Object.fromEntries(entries.map(([k, v]) => [mapUri(k, from, to) ?? k, v]))
      }
    }
    return out ?? value
  }
  return value
}
