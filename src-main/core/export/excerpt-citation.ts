// The Markdown form of an excerpt block: the quoted words as a block quote whose last paragraph
// is a citation line. The grammar is documented in docs/markdown-export.md; `parseCitation`
// reads it back, so keep the two in step.
import type { ExcerptFields } from '../notes/excerpt-node'
import { escapeInline, escapeLine, unescapeMarkdown } from './markdown-escape'
import { deepLinkUrl } from '../deep-links'

/** Where an excerpt's source stands now: its current title and origin, or null once it has left the library. */
export type CitationSource = { title: string; sourceName: string | null; sourceUrl: string | null } | null

/** What the citation line ends with when the excerpt or its article is no longer in the library. */
export const SOURCE_REMOVED = 'source removed from the library'
const DASH = '—'
const SEPARATOR = ' · '

/** Only these schemes become links in an export; anything else is written as plain text. */
export function isSafeUrl(url: string): boolean {
  return /^(https?|mailto):/i.test(url.trim())
}

/**
 * An excerpt block as Markdown. `source` is the article as it is now (title and origin may have
 * been edited since the excerpt was made); null means it was removed and the block's own copy is cited.
 */
export function excerptToMarkdown(excerpt: ExcerptFields, source: CitationSource): string {
  const cited = source ?? excerpt
  const title = 'title' in cited ? cited.title : cited.sourceTitle
  const picture = excerpt.area ? (scope?.areaImage?.(excerpt.excerptId) ?? null) : null
  const paragraphs = excerpt.area
    ? [pictureMarkdown(excerpt.area.page, title, picture?.href ?? null)]
    : quoteParagraphs(excerpt.quote).map((lines) => lines.map(escapeLine).join('\\\n'))
  const citation = citationLine(
    {
      title,
      sourceName: cited.sourceName,
      sourceUrl: cited.sourceUrl,
      date: excerptDate(excerpt.excerptedAt),
      excerptId: excerpt.excerptId,
      removed: source === null,
      fingerprint: excerpt.area
        ? (picture?.fingerprint ?? null)
        : (scope?.fingerprint?.(excerpt.quote) ?? null),
    },
    citationHref(excerpt.excerptId, source === null),
  )
  if (scope?.style === 'footnotes') {
    scope.footnotes.push(citation.slice(DASH.length + 1))
    const last = paragraphs.length - 1
    paragraphs[last] = `${paragraphs[last]}[^${scope.footnotes.length}]`
    return blockQuote(paragraphs)
  }
  return blockQuote([...paragraphs, citation])
}

/**
 * Where a citation's excerpt id links to: the excerpt's block in a vault's source file, else its
 * deep link, which opens it in Commonplace. A removed excerpt has nothing left to open.
 */
function citationHref(excerptId: string, removed: boolean): string | null {
  if (removed) return null
  return scope?.excerptHref?.(excerptId) ?? deepLinkUrl({ kind: 'excerpt', id: excerptId })
}

/**
 * An area excerpt's picture: `![Page 3 of Title](attachments/ex-….png)`; without a file (its excerpt
 * has left the library), the same words in brackets, so the block still says what was there.
 */
export function pictureMarkdown(page: number, title: string, href: string | null): string {
  const alt = escapeInline(`Page ${page} of ${singleLine(title) || 'Untitled source'}`, 'all')
  return href ? `![${alt}](${linkPath(href)})` : `\\[${alt}\\]`
}

/** Paragraphs as one block quote. */
function blockQuote(paragraphs: string[]): string {
  return paragraphs
    .join('\n\n')
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n')
}

/** The quote's paragraphs (split on blank lines), each as its non-empty lines without outer whitespace. */
function quoteParagraphs(quote: string): string[][] {
  const paragraphs = quote
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0)
  // An excerpt of nothing but whitespace is not possible through the app; keep the block well-formed anyway.
  return paragraphs.length > 0 ? paragraphs : [['…']]
}

/** The UTC calendar date of an ISO time, or `undated`. */
function excerptDate(iso: string): string {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? 'undated' : new Date(time).toISOString().slice(0, 10)
}

/** The parts of a citation line. */
export interface Citation {
  title: string
  sourceName: string | null
  sourceUrl: string | null
  /** `YYYY-MM-DD`, or `undated`. */
  date: string
  excerptId: string
  removed: boolean
  /** `sha256:` and 12 hex digits of the quoted words (verify/quote-fingerprint.ts); null in files from before it. */
  fingerprint: string | null
}

/** How excerpt blocks are cited: a line under each quote, or a footnote at the end of the note. */
export type CitationStyle = 'inline' | 'footnotes'

interface CitationScope {
  style: CitationStyle
  /** Citation texts (without the dash) in footnote order. */
  footnotes: string[]
  /** Where an excerpt's id should link to (a vault's source file and block), or null for a plain id. */
  excerptHref?: (excerptId: string) => string | null
  /** The fingerprint of quoted words, written after the id (computed in the main process only). */
  fingerprint?: (words: string) => string
  /** Where an area excerpt's picture is written, and its fingerprint; null when it is not in the library. */
  areaImage?: AreaImageOf
}

/** An area excerpt's picture file (relative to the Markdown file) and the fingerprint of its bytes. */
export type AreaImageOf = (excerptId: string) => { href: string; fingerprint: string } | null

let scope: CitationScope | null = null

/**
 * Runs one synchronous export with excerpt blocks cited in `style` (and their ids linked through
 * `excerptHref`); returns its result and the footnote definitions to end the file with.
 */
export function withCitations<T>(
  style: CitationStyle,
  excerptHref: ((excerptId: string) => string | null) | undefined,
  run: () => T,
  fingerprint?: (words: string) => string,
  areaImage?: AreaImageOf,
): { result: T; footnotes: string } {
  const previous = scope
  const current: CitationScope = { style, footnotes: [], excerptHref, fingerprint, areaImage }
  scope = current
  try {
    const result = run()
    const footnotes = current.footnotes.map((text, index) => `[^${index + 1}]: ${text}`).join('\n')
    return { result, footnotes }
  } finally {
    scope = previous
  }
}

/**
 * `— *Title*, source, 2017-10-23 · ex-id` (with ` · source removed from the library` when it is gone);
 * with `href`, the id is a link to it: `[ex-id](commonplace://excerpt/ex-id)`, `[ex-id](sources/x.md#^ex-id)`.
 */
export function citationLine(citation: Citation, href: string | null = null): string {
  const title = singleLine(citation.title) || 'Untitled source'
  const parts = [`${DASH} *${escapeInline(title, 'all')}*`]
  const origin = originMarkdown(citation.sourceName, citation.sourceUrl)
  if (origin) parts.push(origin)
  parts.push(citation.date)
  const seal =
    citation.fingerprint && FINGERPRINT.test(citation.fingerprint) ? SEPARATOR + citation.fingerprint : ''
  const tail = citation.removed ? SEPARATOR + SOURCE_REMOVED : ''
  const id = safeId(citation.excerptId)
  return parts.join(', ') + SEPARATOR + (href ? `[${id}](${linkPath(href)})` : id) + seal + tail
}

function originMarkdown(sourceName: string | null, sourceUrl: string | null): string | null {
  const name = singleLine(sourceName ?? '')
  const url = singleLine(sourceUrl ?? '')
  if (url && isSafeUrl(url)) return `[${escapeInline(name || url, 'all')}](${linkDestination(url)})`
  const text = name || url
  return text ? escapeInline(text, 'all') : null
}

/** A link destination in the pointy form, which takes any character once `<`, `>`, `\\` and character references are escaped. */
function linkDestination(url: string): string {
  return `<${url.replace(/[<>\\]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')}>`
}

/** A link as a plain destination: the path percent-encoded (spaces, parentheses), a `#^block` fragment kept. */
function linkPath(href: string): string {
  const hash = href.indexOf('#')
  const path = hash < 0 ? href : href.slice(0, hash)
  const fragment = hash < 0 ? '' : href.slice(hash)
  return encodeURI(path).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) + fragment
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Ids are `[a-z0-9-]` by construction; anything else is dropped so the line stays parseable. */
function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '') || 'unknown'
}

/** A fingerprint as written: `sha256:` and 12 lower-case hex digits. */
const FINGERPRINT = /^sha256:[0-9a-f]{12}$/
const CITATION = new RegExp(
  `^${DASH} \\*((?:\\\\.|[^\\\\*])*)\\*(?:, (.+?))?, (\\d{4}-\\d{2}-\\d{2}|undated)` +
    `${SEPARATOR}(?:([A-Za-z0-9_-]+)|\\[([A-Za-z0-9_-]+)\\]\\([^\\s()<>]+\\))` +
    `(?:${SEPARATOR}(sha256:[0-9a-f]{12}))?(${SEPARATOR}${SOURCE_REMOVED})?$`,
)
/** A footnote's citation text, `*Title*, …`, as `parseCitation` reads it. */
const FOOTNOTE_DEFINITION = /^\[\^(\d+)\]: (\*.*)$/
const LINKED_ORIGIN = /^\[((?:\\.|[^\\\]])*)\]\(<((?:\\.|[^\\<>])*)>\)$/

/** Reads a citation line (without its `> ` prefix) back into its parts; null if it is not one. */
export function parseCitation(line: string): Citation | null {
  const match = CITATION.exec(line)
  if (!match) return null
  const [, title, origin, date, plainId, linkedId, fingerprint, removed] = match
  let sourceName: string | null = null
  let sourceUrl: string | null = null
  if (origin) {
    const link = LINKED_ORIGIN.exec(origin)
    if (link) {
      sourceUrl = link[2]!.replace(/\\([<>\\&])/g, '$1')
      const text = unescapeMarkdown(link[1]!)
      sourceName = text === sourceUrl ? null : text
    } else {
      sourceName = unescapeMarkdown(origin)
    }
  }
  return {
    title: unescapeMarkdown(title!),
    sourceName,
    sourceUrl,
    date: date!,
    excerptId: (plainId ?? linkedId)!,
    removed: !!removed,
    fingerprint: fingerprint ?? null,
  }
}

/** Reads a footnote definition line holding a citation: its number and the citation; null if it is not one. */
export function parseCitationFootnote(line: string): { label: string; citation: Citation } | null {
  const match = FOOTNOTE_DEFINITION.exec(line)
  const citation = match && parseCitation(`${DASH} ${match[2]}`)
  return citation ? { label: match[1]!, citation } : null
}
