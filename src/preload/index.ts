// The typed bridge: `window.lectern`, one named function per API method plus a channel-event listener; and
// `window.lecternShell`, the desktop shell's few named functions (menu, layout, files to open). The page never
// gets ipcRenderer itself; every call goes to a fixed channel that main validates.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { API_METHODS, type ChannelEventMessage } from '../shared/api'
import { SHELL_CHANNELS, type MenuCommandState, type ShellEvent, type ShellLayout, type ShellPreload } from '../shared/shell'

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

const shell: ShellPreload = {
  ready: () => ipcRenderer.invoke(SHELL_CHANNELS.ready),
  setMenu: (commands: MenuCommandState[]) => ipcRenderer.send(SHELL_CHANNELS.menu, commands),
  setLayout: (layout: ShellLayout) => ipcRenderer.send(SHELL_CHANNELS.layout, layout),
  onEvent: (listener: (ev: ShellEvent) => void) => {
    const handler = (_e: IpcRendererEvent, ev: ShellEvent) => listener(ev)
    ipcRenderer.on(SHELL_CHANNELS.event, handler)
    return () => ipcRenderer.removeListener(SHELL_CHANNELS.event, handler)
  },
}
contextBridge.exposeInMainWorld('lecternShell', shell)
