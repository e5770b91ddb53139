// app://lectern serves the built renderer (Electron security checklist #18: no file://), with the same
// CSPs as serve mode. The infoview frame's files are readable cross-origin: the frame's origin is opaque.
import { protocol } from 'electron'
import { infoviewFrameCsp, mainPageCsp } from '../bridge/csp'
import { contentTypeOf, readStatic, resolveStatic } from '../bridge/static-files'

export const APP_ORIGIN = 'app://lectern'

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ])
}

export function handleAppProtocol(rendererDir: string, bridgeWsOrigin: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url)
    if (url.host !== 'lectern') return new Response('Not found', { status: 404 })
    const file = resolveStatic(rendererDir, url.pathname)
    const body = file ? await readStatic(file) : undefined
    if (!file || !body) return new Response('Not found', { status: 404 })
    const type = contentTypeOf(file)
    const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' }
    const isFrame = url.pathname === '/infoview.html' || url.pathname.startsWith('/infoview/') || url.pathname.startsWith('/assets/')
    if (isFrame) headers['Access-Control-Allow-Origin'] = '*'
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = url.pathname === '/infoview.html' ? infoviewFrameCsp(APP_ORIGIN) : mainPageCsp(APP_ORIGIN, bridgeWsOrigin)
    }
    return new Response(new Uint8Array(body), { status: 200, headers })
  })
}
