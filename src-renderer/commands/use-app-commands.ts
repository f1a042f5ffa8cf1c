import { useEffect } from 'react'
import { onMenuCommand } from '../api'
import { cyclePanes, focusPane, NOTE_PANE } from './panes'
import { runCommand, useCommand } from './registry'
import { selectAllWhereFocused } from './select-all'

/** What the window can do, as App wires it. */
export interface AppActions {
  importFiles(): void
  importSample(): void
  newNote(): void
  exportNote(): void
  closeArticle(): void
  closeNote(): void
  articleOpen: boolean
  noteOpen: boolean
}

/**
 * The window-wide commands: registered for keys and the palette, and run for the desktop menu's
 * items, so that a menu item, its keys and its palette entry do one same thing.
 */
export function useAppCommands(actions: AppActions): void {
  useCommand('import-files', actions.importFiles)
  useCommand('import-sample', actions.importSample)
  useCommand('new-note', actions.newNote)
  useCommand('export-note', actions.exportNote, () => actions.noteOpen)
  useCommand('close-article', actions.closeArticle, () => actions.articleOpen)
  useCommand('close-note', actions.closeNote, () => actions.noteOpen)
  useCommand(
    'focus-note',
    () => focusPane(NOTE_PANE),
    () => actions.noteOpen,
  )
  useCommand('next-pane', () => cyclePanes(1))
  useCommand('previous-pane', () => cyclePanes(-1))
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'select-all') selectAllWhereFocused()
        else runCommand(command)
      }),
    [],
  )
}
