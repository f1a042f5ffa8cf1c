import { test, expect } from './fixtures'
import { SearchPage } from './pages/search-page'
import { LibraryStore } from '../src-main/core/store/library-store'
import { newId } from '../src-main/core/ids'
import { hashText } from '../src-main/core/import/import-files'
import type { Article } from '../src-main/core/records'

const COUNT = 1000

/** Writes COUNT short articles through the store, as the CLI beside the app would. */
async function fillLibrary(dir: string): Promise<void> {
  const store = await LibraryStore.open(dir)
  const articles: { article: Article; text: string }[] = []
  for (let n = 1; n <= COUNT; n++) {
    const text = `Entry ${n} of the ledger mentions waypoint${n} and the harbour.`
    articles.push({
      text,
      article: {
        id: newId('a'),
        title: `Ledger entry ${n}`,
        format: 'text',
        sourceName: `entry-${n}.txt`,
        sourceUrl: null,
        importedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
        wordCount: 11,
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

test('a library of 1,000 articles keeps only the rows in view in the page, and a search opens one deep in it', async ({
  app,
  library,
  reader,
}) => {
  const { page } = app
  const row = (n: number) =>
    library.rows.filter({ has: page.locator('.row__title', { hasText: new RegExp(`^Ledger entry ${n}$`) }) })
  // Every API call the window makes, by method: none may ask for the whole library.
  const methods: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.startsWith('/api/')) methods.push(decodeURIComponent(path.slice('/api/'.length)))
  })
  await fillLibrary(app.libraryDir)
  await app.reload()
  const list = page.getByRole('list', { name: 'Articles' })
  await expect(library.rows.first()).toContainText(`Ledger entry ${COUNT}`) // newest first
  expect(await library.rows.count()).toBeLessThan(60)
  await expect(library.rows.first()).toHaveAttribute('aria-setsize', String(COUNT))

  // Scrolled to the end, the oldest is there; still only a screenful of rows.
  await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
  await expect(row(1)).toBeVisible()
  expect(await library.rows.count()).toBeLessThan(60)

  // A search finds one in the middle; opening it brings its row into view, marked as open.
  await list.evaluate((element) => element.scrollTo({ top: 0 }))
  const search = new SearchPage(page)
  await search.search('waypoint500')
  await expect(search.hits).toHaveCount(1)
  await search.hits.first().click()
  await expect(reader.root).toContainText('Entry 500 of the ledger')
  await page.keyboard.press('Escape')
  await expect(row(500)).toHaveAttribute('class', /row--current/)
  await expect(row(500)).toBeInViewport()

  expect(methods).toContain('articles.page')
  expect(methods).toContain('library.tagCounts')
  expect(methods).not.toContain('articles.list')
})
