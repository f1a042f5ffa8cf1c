/** Longest file name stem we produce, in characters (well under every file system's 255-byte limit). */
export const MAX_STEM_LENGTH = 100

// Characters Windows, macOS or Linux refuse in a name, plus control characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i

/** A file name for a note's Markdown: the title without unsafe characters, at most ~100 characters, `.md`. */
export function noteFileName(title: string): string {
  let stem = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim()
  stem = truncate(stem, MAX_STEM_LENGTH)
    // A leading dot hides the file; a trailing dot or space is dropped by Windows.
    .replace(/^[.\s]+|[.\s]+$/g, '')
  if (!stem) stem = 'Untitled note'
  if (WINDOWS_RESERVED.test(stem)) stem += ' note'
  return `${stem}.md`
}

/** Cuts to at most `max` characters without splitting a surrogate pair, preferring a word boundary. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  const cut = chars.slice(0, max).join('')
  const space = cut.lastIndexOf(' ')
  return space > max * 0.6 ? cut.slice(0, space) : cut
}
