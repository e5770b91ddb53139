// The typed bridge: one named function per API method plus a channel-event listener. The page never gets
// ipcRenderer itself; every call goes to a fixed `lectern:<method>` channel that main validates.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { API_METHODS, type ChannelEventMessage } from '../shared/api'

const api: Record<string, unknown> = {}
for (const method of API_METHODS) {
  api[method.replace(/\./g, '_')] = (params: unknown) => ipcRenderer.invoke(`lectern:${method}`, params)
}
api.onChannelEvent = (listener: (ev: ChannelEventMessage) => void) => {
  const handler = (_e: IpcRendererEvent, ev: ChannelEventMessage) => listener(ev)
  ipcRenderer.on('lectern:event', handler)
  return () => ipcRenderer.removeListener('lectern:event', handler)
}

// The system's folder dialog (Open Folder…, Add Folder to Workspace…); resolves to a path or undefined.
api.pickFolder = (options: { title: string; buttonLabel: string }) => ipcRenderer.invoke('lectern:pickFolder', options)

contextBridge.exposeInMainWorld('lectern', api)
