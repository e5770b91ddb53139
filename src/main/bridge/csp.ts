// Content-Security-Policies for the privileged page and the sandboxed infoview frame. Shared by the
// serve-mode HTTP server and Electron's app:// handler. Only the frame may run blob: modules (widgets).

export function mainPageCsp(origin: string, wsOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Monaco sets inline styles on its DOM nodes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self' ${wsOrigin}`,
    `frame-src ${origin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ')
}

/** The frame has an opaque origin, so 'self' means nothing useful there: name the serving origin. */
export function infoviewFrameCsp(origin: string): string {
  return [
    "default-src 'none'",
    `script-src ${origin} blob:`,
    `style-src ${origin} 'unsafe-inline'`,
    `font-src ${origin} data:`,
    `img-src ${origin} data: blob:`,
    `connect-src ${origin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}
