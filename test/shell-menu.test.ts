// The native menus against the renderer's own command table: every menu item runs a command that exists, with the
// accelerator of that command's keybinding; the structure is VS Code's; enabled state comes from the page.
import Module from 'node:module'
import { join } from 'node:path'
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildMenu, layoutCommandIds, toAccelerator, type MenuItemSpec } from '../src/main/shell/menu-layout'
import { parseKeybinding } from '../src/renderer/src/workbench/keybindings'

// The command table lives beside Monaco; its specs are plain data, so load it with Monaco stubbed out.
const MONACO = join(__dirname, '../src/renderer/src/editor/monaco.ts')
const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string }
const original = loader._resolveFilename
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  const resolved = original.call(this, request, ...rest)
  return resolved === MONACO ? join(__dirname, 'helpers/fake-monaco.ts') : resolved
}
const { commandSpecs } = require('../src/renderer/src/workbench/workbench-commands') as typeof import('../src/renderer/src/workbench/workbench-commands')

const anything = new Proxy({}, { get: () => () => false }) as never
const { FOLDER_COMMAND_SPECS } = require('../src/renderer/src/workbench/features/folders/command-ids') as typeof import('../src/renderer/src/workbench/features/folders/command-ids')
const { TASK_COMMAND_SPECS } = require('../src/renderer/src/workbench/features/tasks/command-ids') as typeof import('../src/renderer/src/workbench/features/tasks/command-ids')
const { NAVIGATION_COMMAND_SPECS } = require('../src/renderer/src/workbench/features/references/command-ids') as typeof import('../src/renderer/src/workbench/features/references/command-ids')
// The workbench's table plus the commands its features register (folders, project tasks, navigation views).
const table: { id: string; title: string; keybinding?: string }[] = [...commandSpecs(anything), ...FOLDER_COMMAND_SPECS, ...TASK_COMMAND_SPECS, ...NAVIGATION_COMMAND_SPECS]
const state = table.map((c) => ({ id: c.id, title: c.title, keybinding: c.keybinding, enabled: c.id !== 'workbench.action.files.save' }))

function items(menu: MenuItemSpec[]): MenuItemSpec[] {
  return menu.flatMap((m) => [m, ...items(m.submenu ?? [])])
}

/** Electron accelerator → the parts our keybinding parser yields, to compare meaning, not spelling. */
function acceleratorMeaning(acc: string) {
  const parts = acc.split('+')
  const key = parts.pop() ?? ''
  const kb = parseKeybinding([...parts.map((p) => (p === 'CmdOrCtrl' ? 'CtrlCmd' : p)), key === 'Esc' ? 'Escape' : key].join('+'))
  return { ctrlCmd: kb.ctrlCmd, ctrl: kb.ctrl, shift: kb.shift, alt: kb.alt, code: kb.code }
}

describe('native menus', () => {
  for (const platform of ['linux', 'win32', 'darwin']) {
    it(`every command item on ${platform} is in the renderer's table, with its keybinding as accelerator`, () => {
      const menu = buildMenu(state, platform)
      const commandItems = items(menu).filter((i) => i.command)
      assert.ok(commandItems.length >= 20)
      for (const item of commandItems) {
        const spec = table.find((c) => c.id === item.command)
        assert.ok(spec, `${item.command} is a command`)
        if (!spec.keybinding || spec.keybinding.includes(' ')) {
          assert.equal(item.accelerator, undefined, `${item.command} has no shortcut`)
          continue
        }
        assert.equal(item.accelerator, toAccelerator(spec.keybinding))
        const kb = parseKeybinding(spec.keybinding)
        assert.deepEqual(acceleratorMeaning(item.accelerator ?? ''), { ctrlCmd: kb.ctrlCmd, ctrl: kb.ctrl, shift: kb.shift, alt: kb.alt, code: kb.code }, item.command)
      }
    })
  }

  it('the layout names only commands the renderer has', () => {
    const ids = new Set(table.map((c) => c.id))
    for (const id of layoutCommandIds()) assert.ok(ids.has(id), id)
  })

  it("has VS Code's menus in order, the app menu on macOS only, and Close Editor (Ctrl+W) in File", () => {
    const labels = (p: string) => buildMenu(state, p).map((m) => m.label?.replace('&', ''))
    assert.deepEqual(labels('linux'), ['File', 'Edit', 'Selection', 'View', 'Go', 'Lean', 'Window', 'Help'])
    assert.deepEqual(labels('darwin'), ['Lectern', 'File', 'Edit', 'Selection', 'View', 'Go', 'Lean', 'Window', 'Help'])
    const file = buildMenu(state, 'linux')[0].submenu ?? []
    assert.equal(file.find((i) => i.command === 'workbench.action.closeActiveEditor')?.accelerator, 'CmdOrCtrl+W')
    assert.equal(file.find((i) => i.role === 'close')?.accelerator, 'CmdOrCtrl+Shift+W')
    const help = items(buildMenu(state, 'linux').filter((m) => m.label === '&Help'))
    assert.ok(help.some((i) => i.action === 'about'))
    assert.ok(help.some((i) => i.command === 'lean4.troubleshooting.showSetupInformation'))
  })

  it('enabled state follows the page; commands the page lacks leave no item and no stray separator', () => {
    const menu = buildMenu(state, 'linux')
    assert.equal(items(menu).find((i) => i.command === 'workbench.action.files.save')?.enabled, false)
    const bare = buildMenu([{ id: 'lean4.restartFile', title: 'Lean 4: Restart File', keybinding: 'CtrlCmd+Shift+X', enabled: true }], 'linux')
    const lean = bare.find((m) => m.label === '&Lean')?.submenu ?? []
    assert.deepEqual(lean, [{ label: 'Restart &File', command: 'lean4.restartFile', enabled: true, accelerator: 'CmdOrCtrl+Shift+X' }])
    for (const m of bare) {
      const sub = m.submenu ?? []
      assert.notEqual(sub[0]?.type, 'separator', m.label)
      assert.notEqual(sub.at(-1)?.type, 'separator', m.label)
    }
  })
})
