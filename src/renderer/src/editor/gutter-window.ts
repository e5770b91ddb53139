// Which lines get gutter icons (gutter-icons.ts): pure, so it is tested without Monaco.

/** Lines decorated beyond the visible ones, on each side. */
export const GUTTER_MARGIN = 200

export interface LineSpan {
  /** 1-based, inclusive. */
  start: number
  end: number
}

/**
 * The lines to decorate for what the editors show: `current` while every visible line stays at least half a margin
 * inside it, else the visible lines widened by a margin on each side. Undefined when no editor shows the model.
 */
export function gutterWindow(visible: readonly LineSpan[], current: LineSpan | undefined, margin = GUTTER_MARGIN): LineSpan | undefined {
  if (visible.length === 0) return undefined
  const start = Math.min(...visible.map((v) => v.start))
  const end = Math.max(...visible.map((v) => v.end))
  const keep = margin / 2
  // (A window that reaches the first line is never left at the top.)
  if (current && (current.start === 1 || start - keep >= current.start) && end + keep <= current.end) return current
  return { start: Math.max(1, start - margin), end: end + margin }
}
