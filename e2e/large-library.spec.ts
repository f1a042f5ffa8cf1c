import { test, expect } from './fixtures'
import { SearchPage } from './pages/search-page'
import { fillLibrary } from './pages/bulk-library'

const COUNT = 1000

/** The n-th article of the ledger, found by its own word `waypointN`. */
const ledger = (n: number) => ({
  text: `Entry ${n} of the ledger mentions waypoint${n} and the harbour.`,
  fields: { title: `Ledger entry ${n}`, sourceName: `entry-${n}.txt` },
})

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
  await fillLibrary(app.libraryDir, COUNT, ledger)
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
