import { FOCUS_KEYS, type CommandGroup } from '../../src-main/core/commands'
import { ACTIONS } from '../editor/toolbar-actions'
import { chordText } from '../editor/toolbar-actions'
import { FinderDialog } from './FinderDialog'
import { ChordList } from './ChordList'
import { chordLabel } from './keys'
import { ALL_COMMANDS } from './registry'

const GROUPS: CommandGroup[] = ['Find', 'View', 'Library', 'Reading', 'Notes', 'Help']

/** `Mod+Shift+←/→` as this platform writes it. */
const focusKeysLabel = (keys: string) => (keys.includes('Mod') ? chordLabel(keys) : keys)

/** Every key of the app: the commands (from the command table), keys where the focus is, and the note editor's. */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  return (
    <FinderDialog label="Keyboard shortcuts" testId="shortcuts-sheet" wide onClose={onClose}>
      <div className="shortcuts">
        <header className="shortcuts__header">
          <h2 className="shortcuts__title">Keyboard shortcuts</h2>
          <button type="button" className="button button--small" autoFocus onClick={onClose}>
            Close
          </button>
        </header>
        <div className="shortcuts__columns">
          {GROUPS.map((group) => (
            <section key={group} className="shortcuts__group" aria-labelledby={`shortcuts-${group}`}>
              <h3 id={`shortcuts-${group}`}>{group}</h3>
              <dl>
                {ALL_COMMANDS.filter((command) => command.group === group).map((command) => (
                  <div
                    key={command.id}
                    className="shortcuts__row"
                    data-testid="shortcut-row"
                    data-command={command.id}
                  >
                    <dt>{command.title}</dt>
                    <dd>
                      {command.keys.length > 0 ? (
                        <ChordList chords={command.keys} />
                      ) : (
                        <span className="shortcuts__none">palette</span>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <section className="shortcuts__group" aria-labelledby="shortcuts-focus">
            <h3 id="shortcuts-focus">Where the focus is</h3>
            <dl>
              {FOCUS_KEYS.map(({ where, keys, what }) => (
                <div key={`${where}${keys}`} className="shortcuts__row" data-testid="shortcut-row">
                  <dt>
                    {what} <span className="shortcuts__where">({where.toLowerCase()})</span>
                  </dt>
                  <dd>
                    <kbd className="chord">{focusKeysLabel(keys)}</kbd>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="shortcuts__group" aria-labelledby="shortcuts-editor">
            <h3 id="shortcuts-editor">Note editor</h3>
            <dl>
              {Object.values(ACTIONS).map((action) => (
                <div key={action.label} className="shortcuts__row" data-testid="shortcut-row">
                  <dt>{action.label}</dt>
                  <dd>
                    <kbd className="chord">{chordText(action.chord)}</kbd>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </FinderDialog>
  )
}
