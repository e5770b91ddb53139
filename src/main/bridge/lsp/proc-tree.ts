// Resource use of a whole process tree (Lean's watchdog, its file workers, a sandbox's helpers) from /proc.
import { readdirSync, readFileSync } from 'node:fs'

const CLOCK_TICKS = 100 // USER_HZ, 100 on every Linux Node runs on
const PAGE_KB = 4

interface Stat {
  pid: number
  ppid: number
  rssKb: number
  cpuTicks: number
}

function readStat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1')
    // The command name may hold spaces and parentheses; the fields after its last ')' are fixed.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { pid, ppid: Number(f[1]), cpuTicks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]), rssKb: Number(f[21]) * PAGE_KB }
  } catch {
    return undefined
  }
}

export interface TreeUsage {
  pids: number[]
  rssKb: number
  cpuSeconds: number
}

/** Every live descendant of `root` (root included), with summed RSS and CPU time; undefined without /proc. */
export function processTreeUsage(root: number): TreeUsage | undefined {
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return undefined
  }
  const children = new Map<number, Stat[]>()
  let rootStat: Stat | undefined
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue
    const s = readStat(Number(e))
    if (!s) continue
    if (s.pid === root) rootStat = s
    const list = children.get(s.ppid)
    if (list) list.push(s)
    else children.set(s.ppid, [s])
  }
  if (!rootStat) return undefined
  const usage: TreeUsage = { pids: [], rssKb: 0, cpuSeconds: 0 }
  const stack = [rootStat]
  while (stack.length) {
    const s = stack.pop()!
    usage.pids.push(s.pid)
    usage.rssKb += s.rssKb
    usage.cpuSeconds += s.cpuTicks / CLOCK_TICKS
    stack.push(...(children.get(s.pid) ?? []))
  }
  usage.cpuSeconds = Math.round(usage.cpuSeconds * 100) / 100
  return usage
}
