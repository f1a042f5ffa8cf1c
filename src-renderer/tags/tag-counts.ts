// Helpers for the sidebar's tag list; the counts themselves come from the library (use-tag-counts.ts).
import type { TagCount } from '../../src-main/core/library-lookups'

export type { TagCount }

/** Anything that carries tags: an article or a note summary. */
interface Tagged {
  tags: string[]
}

/** How many things carry the tag in all. */
export function total(count: TagCount): number {
  return count.articles + count.notes + count.excerpts
}

/** The items carrying a tag; all of them when no tag is chosen. */
export function carryingTag<T extends Tagged>(items: T[], tag: string | null): T[] {
  return tag === null ? items : items.filter((item) => item.tags.includes(tag))
}
