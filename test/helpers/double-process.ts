// The Lean server double (e2e/lean-double) as a real child process spoken to over LSP, for the double's own
// tests (test/lean-double*.test.ts). Children and their folders are cleaned up after the importing file's tests.
import assert from 'node:assert/strict'
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { after } from 'node:test'
import { pathToFileURL } from 'node:url'
import { type MessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node'

const WRAPPER = path.resolve(__dirname, '../../e2e/lean-double/lean-double')

export interface Note {
  method: string
  params: any
}

export interface Double {
  child: ChildProcessWithoutNullStreams
  conn: MessageConnection
  dir: string
  notes: Note[]
  serverRequests: { method: string; params: unknown }[]
  stderr: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  uri: (name: string) => string
  /** Resolves with the first notification (seen so far or later) that satisfies `pred`. */
  waitNote: (pred: (n: Note) => boolean, ms?: number) => Promise<Note>
  log: () => { dir: 'in' | 'out'; msg: any }[]
  /** The LEAN_DOUBLE_VIOLATIONS file. */
  violations: string
}

const children: ChildProcessWithoutNullStreams[] = []
const dirs: string[] = []

after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

export function startDouble(env: Record<string, string> = {}, opts: { answerRequests?: boolean } = {}): Double {
  const dir = mkdtempSync(path.join(tmpdir(), 'lean-double-test-'))
  dirs.push(dir)
  const logPath = path.join(dir, 'lsp.jsonl')
  const violations = path.join(dir, 'violations.txt')
  const child = spawn(WRAPPER, ['--extra-arg-like-vscode'], {
    cwd: dir,
    env: { ...process.env, LEAN_DOUBLE_LOG: logPath, LEAN_DOUBLE_VIOLATIONS: violations, LEAN_DOUBLE_DELAY_MS: '5', ...env },
  })
  children.push(child)
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close' rather than 'exit': it comes after stderr has been read to the end.
    child.on('close', (code, signal) => resolve({ code, signal })),
  )
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const notes: Note[] = []
  const listeners: (() => void)[] = []
  const serverRequests: { method: string; params: unknown }[] = []
  conn.onNotification((method, params) => {
    notes.push({ method, params })
    listeners.forEach((l) => l())
  })
  if (opts.answerRequests !== false) {
    conn.onRequest((method, params) => {
      serverRequests.push({ method, params })
      return null
    })
  }
  conn.onError(() => {})
  conn.onClose(() => {})
  conn.listen()
  const waitNote = (pred: (n: Note) => boolean, ms = 5000) =>
    new Promise<Note>((resolve, reject) => {
      const check = () => {
        const n = notes.find(pred)
        if (n) {
          clearTimeout(timer)
          resolve(n)
          return true
        }
        return false
      }
      const timer = setTimeout(() => reject(new Error(`notification not seen within ${ms} ms; stderr: ${err}`)), ms)
      if (!check()) listeners.push(() => void check())
    })
  const log = () =>
    readFileSync(logPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  return { child, conn, dir, notes, serverRequests, stderr: () => err, exited, uri: (n) => pathToFileURL(path.join(dir, n)).href, waitNote, log, violations }
}

export async function handshake(d: Double, lean: Record<string, unknown> = {}): Promise<any> {
  const init = await d.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { lean: { rpcWireFormat: 'v0', ...lean } },
    initializationOptions: { hasWidgets: true },
  })
  await d.conn.sendNotification('initialized', {})
  return init
}

export async function open(d: Double, uri: string, text: string, version = 1): Promise<void> {
  await d.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'lean4', version, text } })
}

export const pos = (line: number, character: number) => ({ line, character })

export async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
export const diagsOf = (d: Double, uri: string, version: number) =>
  d.notes.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === version)

export const THEOREM_T = 'theorem t (p q : Prop) (hp : p) : q → p := by\n  intro h\n  exact hp\n'

export async function expectError(p: Promise<unknown>, code: number, message?: string | RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ResponseError, `expected a ResponseError, got ${String(e)}`)
    assert.equal(e.code, code)
    if (typeof message === 'string') assert.equal(e.message, message)
    else if (message) assert.match(e.message, message)
    return true
  })
}
