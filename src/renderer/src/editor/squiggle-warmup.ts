// The first squiggles a page draws cost Chromium ~40 ms on top of everything else in that frame: it builds a document
// for Monaco's squiggle SVG (a data: URL per severity, in the theme's colour) the first time a style uses it. Hidden
// elements that use the same images (Monaco also publishes them as --monaco-editor-*-decoration), added once the page
// is idle after start, pay that cost early and keep the images alive; a theme change re-colours them too.
import type { Disposable } from '../backend/backend'

const DECORATIONS = ['error', 'warning', 'info', 'hint']

export function warmSquiggleImages(parent: HTMLElement = document.body): Disposable {
  const host = document.createElement('div')
  host.className = 'lx-squiggle-warmup'
  host.setAttribute('aria-hidden', 'true')
  // Outside the window but laid out: an element that is not displayed never loads its background.
  host.style.cssText = 'position:fixed;left:-64px;top:0;width:6px;height:3px;overflow:hidden;pointer-events:none;visibility:hidden'
  for (const kind of DECORATIONS) {
    const probe = document.createElement('div')
    probe.style.cssText = `width:6px;height:3px;background-image:var(--monaco-editor-${kind}-decoration)`
    host.append(probe)
  }
  parent.append(host)
  return { dispose: () => host.remove() }
}
