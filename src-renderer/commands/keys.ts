// Key chords as the command table writes them (`Mod+Shift+P`, `?`, `F1`): matching a keydown, and
// showing them the way this platform writes them.

const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

interface Chord {
  mod: boolean
  shift: boolean
  alt: boolean
  /** The key: a letter or digit (matched by its physical key), F-keys, or a character such as `?`. */
  key: string
}

function parse(chord: string): Chord {
  const parts = chord.split('+')
  const key = parts.pop() ?? ''
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key }
}

/** Whether a keydown is this chord. Letters and digits go by physical key, so Shift or Alt do not change them. */
export function matchesChord(event: KeyboardEvent, chord: string): boolean {
  const { mod, shift, alt, key } = parse(chord)
  const modDown = IS_APPLE ? event.metaKey : event.ctrlKey
  const otherMod = IS_APPLE ? event.ctrlKey : event.metaKey
  if (modDown !== mod || otherMod || event.altKey !== alt) return false
  // AltGr arrives as Ctrl+Alt on Windows and types characters: never a shortcut.
  if (event.getModifierState?.('AltGraph')) return false
  if (/^[A-Z]$/.test(key)) return event.shiftKey === shift && event.code === `Key${key}`
  if (/^[0-9]$/.test(key)) return event.shiftKey === shift && event.code === `Digit${key}`
  // Named keys (F1, Enter…) are the same with or without Shift: Shift is part of the chord.
  if (/^(F\d+|Enter|Escape|Tab|Backspace|Delete)$/.test(key))
    return event.shiftKey === shift && event.key === key
  // A character such as `?` is typed with whatever Shift the keyboard layout needs.
  return event.key === key
}

/** The chord as this platform writes it: `Ctrl+Shift+P`, or `⌘⇧P` on a Mac. */
export function chordLabel(chord: string): string {
  const { mod, shift, alt, key } = parse(chord)
  if (IS_APPLE) return `${mod ? '⌘' : ''}${alt ? '⌥' : ''}${shift ? '⇧' : ''}${key}`
  return [mod ? 'Ctrl' : null, alt ? 'Alt' : null, shift ? 'Shift' : null, key].filter(Boolean).join('+')
}

/** The chords in the form of the aria-keyshortcuts attribute (`Control+Shift+P Meta+Shift+P`). */
export function ariaKeyShortcuts(chords: readonly string[]): string | undefined {
  if (chords.length === 0) return undefined
  return chords.map((chord) => chord.replace(/^Mod\+/, IS_APPLE ? 'Meta+' : 'Control+')).join(' ')
}

/** Whether a single key (a character, not a chord) typed here is text rather than a command. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
  return false
}
