// The sidebar's tag list, worked out from the articles and notes the window already holds, so it is
// current the moment either list changes (a tag set in the reader, a note saved).

/** Anything that carries tags: an article or a note summary. */
interface Tagged {
  tags: string[]
}

/** One tag and how many articles, notes and excerpts carry it. */
export interface TagCount {
  tag: string
  articles: number
  notes: number
  excerpts: number
}

/** The excerpts' tags, counted by the library (excerpts are not all in the window). */
export interface ExcerptTagTotal {
  tag: string
  excerpts: number
}

/** Every tag in use, most used first, then by name. */
export function tagCounts(
  articles: readonly Tagged[],
  notes: readonly Tagged[],
  excerptTags: readonly ExcerptTagTotal[] = [],
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
  for (const { tag, excerpts } of excerptTags) countFor(tag).excerpts += excerpts
  return [...counts.values()].sort((a, b) => total(b) - total(a) || a.tag.localeCompare(b.tag))
}

/** How many things carry the tag in all. */
export function total(count: TagCount): number {
  return count.articles + count.notes + count.excerpts
}

/** The items carrying a tag; all of them when no tag is chosen. */
export function carryingTag<T extends Tagged>(items: T[], tag: string | null): T[] {
  return tag === null ? items : items.filter((item) => item.tags.includes(tag))
}
