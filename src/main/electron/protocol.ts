// app://lectern serves the built renderer (Electron security checklist #18: no file://), with the same
// CSPs as serve mode. The infoview frame's files are readable cross-origin: the frame's origin is opaque.
import { protocol } from 'electron'
import { randomBytes } from 'node:crypto'
import { infoviewFrameCsp, mainPageCsp, withFrameNonce } from '../bridge/csp'
import { contentTypeOf, openStatic, readStatic, resolveStatic, staticWebStream } from '../bridge/static-files'
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
    if (!file) return new Response('Not found', { status: 404 })
    const type = contentTypeOf(file)
    const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' }
    const isFrame = url.pathname === '/infoview.html' || url.pathname.startsWith('/infoview/') || url.pathname.startsWith('/assets/')
    if (isFrame) headers['Access-Control-Allow-Origin'] = '*'
    if (type.startsWith('text/html')) {
      // Pages are small and may be rewritten (the frame's nonce). Their CSP is this header only: index.html has no
      // CSP meta tag (it would hold the preload scanner).
      let body = await readStatic(file)
      if (!body) return new Response('Not found', { status: 404 })
      if (url.pathname === '/infoview.html') {
        const nonce = randomBytes(18).toString('base64url')
        body = withFrameNonce(body, nonce)
        headers['Content-Security-Policy'] = infoviewFrameCsp(APP_ORIGIN, nonce)
      } else {
        headers['Content-Security-Policy'] = mainPageCsp(APP_ORIGIN, bridgeWsOrigin ?? '')
      }
      return new Response(new Uint8Array(body), { status: 200, headers })
    }
    // The rest is streamed, so the page compiles the workbench's chunk as it arrives; a request the page abandons
    // cancels the stream, which closes the file.
    const opened = await openStatic(file)
    if (!opened) return new Response('Not found', { status: 404 })
    headers['Content-Length'] = String(opened.size)
    return new Response(staticWebStream(opened), { status: 200, headers })
  })
}
