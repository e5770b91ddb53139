// Window size, position, maximized/fullscreen and the sidebar/infoview widths, remembered per workspace folder
// in <userData>/window-state.json. `placeOnScreen` moves a window whose monitor is gone back onto one.
import { promises as fs, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { writeAtomic } from '../workspace/files'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds?: Rect
  maximized?: boolean
  fullScreen?: boolean
  sidebarWidth?: number
  infoviewWidth?: number
}

export const DEFAULT_SIZE = { width: 1400, height: 900 }
const MIN_SIZE = { width: 400, height: 300 }
/** How much of the title bar must be on a display to grab it with the mouse. */
const GRAB = { width: 100, height: 30 }
const MAX_ENTRIES = 50

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  }
}

/**
 * Where to put a window with the remembered bounds on today's displays (their work areas, primary first).
 * Kept as is when its title bar can be grabbed on some display; otherwise centred on the primary display.
 * Never larger than the display it ends up on.
 */
export function placeOnScreen(saved: Rect | undefined, workAreas: readonly Rect[]): Rect | undefined {
  const primary = workAreas[0]
  if (!primary) return saved
  if (!saved) return undefined
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: GRAB.height }
  const home = workAreas.find((area) => {
    const o = overlap(titleBar, area)
    return o.width >= Math.min(GRAB.width, saved.width) && o.height >= Math.min(GRAB.height, saved.height)
  })
  const area = home ?? primary
  const width = Math.max(MIN_SIZE.width, Math.min(saved.width, area.width))
  const height = Math.max(MIN_SIZE.height, Math.min(saved.height, area.height))
  if (home) {
    // Still reachable: keep the place, but pull the window inside if it grew past the display's edge.
    const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width)
    const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height)
    return { x, y, width, height }
  }
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height }
}

function validState(raw: unknown): WindowState | undefined {
  if (!raw || typeof raw !== 'object') return undefined
  const r = raw as Record<string, unknown>
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
  const b = r.bounds as Record<string, unknown> | undefined
  const bounds = b && [b.x, b.y, b.width, b.height].every((v) => num(v) !== undefined) ? { x: b.x, y: b.y, width: b.width, height: b.height } as Rect : undefined
  return {
    bounds,
    maximized: r.maximized === true,
    fullScreen: r.fullScreen === true,
    sidebarWidth: num(r.sidebarWidth),
    infoviewWidth: num(r.infoviewWidth),
  }
}

/** The remembered states, most recently used first; a torn or foreign file is ignored, never fatal. */
export class WindowStateStore {
  private entries: { workspace: string; state: WindowState }[] = []
  private writing: Promise<void> = Promise.resolve()

  constructor(private readonly file: string) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { workspace?: unknown; state?: unknown }[]
      if (Array.isArray(parsed)) {
        for (const e of parsed) {
          const state = validState(e.state)
          if (typeof e.workspace === 'string' && state) this.entries.push({ workspace: e.workspace, state })
        }
      }
    } catch {
      // first start, or a file we cannot read: default window
    }
  }

  get(workspace: string): WindowState | undefined {
    return this.entries.find((e) => e.workspace === workspace)?.state
  }

  /** Merges and writes (serialised, atomic). */
  update(workspace: string, patch: WindowState): Promise<void> {
    const state = { ...this.get(workspace), ...patch }
    this.entries = [{ workspace, state }, ...this.entries.filter((e) => e.workspace !== workspace)].slice(0, MAX_ENTRIES)
    const body = `${JSON.stringify(this.entries, null, 1)}\n`
    this.writing = this.writing
      .then(async () => {
        await fs.mkdir(dirname(this.file), { recursive: true })
        await writeAtomic(this.file, body)
      })
      .catch((err) => console.error(`Could not remember the window state in ${this.file}`, err))
    return this.writing
  }
}
