// Types for launcher.mjs (used by test/launcher.test.ts).
import type { ChildProcess, spawn as nodeSpawn } from 'node:child_process'

export type FoundBinary = { path: string; why?: undefined; download?: undefined } | { path?: undefined; why: string; download: boolean }
export type LaunchPlan = { mode: 'electron'; path: string } | { mode: 'serve'; why: string }
type Spawn = (command: string, args: string[], options: Record<string, unknown>) => ChildProcess
interface Writable {
  write(chunk: unknown): unknown
}
interface SignalSource {
  on(signal: string, handler: () => void): unknown
  off(signal: string, handler: () => void): unknown
}

export const HINT: string
export function platformExecutable(platform: string): string
export function findElectronBinary(options: {
  root: string
  env?: NodeJS.ProcessEnv
  platform?: string
  exists?: (path: string) => boolean
  readText?: (path: string) => string
}): FoundBinary
export function firstErrorLine(text: string): string
export function downloadElectron(options: { root: string; spawn?: Spawn | typeof nodeSpawn; execPath?: string; env?: NodeJS.ProcessEnv; stderr?: Writable }): Promise<{ ok: true } | { ok: false; error: string }>
export function missingDisplay(env: NodeJS.ProcessEnv, platform: string): string | undefined
export function planLaunch(options: {
  root: string
  forceServe?: boolean
  env?: NodeJS.ProcessEnv
  platform?: string
  find?: typeof findElectronBinary
  download?: (options: { root: string; env: NodeJS.ProcessEnv }) => Promise<{ ok: true } | { ok: false; error: string }>
  log?: (line: string) => void
}): Promise<LaunchPlan>
export function appEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv
export function describeExit(options: { code: number | null; signal: string | null; stderrText: string; forwarded: Set<string> }): string | undefined
export function runApp(options: {
  mode: 'electron' | 'serve'
  command: string
  args: string[]
  env?: NodeJS.ProcessEnv
  platform?: string
  spawn?: Spawn | typeof nodeSpawn
  signals?: SignalSource
  stderr?: Writable
}): Promise<number>
export function buildIsStale(root: string): boolean
export function buildCommand(root: string, execPath?: string): { command: string; args: string[] }
