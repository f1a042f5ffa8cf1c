import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { COMMANDS, COMMAND_IDS, acceleratorOf, keyboardMarkdown } from './commands'
import { withKeyboardTables } from '../../scripts/keyboard-table'

describe('the command table', () => {
  it('gives no two commands the same key chord', () => {
    const chords = COMMAND_IDS.flatMap((id) => COMMANDS[id].keys as readonly string[])
    expect(new Set(chords).size).toBe(chords.length)
  })

  it('writes chords as Electron accelerators', () => {
    expect(acceleratorOf('Mod+Shift+O')).toBe('CmdOrCtrl+Shift+O')
    expect(acceleratorOf('Mod+Alt+N')).toBe('CmdOrCtrl+Alt+N')
    expect(acceleratorOf('F1')).toBe('F1')
  })

  it('is what the README lists (run `npx tsx scripts/keyboard-table.ts` after changing it)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    expect(withKeyboardTables(readme)).toBe(readme)
    for (const id of COMMAND_IDS) expect(keyboardMarkdown()).toContain(COMMANDS[id].title)
  })
})
