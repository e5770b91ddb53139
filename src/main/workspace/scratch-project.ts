// With no folder given, Lectern opens a small Lake-style project in the user data folder so a newcomer
// sees Lean at once. Created on first run; never overwritten afterwards.
import { promises as fs } from 'node:fs'
import { join } from 'node:path'

export const SCRATCH_TOOLCHAIN = 'leanprover/lean4:stable'

const FILES: Record<string, string> = {
  'lean-toolchain': `${SCRATCH_TOOLCHAIN}\n`,
  'lakefile.toml': 'name = "scratch"\ndefaultTargets = ["Main"]\n\n[[lean_lib]]\nname = "Main"\n',
  'Main.lean': [
    '-- Welcome to Lectern. This scratch project lives in your Lectern data folder.',
    '-- Put the cursor inside a proof to see its goals in the infoview.',
    '-- Your own project: File: Open Folder… (Ctrl+K Ctrl+O), or File: Open Recent… from the command palette',
    '-- (Ctrl+Shift+P). File: Close Folder comes back here.',
    '',
    'theorem and_swap (p q : Prop) (hp : p) (hq : q) : q ∧ p := by',
    '  exact ⟨hq, hp⟩',
    '',
    '#eval 2 + 2',
    '',
  ].join('\n'),
}

/**
 * `pickToolchain` names a toolchain the user has (elan's default or the newest installed), asked only on first
 * run; `stable` stays the fallback when there is none (it may need a download).
 */
export async function ensureScratchProject(userDataDir: string, pickToolchain?: () => Promise<string | undefined>): Promise<string> {
  const dir = join(userDataDir, 'scratch')
  await fs.mkdir(dir, { recursive: true })
  const fresh = !(await fs.stat(join(dir, 'lean-toolchain')).catch(() => undefined))
  const toolchain = fresh && pickToolchain ? await pickToolchain().catch(() => undefined) : undefined
  const files = toolchain ? { ...FILES, 'lean-toolchain': `${toolchain}\n` } : FILES
  for (const [name, content] of Object.entries(files)) {
    try {
      await fs.writeFile(join(dir, name), content, { flag: 'wx' })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
  }
  return dir
}
