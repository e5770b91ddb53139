// Ctrl+Shift+P / F1: every enabled command with its keybinding, filtered by the words typed.
import { filterCommands, type Command, type CommandRegistry } from './commands'
import { h } from './dom'
import { formatKeybinding } from './keybindings'
import type { QuickPick } from './quick-pick'

export function showCommandPalette(picker: QuickPick, commands: CommandRegistry, isMac: boolean, run: (id: string) => void): void {
  picker.show<Command>({
    ariaLabel: 'Command Palette',
    placeholder: 'Type the name of a command to run.',
    emptyText: 'No matching commands',
    items: (query) => filterCommands(commands.all().filter((c) => commands.isEnabled(c)), query),
    render: (c) => [
      h('span', { class: 'lx-palette-title', text: c.title }),
      c.keybinding ? h('kbd', { class: 'lx-palette-key', text: formatKeybinding(c.keybinding, isMac) }) : null,
    ],
    accept: (c) => run(c.id),
  })
}
