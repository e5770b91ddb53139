// ipcMain wiring: one handler per API method, each checking that the sender is our own main frame
// (Electron security checklist #17), dispatching to the same router as /ws.
import { randomUUID } from 'node:crypto'
import { BrowserWindow, dialog, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { API_METHODS } from '../../shared/api'
import type { ApiRouter, ConnectionContext } from '../api/router'
import { errorMessage } from '../util/errors'
import { isAppUrl } from './protocol'

const contexts = new Map<number, ConnectionContext>()
/** Web contents whose `destroyed` we listen to: once each, however often the page reloads. */
const watched = new Set<number>()

function contextFor(contents: WebContents, router: ApiRouter): ConnectionContext {
  let ctx = contexts.get(contents.id)
  if (!ctx) {
    ctx = {
      id: `ipc-${randomUUID()}`,
      sendEvent: (subscriptionId, channel, payload) => {
        if (!contents.isDestroyed()) contents.send('lectern:event', { subscriptionId, channel, payload })
      },
      confirmProgramChange: (summary) => confirmInDialog(contents, summary),
    }
    contexts.set(contents.id, ctx)
  }
  if (!watched.has(contents.id)) {
    watched.add(contents.id)
    const id = contents.id
    contents.once('destroyed', () => {
      resetIpcContext(id, router)
      watched.delete(id)
    })
  }
  return ctx
}

/** A native dialog from the main process: the page cannot click it for the user. */
async function confirmInDialog(contents: WebContents, summary: string): Promise<boolean> {
  const window = BrowserWindow.fromWebContents(contents)
  const options = {
    type: 'warning' as const,
    buttons: ['Cancel', 'Change'],
    defaultId: 0,
    cancelId: 0,
    message: 'Change which program Lectern runs as the Lean server?',
    detail: `${summary}\n\nLectern will run this program with your rights.`,
  }
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options)
  return response === 1
}

/** Only our own page's main frame, on app://lectern, may call (not the infoview frame, not a navigated page). */
export function trustedSender(e: Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>): boolean {
  const frame = e.senderFrame
  return !!frame && frame === e.sender.mainFrame && isAppUrl(frame.url)
}

export function registerIpc(router: ApiRouter): void {
  for (const method of API_METHODS) {
    ipcMain.handle(`lectern:${method}`, async (e, params) => {
      if (!trustedSender(e)) return { ok: false, error: { code: -32600, message: 'Refused: IPC from an untrusted frame.' } }
      try {
        const result = await router.dispatch(method, params, contextFor(e.sender, router))
        return { ok: true, result }
      } catch (err) {
        const code = typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -32603
        return { ok: false, error: { code, message: errorMessage(err), data: (err as { data?: unknown }).data } }
      }
    })
  }
}

/** After a reload the page starts a new session: drop the old one's subscriptions. */
export function resetIpcContext(contentsId: number, router: ApiRouter): void {
  const ctx = contexts.get(contentsId)
  if (ctx) router.disconnect(ctx)
  contexts.delete(contentsId)
}
