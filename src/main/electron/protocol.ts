// app://lectern serves the built renderer (Electron security checklist #18: no file://), with the same
// CSPs as serve mode. The infoview frame's files are readable cross-origin: the frame's origin is opaque.
import { protocol } from 'electron'
import { randomBytes } from 'node:crypto'
import { infoviewFrameCsp, mainPageCsp, withFrameNonce } from '../bridge/csp'
import { contentTypeOf, readStatic, resolveStatic } from '../bridge/static-files'
import { APP_ORIGIN } from '../shell/web-rules'

export { APP_ORIGIN, isAppUrl } from '../shell/web-rules'

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the compiled renderer between launches, so a start after the first does not parse the
    // workbench's 4 MB of JavaScript again (most of a second on two slow cores; off by default for custom schemes).
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ])
}

/** `bridgeWsOrigin`: only when the bridge runs (`--bridge`); the page itself talks over IPC. */
export function handleAppProtocol(rendererDir: string, bridgeWsOrigin: string | undefined): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url)
    if (url.host !== 'lectern') return new Response('Not found', { status: 404 })
    const file = resolveStatic(rendererDir, url.pathname)
    let body = file ? await readStatic(file) : undefined
    if (!file || !body) return new Response('Not found', { status: 404 })
    const type = contentTypeOf(file)
    const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' }
    const isFrame = url.pathname === '/infoview.html' || url.pathname.startsWith('/infoview/') || url.pathname.startsWith('/assets/')
    if (isFrame) headers['Access-Control-Allow-Origin'] = '*'
    if (type.startsWith('text/html') && url.pathname === '/infoview.html') {
      const nonce = randomBytes(18).toString('base64url')
      body = withFrameNonce(body, nonce)
      headers['Content-Security-Policy'] = infoviewFrameCsp(APP_ORIGIN, nonce)
    } else if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = mainPageCsp(APP_ORIGIN, bridgeWsOrigin ?? '')
    }
    return new Response(new Uint8Array(body), { status: 200, headers })
  })
}
