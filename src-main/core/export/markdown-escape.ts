// Escaping of literal text for CommonMark/GFM, so that words a person wrote (or quoted) come
// back as the same words and never as syntax. Pure string code: the editor bundle uses it too.

/** Characters that start inline syntax anywhere in a line (GFM adds `~` strikethrough and `|` tables). */
const INLINE_SPECIALS = /[\\`*_[\]<~|]/g
/** The subset that @lexical/markdown does not escape itself in text nodes (it does `\ ` * _ ~`). */
const INLINE_SPECIALS_LEXICAL_MISSES = /[[\]<|]/g
/** An `&` that would be read as a character reference (`&amp;`, `&#35;`). */
const ENTITY_LIKE = /&(?=#?[A-Za-z0-9]+;)/g

/** Which inline characters to escape: all of them, or only those @lexical/markdown leaves alone. */
export type InlineEscapes = 'all' | 'lexical-misses'

/** Escapes the characters that would start inline Markdown syntax, with `mark` as the escape character. */
export function escapeInline(text: string, escapes: InlineEscapes, mark = '\\'): string {
  const specials = escapes === 'all' ? INLINE_SPECIALS : INLINE_SPECIALS_LEXICAL_MISSES
  return text.replace(specials, (c) => mark + c).replace(ENTITY_LIKE, mark + '&')
}

/**
 * Escapes what would make a line start a block: a heading, block quote, list item, thematic break,
 * setext underline or indented code. `line` is already inline-escaped; `mark` is the escape character.
 */
export function escapeLineStart(line: string, mark = '\\'): string {
  // Four spaces of indentation would make code; a character reference keeps the first space a space.
  const indented = /^[ \t]/.exec(line)
  if (indented) return (indented[0] === ' ' ? '&#32;' : '&#9;') + line.slice(1)
  // `#tag` is no heading (one needs a space after the #s), and stays as written for tag-aware apps.
  if (/^#{1,6}(?=[ \t]|$)/.test(line) || line.startsWith('>')) return mark + line
  if (/^[-+](?=[ \t]|$)/.test(line)) return mark + line
  if (/^[-=]+[ \t]*$/.test(line)) return mark + line
  const ordered = /^(\d{1,9})([.)])(?=[ \t]|$)/.exec(line)
  if (ordered) return ordered[1] + mark + line.slice(ordered[1]!.length)
  return line
}

/** Escapes a heading's closing `#` sequence, which CommonMark would otherwise strip. */
export function escapeHeadingEnd(text: string, mark = '\\'): string {
  return text.replace(/([ \t])(#+[ \t]*)$/, `$1${mark}$2`)
}

/** Escapes one line of literal text completely (inline and line start). */
export function escapeLine(line: string): string {
  return escapeLineStart(escapeInline(line, 'all'))
}

/** Reverses Markdown backslash escapes and the character references this module writes. */
export function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#32;/g, ' ')
    .replace(/&#9;/g, '\t')
}
