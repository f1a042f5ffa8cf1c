import { useEffect } from 'react'
import { COMMAND_IDS, COMMANDS, type CommandId } from '../../src-main/core/commands'
import type { MenuCommand } from '../../src-main/api/bridge'
import { isDesktop } from '../api'
import { isTypingTarget, matchesChord } from './keys'
import { runCommand } from './registry'

// The desktop menu's accelerators already send these (first chord only); answering the key here too
// would run them twice.
const MENU_OWNED: readonly MenuCommand[] = ['import-files', 'import-sample', 'new-note', 'export-note']

/** The command a keydown asks for, or null. */
export function commandForKey(event: KeyboardEvent): { id: CommandId; chord: string } | null {
  for (const id of COMMAND_IDS) {
    for (const chord of COMMANDS[id].keys as readonly string[]) {
      if (matchesChord(event, chord)) return { id, chord }
    }
  }
  return null
}

/**
 * Runs the command of each key chord of the table, from anywhere in the window. A key the focused
 * control already used (the note editor's Ctrl+K link) is left to it, single characters such as `?`
 * are text while typing, and nothing runs behind another modal dialog.
 */
export function useCommandKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      const found = commandForKey(event)
      if (!found) return
      const { id, chord } = found
      if (isDesktop && (MENU_OWNED as readonly string[]).includes(id) && chord === COMMANDS[id].keys[0])
        return
      if (chord.length === 1 && isTypingTarget(event.target)) return
      const otherDialog = document.querySelector('dialog[open]:not([data-finder])')
      if (otherDialog) return
      if (runCommand(id)) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
