import { LibraryStore } from '../../src-main/core/store/library-store'
import { newId } from '../../src-main/core/ids'
import { hashText } from '../../src-main/core/import/import-files'
import type { Article } from '../../src-main/core/records'

/** What differs between the articles of a generated library: the n-th article's text and fields. */
export interface BulkArticle {
  text: string
  fields: Partial<
    Pick<Article, 'title' | 'sourceName' | 'byline' | 'siteName' | 'publishedAt' | 'titleSetByUser'>
  >
}

/**
 * Writes `count` short text articles through the store in one transaction, as the CLI beside the app
 * would; the n-th (1-based) is imported a minute after the one before it.
 */
export async function fillLibrary(
  dir: string,
  count: number,
  nth: (n: number) => BulkArticle,
): Promise<void> {
  const store = await LibraryStore.open(dir)
  const articles: { article: Article; text: string }[] = []
  for (let n = 1; n <= count; n++) {
    const { text, fields } = nth(n)
    articles.push({
      text,
      article: {
        id: newId('a'),
        title: `Article ${n}`,
        format: 'text',
        sourceName: null,
        sourceUrl: null,
        importedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
        wordCount: text.split(/\s+/).filter(Boolean).length,
        contentHash: hashText(text),
        byline: null,
        siteName: null,
        publishedAt: null,
        lang: null,
        dir: null,
        description: null,
        notices: [],
        originalFile: null,
        tags: [],
        titleSetByUser: false,
        ...fields,
      },
    })
  }
  await store.transact((draft) => {
    draft.articles.push(...articles.map((entry) => entry.article))
    return {
      bodies: articles.flatMap(({ article, text }) => [
        { path: `articles/${article.id}/text.txt`, content: text },
        { path: `articles/${article.id}/content.html`, content: `<p>${text}</p>` },
      ]),
    }
  })
  await store.close()
}
