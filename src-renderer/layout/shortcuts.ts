import { COMMANDS } from '../../src-main/core/commands'
import { chordLabel } from '../commands/keys'

/** The layout's keys come from the command table (src-main/core/commands.ts); these are their labels. */
export function sidebarShortcutLabel(): string {
  return chordLabel(COMMANDS['toggle-sidebar'].keys[0])
}

export function focusShortcutLabel(): string {
  return chordLabel(COMMANDS['focus-mode'].keys[0])
}

export function settingsShortcutLabel(): string {
  return chordLabel(COMMANDS.settings.keys[0])
}

/** Ctrl/Cmd+Shift+F focuses the search box (search/SearchPanel.tsx answers it; the layout opens the sidebar). */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'f'
}
