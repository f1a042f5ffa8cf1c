import type { LibraryStore } from '../core/store/library-store'
import type { Article } from '../core/records'
import { newId } from '../core/ids'
import { hashText } from '../core/import/import-files'

/**
 * Adds `count` small articles through the store's batch path (a hundred per transaction), for tests
 * that need many records fast; `body` makes each one's text. Tests and benchmarks only.
 */
export async function addBulkArticles(
  store: LibraryStore,
  count: number,
  body: (n: number) => string = (n) => `Article number ${n}. A few words of its own.`,
): Promise<string[]> {
  const ids: string[] = []
  for (let first = 0; first < count; first += 100) {
    const batch: { article: Article; text: string }[] = []
    for (let n = first; n < Math.min(count, first + 100); n++) {
      const text = body(n)
      const id = newId('a')
      ids.push(id)
      batch.push({
        text,
        article: {
          id,
          title: `Bulk article ${n + 1}`,
          format: 'text',
          sourceName: null,
          sourceUrl: null,
          importedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
          wordCount: text.split(/\s+/).length,
          contentHash: hashText(text),
          byline: null,
          siteName: null,
          publishedAt: null,
          lang: 'en',
          dir: null,
          description: null,
          notices: [],
          originalFile: null,
          tags: [],
          titleSetByUser: false,
        },
      })
    }
    await store.transact((draft) => {
      draft.articles.push(...batch.map((entry) => entry.article))
      return {
        bodies: batch.flatMap(({ article, text }) => [
          { path: `articles/${article.id}/content.html`, content: `<p>${text}</p>` },
          { path: `articles/${article.id}/text.txt`, content: text },
        ]),
      }
    })
  }
  return ids
}
