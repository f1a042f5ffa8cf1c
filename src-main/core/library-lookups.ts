import type { Article, Excerpt, NoteSummary } from './records'

// Answers a window needs about the whole library (one article's record, its newer copy, the tag
// counts), worked out here so that no window has to hold every article to get them.

/** One tag and how many articles, notes and excerpts carry it. */
export interface TagCount {
  tag: string
  articles: number
  notes: number
  excerpts: number
}

interface Tagged {
  tags: readonly string[]
}

/** An article's record without its body, or null when the library no longer holds it. */
export function articleRecord(articles: readonly Article[], id: string): Article | null {
  return articles.find((article) => article.id === id) ?? null
}

/**
 * The newest later import of the same file name (or, for a link, the same address) with other text:
 * what the reader offers to make the new version of the open article.
 */
export function newerCopyOf(articles: readonly Article[], article: Article): Article | null {
  let newest: Article | null = null
  for (const other of articles) {
    if (other.id === article.id || other.contentHash === article.contentHash) continue
    if (other.importedAt <= article.importedAt) continue
    const sameSource = article.sourceUrl
      ? other.sourceUrl === article.sourceUrl
      : other.sourceName === article.sourceName
    if (sameSource && (!newest || other.importedAt > newest.importedAt)) newest = other
  }
  return newest
}

/** Every tag in use on articles, notes and excerpts, most used first, then by name. */
export function tagCounts(
  articles: readonly Tagged[],
  notes: readonly Pick<NoteSummary, 'tags'>[],
  excerpts: readonly Pick<Excerpt, 'tags'>[],
): TagCount[] {
  const counts = new Map<string, TagCount>()
  const countFor = (tag: string) => {
    let count = counts.get(tag)
    if (!count) counts.set(tag, (count = { tag, articles: 0, notes: 0, excerpts: 0 }))
    return count
  }
  // A set per item: a tag written twice in one note still counts that note once.
  for (const article of articles) for (const tag of new Set(article.tags)) countFor(tag).articles++
  for (const note of notes) for (const tag of new Set(note.tags)) countFor(tag).notes++
  for (const excerpt of excerpts) for (const tag of new Set(excerpt.tags)) countFor(tag).excerpts++
  const total = (count: TagCount) => count.articles + count.notes + count.excerpts
  return [...counts.values()].sort((a, b) => total(b) - total(a) || a.tag.localeCompare(b.tag))
}
