// Security rules for every web contents ever created (the window, the infoview frame's host, devtools, anything
// later): no navigation away from app://lectern, no new windows or <webview>s, https links to the user's browser;
// and for the session, only the clipboard permissions, only for the app's own page.
import { app, shell, type Session, type WebContents } from 'electron'
import { externalLink, navigationAllowed, permissionAllowed } from '../shell/web-rules'

export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => {
    if (!navigationAllowed(url)) e.preventDefault()
  })
  contents.on('will-redirect', (e, url) => {
    if (!navigationAllowed(url)) e.preventDefault()
  })
  contents.on('will-attach-webview', (e) => e.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLink(url)
    if (link) void shell.openExternal(link)
    return { action: 'deny' }
  })
}

export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl, details.isMainFrame))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame),
  )
}

/** Installs the rules on every web contents from now on; call before the first window. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_e, contents) => guardWebContents(contents))
}
