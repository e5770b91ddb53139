// What any web contents of the app may do (Electron security checklist #12–#14, #17): navigate only within
// app://lectern, open no windows (https links go to the user's browser), and get only the clipboard permissions,
// only for the app's own page. Pure decisions; src/main/electron/guard.ts applies them.
export const APP_ORIGIN = 'app://lectern'

/** True for app://lectern/… URLs. (WHATWG `URL.origin` is "null" for custom schemes, so compare scheme and host.) */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return `${url.protocol}//${url.host}` === APP_ORIGIN
  } catch {
    return false
  }
}

export function navigationAllowed(url: string): boolean {
  return isAppUrl(url)
}

/** The URL to hand to the user's browser for a window.open / target=_blank link, if any: https only. */
export function externalLink(url: string): string | undefined {
  try {
    return new URL(url).protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}

/** Right-click Paste (navigator.clipboard.readText) and Copy from the app's page; nothing else, nobody else. */
const PAGE_PERMISSIONS = new Set(['clipboard-read', 'clipboard-sanitized-write'])

export function permissionAllowed(permission: string, requestingUrl: string | undefined, isMainFrame: boolean): boolean {
  return PAGE_PERMISSIONS.has(permission) && isMainFrame && !!requestingUrl && isAppUrl(requestingUrl)
}
