// Window placement: a remembered window stays where it was while reachable, and one whose monitor is gone (or
// that is bigger than the display) comes back onto a display that exists. And the per-workspace store.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { placeOnScreen, WindowStateStore } from '../src/main/shell/window-state'

const laptop = { x: 0, y: 0, width: 1440, height: 870 }
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 }

describe('placing a remembered window', () => {
  it('keeps a window that is on a display', () => {
    assert.deepEqual(placeOnScreen({ x: 100, y: 50, width: 1000, height: 700 }, [laptop]), { x: 100, y: 50, width: 1000, height: 700 })
    assert.deepEqual(placeOnScreen({ x: 2000, y: 100, width: 1600, height: 1000 }, [laptop, monitorRight]), { x: 2000, y: 100, width: 1600, height: 1000 })
  })

  it('brings a window from an unplugged monitor back, centred on the primary display', () => {
    assert.deepEqual(placeOnScreen({ x: 2000, y: 100, width: 1200, height: 800 }, [laptop]), { x: 120, y: 35, width: 1200, height: 800 })
  })

  it('a window with only a sliver on screen, or its title bar above the display, counts as off-screen', () => {
    assert.deepEqual(placeOnScreen({ x: 1400, y: 10, width: 800, height: 600 }, [laptop]), { x: 320, y: 135, width: 800, height: 600 })
    assert.deepEqual(placeOnScreen({ x: 100, y: -500, width: 800, height: 600 }, [laptop]), { x: 320, y: 135, width: 800, height: 600 })
  })

  it('shrinks a window bigger than its display and pulls it inside the edges', () => {
    assert.deepEqual(placeOnScreen({ x: 10, y: 10, width: 3000, height: 2000 }, [laptop]), { x: 0, y: 0, width: 1440, height: 870 })
    assert.deepEqual(placeOnScreen({ x: 1000, y: 300, width: 1000, height: 700 }, [laptop]), { x: 440, y: 170, width: 1000, height: 700 })
  })

  it('no memory means the default size; no display information keeps the memory', () => {
    assert.equal(placeOnScreen(undefined, [laptop]), undefined)
    assert.deepEqual(placeOnScreen({ x: 5, y: 5, width: 500, height: 400 }, []), { x: 5, y: 5, width: 500, height: 400 })
  })
})

describe('the window state store', () => {
  it('remembers per workspace across restarts and ignores a torn file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-window-state-'))
    const file = join(dir, 'window-state.json')
    const store = new WindowStateStore(file)
    await store.update('/a', { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true })
    await store.update('/b', { sidebarWidth: 250 })
    await store.update('/a', { infoviewWidth: 500 })
    const again = new WindowStateStore(file)
    assert.deepEqual(again.get('/a'), { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true, fullScreen: false, sidebarWidth: undefined, infoviewWidth: 500 })
    assert.equal(again.get('/b')?.sidebarWidth, 250)
    assert.equal(again.get('/c'), undefined)
    writeFileSync(file, '{ torn')
    assert.equal(new WindowStateStore(file).get('/a'), undefined)
    await new WindowStateStore(file).update('/a', { sidebarWidth: 1 })
    assert.equal(JSON.parse(readFileSync(file, 'utf8'))[0].state.sidebarWidth, 1)
  })
})
