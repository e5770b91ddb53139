// What the workbench specs share: opening files from the explorer, the cursor at the start, the renderer's and
// the core's view of a document's text.
import type { Page } from '@playwright/test'
import { expect, type LecternApp } from './fixtures'

declare global {
  interface Window {
    /** The renderer's read-only test probe (src/renderer/src/workbench-main.ts). */
    __lectern?: { modelText(path: string): string | undefined; ready: boolean }
  }
}

/** Clicks into the editor and puts the cursor at the start of the document. */
export async function focusEditorStart(page: Page): Promise<void> {
  await page.locator('.lx-editor .view-lines').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+Home')
}

export async function openFromExplorer(page: Page, name: string): Promise<void> {
  await page.locator('.lx-explorer .lx-tree-row', { hasText: name }).first().click()
  await expect(page.locator('.lx-tab-active .lx-tab-label')).toHaveText(name)
}

export function modelText(page: Page, path: string): Promise<string | undefined> {
  return page.evaluate((p) => window.__lectern?.modelText(p), path)
}

/** The core's text of a document, asked over a second /ws connection (doc.open returns the open buffer). */
export function coreText(page: Page, path: string): Promise<string> {
  return page.evaluate(async (p) => {
    const token = new URL(location.href).searchParams.get('token') ?? ''
    const ws = new WebSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`)
    await new Promise((resolve, reject) => {
      ws.onopen = resolve
      ws.onerror = reject
    })
    try {
      const reply = await new Promise<{ result?: { text: string }; error?: { message: string } }>((resolve) => {
        ws.onmessage = (ev) => {
          const msg = JSON.parse(String(ev.data))
          if (msg.id === 1) resolve(msg)
        }
        ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'doc.open', params: { path: p } }))
      })
      if (!reply.result) throw new Error(reply.error?.message ?? 'no result')
      return reply.result.text
    } finally {
      ws.close()
    }
  }, path)
}

export async function ready(app: LecternApp): Promise<void> {
  await expect(app.page.locator('.lx-explorer .lx-tree-row', { hasText: 'Main.lean' })).toBeVisible()
}
