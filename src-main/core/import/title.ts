/** A readable title from a file name: "iraq-kurdish-referendum-2017.txt" → "Iraq Kurdish Referendum 2017". */
export function titleFromFileName(fileName: string): string | null {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
  const words = stem.split(/[\s_\-.]+/).filter(Boolean)
  if (words.length === 0) return null
  // Names like "document1" or "untitled" say nothing about the content.
  if (words.length === 1 && /^(untitled|document|doc|file|text|new|notes?)\d*$/i.test(words[0]!)) return null
  return words.map((word) => (/^[a-z]/.test(word) ? word[0]!.toUpperCase() + word.slice(1) : word)).join(' ')
}

/** The opening sentence of a text, shortened at a word boundary. */
export function titleFromOpening(text: string, maxLength = 80): string {
  const firstSentence = (text.trim().split(/(?<=[.!?])\s/)[0] ?? '').replace(/\s+/g, ' ')
  if (firstSentence.length <= maxLength) return firstSentence
  const cut = firstSentence.slice(0, maxLength)
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2)).trimEnd() + '…'
}

/** What stands between a title and the name of its site or author: "Mozilla - Wikipedia", "… | Guardian". */
const SEPARATOR = String.raw`\s+[-–—|·•:»/\\]\s+`
const TAIL = new RegExp(`^${SEPARATOR}(.+)$`)
const HEAD = new RegExp(`^(.+?)${SEPARATOR}$`)
/** A site's name or an author's is short; a longer affix is part of the title. */
const MAX_AFFIX_WORDS = 6

/**
 * The title without the site's name or the author's that pages add ("Mozilla - Wikipedia",
 * "… | Eleanor Ainge Roy"), when the page itself gives the clean form: another of its titles (its
 * `<h1>`, JSON-LD headline, Open Graph …) of which the title is that plus a separator and a short
 * tail, or the site name it reports (`siteName`) after a separator. Otherwise the title as it is.
 */
export function withoutSiteAffix(title: string, cleanTitles: string[], siteName?: string | null): string {
  const full = normalize(title)
  const lower = full.toLowerCase()
  const short = (affix: string | undefined) =>
    affix !== undefined && affix.split(' ').filter(Boolean).length <= MAX_AFFIX_WORDS
  let best: string | null = null
  for (const candidate of cleanTitles.map(normalize)) {
    if (!candidate || candidate.length >= full.length || (best && candidate.length <= best.length)) continue
    // Only a tail: a head before a heading ("Shared Mutable History — evolve extension …") is often
    // the real title, with the heading the subtitle.
    const affix = lower.startsWith(candidate.toLowerCase())
      ? TAIL.exec(full.slice(candidate.length))?.[1]
      : undefined
    if (short(affix)) best = candidate
  }
  if (best) return best
  const site = siteName ? normalize(siteName) : ''
  if (site && site.length < full.length && lower.endsWith(site.toLowerCase())) {
    const rest = HEAD.exec(full.slice(0, full.length - site.length))?.[1]
    if (rest) return rest
  }
  return full
}

function normalize(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}
