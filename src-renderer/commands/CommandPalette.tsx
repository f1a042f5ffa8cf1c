import { useMemo, useState } from 'react'
import { Command } from 'cmdk'
import type { CommandId } from '../../src-main/core/commands'
import { FinderDialog } from './FinderDialog'
import { fuzzyRank } from './fuzzy'
import { ChordList } from './ChordList'
import { ALL_COMMANDS, isAvailable, useRegisteredCommands, type ListedCommand } from './registry'

/** Props of the command palette. */
export interface CommandPaletteProps {
  /** Closes the palette, then runs the command chosen (with the words typed, for a search). */
  onClose(run?: { id: CommandId; text?: string }): void
}

// The palette itself is not one of its entries.
const LISTED = ALL_COMMANDS.filter((command) => command.id !== 'command-palette')
const texts = (command: ListedCommand) => [command.title, command.aliases ?? '', command.group]

/**
 * Every command with its keys, filtered as you type (letters may be skipped). ↑/↓ move, Enter runs,
 * Escape closes. Commands that cannot act now (Export note with no note open) are listed, greyed.
 * cmdk gives the combobox and listbox semantics and the keyboard walk; fuzzysort ranks.
 */
export function CommandPalette({ onClose }: CommandPaletteProps) {
  const [typed, setTyped] = useState('')
  // Re-rendered when an owner comes or goes (the library list mounting its link field, say).
  useRegisteredCommands()
  const shown = useMemo(() => fuzzyRank(typed, LISTED, texts, LISTED.length), [typed])
  const words = typed.trim()
  return (
    <FinderDialog label="Command palette" testId="command-palette" onClose={() => onClose()}>
      <Command label="Commands" shouldFilter={false} loop className="finder__command">
        <Command.Input
          className="finder__input"
          placeholder="Type a command…"
          value={typed}
          onValueChange={setTyped}
          data-testid="palette-input"
        />
        <Command.List className="finder__list" label="Commands">
          <Command.Empty className="finder__empty">No command matches “{words}”.</Command.Empty>
          {shown.map((command) => {
            const available = isAvailable(command.id)
            return (
              <Command.Item
                key={command.id}
                value={command.id}
                disabled={!available}
                className="finder__item"
                data-testid="palette-item"
                data-command={command.id}
                onSelect={() => onClose({ id: command.id })}
              >
                <span className="finder__item-title">{command.title}</span>
                {!available && (
                  <span className="finder__item-note">{command.where ?? 'not available now'}</span>
                )}
                <ChordList chords={command.keys} />
              </Command.Item>
            )
          })}
          {words && isAvailable('search') && (
            <Command.Item
              value="search-everywhere"
              className="finder__item"
              data-testid="palette-item"
              data-command="search-everywhere"
              onSelect={() => onClose({ id: 'search', text: words })}
            >
              <span className="finder__item-title">Search everywhere for “{words}”</span>
            </Command.Item>
          )}
        </Command.List>
      </Command>
    </FinderDialog>
  )
}
