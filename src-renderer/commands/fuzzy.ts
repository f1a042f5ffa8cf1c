import fuzzysort from 'fuzzysort'

/**
 * The items whose text matches what was typed, best first, at most `limit`; with nothing typed, the
 * first `limit` items as given. Letters may be skipped ("nwnt" finds "New note"), as in Sublime Text
 * or VS Code; fuzzysort does the matching and scoring.
 */
export function fuzzyRank<T>(
  typed: string,
  items: readonly T[],
  texts: (item: T) => string[],
  limit: number,
): T[] {
  const words = typed.trim()
  if (!words) return items.slice(0, limit)
  const found = fuzzysort.go(words, items, {
    keys: texts(items[0] as T).map((_, index) => (item: T) => texts(item)[index] ?? ''),
    limit,
    // fuzzysort's default (0.5) drops loose abbreviations such as "nwnt"; below 0.2 is mostly noise.
    threshold: 0.2,
  })
  return found.map((result) => result.obj)
}
