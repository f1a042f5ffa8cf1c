// Every command of the window, with its keys: one table read by the desktop menu (main process), the
// window's shortcut handling, the command palette, the shortcuts sheet and the README's Keyboard table.
// Pure data, in the core because the core is the layer both processes may import.

/** Where a command is listed in the palette and the shortcuts sheet. */
export type CommandGroup = 'Find' | 'View' | 'Library' | 'Reading' | 'Notes' | 'Help'

/** A command as the user sees it. */
export interface CommandInfo {
  title: string
  group: CommandGroup
  /**
   * Its key chords, the first shown as the main one. `Mod` is ⌘ on macOS and Ctrl elsewhere; the last
   * part names the key (a letter, a digit, F1, or a character such as `?`).
   */
  keys: readonly string[]
  /** Words that should also find it in the palette. */
  aliases?: string
  /** Keys that only work where the command applies (a selection in the article, the open note). */
  where?: string
}

export const COMMANDS = {
  'command-palette': {
    title: 'Show all commands',
    group: 'Find',
    keys: ['Mod+K', 'Mod+Shift+P'],
    aliases: 'command palette actions',
  },
  'quick-switcher': {
    title: 'Open an article or note…',
    group: 'Find',
    keys: ['Mod+O', 'Mod+P'],
    aliases: 'quick switcher go to jump',
  },
  search: {
    title: 'Search everything (full text)…',
    group: 'Find',
    keys: ['Mod+Shift+F'],
    aliases: 'find words',
  },
  'next-pane': { title: 'Go to the next pane', group: 'Find', keys: ['F6'], aliases: 'focus move' },
  'previous-pane': { title: 'Go to the previous pane', group: 'Find', keys: ['Shift+F6'] },
  'toggle-sidebar': {
    title: 'Show or hide the library sidebar',
    group: 'View',
    keys: ['Mod+\\'],
    aliases: 'collapse expand panel',
  },
  'toggle-reader-pane': {
    title: 'Show or hide the article pane',
    group: 'View',
    keys: ['Mod+Shift+1'],
    aliases: 'collapse expand reader panel',
    where: 'with an article and a note open',
  },
  'toggle-note-pane': {
    title: 'Show or hide the note pane',
    group: 'View',
    keys: ['Mod+Shift+2'],
    aliases: 'collapse expand editor panel',
    where: 'with an article and a note open',
  },
  'focus-mode': {
    title: 'Focus mode (only the article text)',
    group: 'View',
    keys: ['Mod+Shift+Enter'],
    aliases: 'distraction free zen',
    where: 'with an article open; Escape leaves',
  },
  settings: {
    title: 'Settings…',
    group: 'View',
    keys: ['Mod+,'],
    aliases: 'preferences theme dark light font reading citation style',
  },
  'import-files': {
    title: 'Import files…',
    group: 'Library',
    keys: ['Mod+Shift+O'],
    aliases: 'add pdf epub docx html markdown',
  },
  'import-url': {
    title: 'Import from a link…',
    group: 'Library',
    keys: ['Mod+Shift+L'],
    aliases: 'url web page address',
  },
  'import-sample': { title: 'Import the sample article', group: 'Library', keys: [] },
  'export-vault': {
    title: 'Export library as vault…',
    group: 'Library',
    keys: [],
    aliases: 'obsidian markdown folder',
  },
  'focus-article': {
    title: 'Go to the article text',
    group: 'Reading',
    keys: [],
    aliases: 'caret read',
  },
  excerpt: {
    title: 'Excerpt the selected passage',
    group: 'Reading',
    keys: ['Mod+E'],
    aliases: 'highlight quote keep',
    where: 'with a passage selected in the article',
  },
  'excerpt-to-note': {
    title: 'Excerpt the selected passage into the note',
    group: 'Reading',
    keys: ['Mod+Shift+E'],
    aliases: 'highlight quote insert',
    where: 'with a passage selected and a note open',
  },
  'excerpt-area': {
    title: 'Excerpt an area of the page (figure, equation, table)',
    group: 'Reading',
    keys: ['Mod+Alt+E'],
    aliases: 'figure picture image rectangle screenshot snapshot',
    where: 'in the page view of a PDF',
  },
  'article-outline': {
    title: 'Outline of the article (jump to a section)',
    group: 'Reading',
    keys: ['Mod+Shift+H'],
    aliases: 'headings sections contents table toc',
    where: 'with an article that has headings open',
  },
  'close-article': { title: 'Close the article', group: 'Reading', keys: [] },
  'new-note': { title: 'New note', group: 'Notes', keys: ['Mod+N', 'Mod+Alt+N'], aliases: 'create write' },
  'export-note': {
    title: 'Export note as Markdown…',
    group: 'Notes',
    keys: ['Mod+Shift+S'],
    aliases: 'save download md',
  },
  'verify-quotes': {
    title: 'Verify quotes in exported Markdown…',
    group: 'Notes',
    keys: [],
    aliases: 'check citations integrity fingerprint vault file',
  },
  'focus-note': { title: 'Go to the note', group: 'Notes', keys: [], aliases: 'write editor' },
  'close-note': { title: 'Close the note', group: 'Notes', keys: [] },
  'share-live-note': {
    title: 'Share the note live…',
    group: 'Notes',
    keys: [],
    aliases: 'collaborate co-edit together yjs',
  },
  'join-live-note': {
    title: 'Join live note…',
    group: 'Notes',
    keys: [],
    aliases: 'collaborate co-edit together yjs shared',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    group: 'Help',
    keys: ['?', 'F1'],
    aliases: 'help keys cheat sheet',
    where: '? when not typing',
  },
} as const satisfies Record<string, CommandInfo>

export type CommandId = keyof typeof COMMANDS

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[]

/** The Electron accelerator of a chord: `Mod+Shift+O` is `CmdOrCtrl+Shift+O`. */
export function acceleratorOf(chord: string): string {
  return chord.replace(/^Mod\+|\+Mod\+/g, (mod) => mod.replace('Mod', 'CmdOrCtrl'))
}

/** A command's first chord as an Electron accelerator, or undefined when it has none. */
export function menuAccelerator(id: CommandId): string | undefined {
  const first = (COMMANDS[id].keys as readonly string[])[0]
  return first ? acceleratorOf(first) : undefined
}

/** Keys that act on what has the focus rather than run a command; the sheet and the README list them too. */
export const FOCUS_KEYS: readonly { where: string; keys: string; what: string }[] = [
  { where: 'Article text', keys: '←/→/↑/↓, Home/End', what: 'Move the caret (Tab into the article first)' },
  { where: 'Article text', keys: 'Shift+arrows', what: 'Select; the selection snaps to whole words' },
  { where: 'Article text', keys: 'Ctrl+Shift+←/→ (⌥⇧←/→ on a Mac)', what: 'Select word by word' },
  { where: 'Article text', keys: 'Mod+A', what: 'Select the whole article (only its text)' },
  { where: 'Article text', keys: 'Escape', what: 'Clear the selection' },
  { where: 'Lists and results', keys: '↑/↓, Enter', what: 'Move and open' },
  {
    where: 'Library and Notes lists',
    keys: 'Home/End, Delete',
    what: 'First and last row; Delete asks, then deletes (with Undo)',
  },
  {
    where: 'Article outline',
    keys: '↑/↓, Home/End, Enter, Escape',
    what: 'Move, jump to the section, close',
  },
  { where: 'Note title', keys: 'Enter', what: 'Save the title and go on writing in the note' },
  { where: 'Dialogs and palettes', keys: 'Escape', what: 'Close, back to where you were' },
]

/** How the README writes a chord: `Mod` is "Ctrl/⌘". */
export function readmeChord(chord: string): string {
  return chord.replace(/\bMod\b/g, 'Ctrl/⌘')
}

/** The README's Keyboard tables, made from the tables above so that they cannot drift apart. */
export function keyboardMarkdown(): string {
  const commandRows = COMMAND_IDS.map((id) => {
    const { title, keys } = COMMANDS[id] as CommandInfo
    const where = (COMMANDS[id] as CommandInfo).where
    const shown = keys.length > 0 ? keys.map((chord) => `\`${readmeChord(chord)}\``).join(' or ') : 'palette'
    return `| ${title} | ${shown}${where ? ` (${where})` : ''} |`
  })
  const focusRows = FOCUS_KEYS.map(
    ({ where, keys, what }) => `| ${where} | \`${readmeChord(keys)}\` | ${what} |`,
  )
  return [
    '| Command | Keys |',
    '| --- | --- |',
    ...commandRows,
    '',
    '| Where | Keys | What |',
    '| --- | --- | --- |',
    ...focusRows,
  ].join('\n')
}
