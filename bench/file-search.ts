// Go to File and Find in Files over a Mathlib-sized workspace (5,000 files of 100 lines in nested folders)
// against a 50-file one, in one run: the file index walk and one search for a rare word and for a common one
// (which stops at the match cap).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { listWorkspaceFiles } from '../src/main/workspace/file-index'
import { searchWorkspace } from '../src/main/workspace/text-search'

function makeWorkspace(files: number): string {
  const root = mkdtempSync(join(tmpdir(), 'lectern-bench-search-'))
  const body = Array.from({ length: 100 }, (_, i) => `theorem t${i} (n : Nat) : n + 0 = n := by simp`).join('\n')
  for (let i = 0; i < files; i++) {
    const dir = join(root, `Area${i % 20}`, `Topic${i % 13}`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `File${i}.lean`), i === files - 1 ? `${body}\ndef needle_in_the_last_file := 1\n` : body)
  }
  return root
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now()
  await run()
  return performance.now() - t
}

export async function fileSearchBench(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  for (const files of [50, 5000]) {
    const root = makeWorkspace(files)
    try {
      out[`files${files}`] = {
        indexMs: await timed(() => listWorkspaceFiles([root])),
        rareWordMs: await timed(() => searchWorkspace([root], { query: 'needle_in_the_last_file' }, () => undefined)),
        commonWordMs: await timed(() => searchWorkspace([root], { query: 'simp' }, () => undefined)),
      }
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  }
  return out
}
