// Writes the README's Keyboard tables from the command table (src-main/core/commands.ts), between the
// README's keyboard markers; commands.test.ts fails when the README and the table disagree.
//   npx tsx scripts/keyboard-table.ts
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { keyboardMarkdown } from '../src-main/core/commands'

export const START =
  '<!-- keyboard table: made by scripts/keyboard-table.ts from src-main/core/commands.ts -->'
export const END = '<!-- end of keyboard table -->'

/** The README with its keyboard block replaced by the tables made now. */
export function withKeyboardTables(readme: string): string {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md has no "${START}" … "${END}" block`)
  return `${readme.slice(0, start + START.length)}\n${keyboardMarkdown()}\n${readme.slice(end)}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = fileURLToPath(new URL('../README.md', import.meta.url))
  writeFileSync(path, withKeyboardTables(readFileSync(path, 'utf8')))
  console.log('README.md: keyboard tables written')
}
