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

/** The placeholder in infoview.html's es-module-shims options, replaced by a fresh nonce per response. */
export const FRAME_NONCE_PLACEHOLDER = 'lectern-infoview'

/**
 * The frame has an opaque origin, so 'self' means nothing useful there: name the serving origin.
 * es-module-shims (inside the infoview loader) probes features with an inline script that carries the nonce.
 */
export function infoviewFrameCsp(origin: string, nonce: string): string {
  return [
    "default-src 'none'",
    // es-module-shims parses modules with a WebAssembly lexer: 'wasm-unsafe-eval' (not 'unsafe-eval').
    `script-src ${origin} blob: 'nonce-${nonce}' 'wasm-unsafe-eval'`,
    `style-src ${origin} 'unsafe-inline'`,
    `font-src ${origin} data:`,
    `img-src ${origin} data: blob:`,
    // Widget modules arrive as blob: URLs that es-module-shims fetch()es before importing.
    `connect-src ${origin} blob:`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/** Serves infoview.html with a per-response nonce in place of the placeholder. */
export function withFrameNonce(html: Buffer, nonce: string): Buffer {
  return Buffer.from(html.toString('utf8').split(`"nonce": "${FRAME_NONCE_PLACEHOLDER}"`).join(`"nonce": "${nonce}"`))
}
