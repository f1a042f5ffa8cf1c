// File names for an exported vault: safe on Windows, macOS and Linux whatever the title, unique
// ignoring case and Unicode normalization (as APFS and NTFS compare them), and stable across re-exports.

/** Most UTF-8 bytes a stem may take, leaving room for ` (99)`, `.commonplace` and an extension within 255. */
const MAX_STEM_BYTES = 180

// Characters Windows, macOS or Linux refuse in a name, control characters, and the bidirectional
// controls that can make a name display as something else (`exe.md` shown as `dm.exe`).
// eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i

/** A title as a file name stem: no unsafe characters, no leading or trailing dots and spaces, short enough, never a device name. */
export function safeStem(title: string, fallback: string): string {
  let stem = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim()
  stem = truncateBytes(stem, MAX_STEM_BYTES).replace(/^[.\s]+|[.\s]+$/g, '')
  if (!stem) stem = fallback
  // Windows refuses `CON`, and also `CON.md` and `con.notes`: what comes before the first dot counts.
  const dot = stem.indexOf('.')
  const first = dot < 0 ? stem : stem.slice(0, dot)
  if (WINDOWS_RESERVED.test(first.trimEnd())) stem = `${first} (file)${dot < 0 ? '' : stem.slice(dot)}`
  return stem
}

/** Cuts to at most `max` UTF-8 bytes at a character boundary, preferring a word boundary. */
function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text
  let cut = ''
  for (const char of text) {
    if (Buffer.byteLength(cut + char, 'utf8') > max) break
    cut += char
  }
  const space = cut.lastIndexOf(' ')
  return space > cut.length * 0.6 ? cut.slice(0, space) : cut
}

/** How two names compare on a case-insensitive file system. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

/**
 * Hands out names in one folder: a thing keeps the name it had last time when it still fits its
 * title; otherwise it gets its title's stem, with ` (2)`, ` (3)` … when taken (ignoring case).
 */
export class FolderNames {
  private readonly taken = new Set<string>()

  /** `reserved`: names that must not be handed out (files in the folder the export did not write). */
  constructor(reserved: Iterable<string>) {
    for (const name of reserved) this.taken.add(nameKey(name))
  }

  /** A name for `title` with `extension` (`.md`); `previous` is the name it had in the last export. */
  claim(title: string, extension: string, fallback: string, previous?: string): string {
    const stem = safeStem(title, fallback)
    const fits = previous !== undefined && previous.startsWith(stem) && previous.endsWith(extension)
    if (fits && !this.taken.has(nameKey(previous))) return this.take(previous)
    for (let n = 1; ; n++) {
      const name = `${n === 1 ? stem : `${stem} (${n})`}${extension}`
      if (!this.taken.has(nameKey(name))) return this.take(name)
    }
  }

  private take(name: string): string {
    this.taken.add(nameKey(name))
    return name
  }
}
