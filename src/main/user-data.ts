import { homedir } from 'node:os'
import { join } from 'node:path'

/** Where settings, backups and the scratch project live; the same folder Electron's userData uses. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LECTERN_USER_DATA) return env.LECTERN_USER_DATA
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Lectern')
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Lectern')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Lectern')
}
