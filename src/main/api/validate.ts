// Small runtime checks for API params: the renderer is trusted less than the core, and /ws is reachable by
// any local program holding the token. A bad param is a clear -32602, never a crash.
import type { EditorGroupSession } from '../../shared/api'
import { ApiError } from '../util/errors'

export const INVALID_PARAMS = -32602

export function obj(params: unknown): Record<string, unknown> {
  if (params === undefined || params === null) return {}
  if (typeof params !== 'object' || Array.isArray(params)) throw new ApiError(INVALID_PARAMS, 'params must be an object')
  return params as Record<string, unknown>
}

export function str(p: Record<string, unknown>, key: string): string {
  const v = p[key]
  if (typeof v !== 'string' || v.length === 0) throw new ApiError(INVALID_PARAMS, `'${key}' must be a non-empty string`)
  return v
}

export function optStr(p: Record<string, unknown>, key: string): string | undefined {
  const v = p[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw new ApiError(INVALID_PARAMS, `'${key}' must be a string`)
  return v
}

export function optBool(p: Record<string, unknown>, key: string): boolean | undefined {
  const v = p[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'boolean') throw new ApiError(INVALID_PARAMS, `'${key}' must be a boolean`)
  return v
}

export function oneOf<T extends string>(p: Record<string, unknown>, key: string, values: readonly T[]): T | undefined {
  const v = p[key]
  if (v === undefined || v === null) return undefined
  if (!values.includes(v as T)) throw new ApiError(INVALID_PARAMS, `'${key}' must be one of ${values.join(', ')}`)
  return v as T
}

export function strArray(p: Record<string, unknown>, key: string): string[] {
  const v = p[key]
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ApiError(INVALID_PARAMS, `'${key}' must be an array of strings`)
  return v as string[]
}

/** An optional list of editor groups, each `{ openFiles: string[], active?: string }`. */
export function editorGroups(p: Record<string, unknown>, key: string): EditorGroupSession[] | undefined {
  const v = p[key]
  if (v === undefined || v === null) return undefined
  if (!Array.isArray(v)) throw new ApiError(INVALID_PARAMS, `'${key}' must be an array of editor groups`)
  return v.map((g, i) => {
    if (!g || typeof g !== 'object' || Array.isArray(g)) throw new ApiError(INVALID_PARAMS, `'${key}[${i}]' must be an object`)
    const group = g as Record<string, unknown>
    const openFiles = strArray(group, 'openFiles')
    const active = optStr(group, 'active')
    return { openFiles, ...(active ? { active } : {}) }
  })
}
