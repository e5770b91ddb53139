// Inside the frame: the EditorApi the infoview gets, rebuilt over the bridge. `sendClientRequest` keeps its
// AbortSignal here and turns an abort into `cancelClientRequest(id)` on the host (which sends `$/cancelRequest`).
import type { EditorApi } from '@leanprover/infoview'
import type { Bridge } from '../bridge'
import type { HostMethods } from '../protocol'

export function editorApiOver(bridge: Bridge<HostMethods>): EditorApi {
  let nextId = 0
  return {
    saveConfig: (config) => bridge.call('saveConfig', config),
    async sendClientRequest(uri, method, params, options) {
      const id = String(++nextId)
      const signal = options?.abortSignal
      const cancel = (): void => void bridge.call('cancelClientRequest', id).catch(() => undefined)
      // Posted before any cancel: the bridge keeps call order, so the host always knows the id first.
      const result = bridge.call('sendClientRequest', id, uri, method, params)
      if (signal?.aborted) cancel()
      else signal?.addEventListener('abort', cancel, { once: true })
      try {
        return await result
      } finally {
        signal?.removeEventListener('abort', cancel)
      }
    },
    sendClientNotification: (uri, method, params) => bridge.call('sendClientNotification', uri, method, params),
    subscribeServerNotifications: (method) => bridge.call('subscribeServerNotifications', method),
    unsubscribeServerNotifications: (method) => bridge.call('unsubscribeServerNotifications', method),
    subscribeClientNotifications: (method) => bridge.call('subscribeClientNotifications', method),
    unsubscribeClientNotifications: (method) => bridge.call('unsubscribeClientNotifications', method),
    copyToClipboard: (text) => bridge.call('copyToClipboard', text),
    insertText: (text, kind, pos) => bridge.call('insertText', text, kind, pos),
    applyEdit: (edit) => bridge.call('applyEdit', edit),
    showDocument: (show) => bridge.call('showDocument', show),
    restartFile: (uri) => bridge.call('restartFile', uri),
    createRpcSession: (uri) => bridge.call('createRpcSession', uri),
    closeRpcSession: (sessionId) => bridge.call('closeRpcSession', sessionId),
  }
}
