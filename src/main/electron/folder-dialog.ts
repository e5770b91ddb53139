// File: Open Folder… / Add Folder to Workspace… in the desktop app: the system's folder dialog, asked for by the
// renderer through the preload's named `pickFolder`. Only our own main frame may ask (Electron security checklist
// #17); the answer is only a path — opening it goes through the API router like any other call.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { isAppUrl } from './protocol'

export const PICK_FOLDER_CHANNEL = 'lectern:pickFolder'

function fromOurPage(e: IpcMainInvokeEvent): boolean {
  const frame = e.senderFrame
  return !!frame && frame === e.sender.mainFrame && isAppUrl(frame.url)
}

export function registerFolderDialog(): void {
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (e, options: unknown) => {
    if (!fromOurPage(e)) return undefined
    const o = (options && typeof options === 'object' ? options : {}) as { title?: unknown; buttonLabel?: unknown }
    const win = BrowserWindow.fromWebContents(e.sender)
    const settings = {
      title: typeof o.title === 'string' ? o.title.slice(0, 100) : 'Open Folder',
      buttonLabel: typeof o.buttonLabel === 'string' ? o.buttonLabel.slice(0, 40) : 'Open',
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    }
    const result = win ? await dialog.showOpenDialog(win, settings) : await dialog.showOpenDialog(settings)
    return result.canceled ? undefined : result.filePaths[0]
  })
}
