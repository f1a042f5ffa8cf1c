import { test, expect } from './fixtures'
import { fillLibrary } from './pages/bulk-library'

// The sidebar's article list is sorted and filtered by the main process a page at a time: the order
// and the filter hold over the whole library, not only the rows the window has.

const COUNT = 600
const AUTHORS = ['Chen Wei', 'Ada Quill', 'Bruno Écrivain']

/** The n-th article: title order is the reverse of import order (zero-padded backwards). */
const almanac = (n: number) => ({
  text: `Page ${n} of the almanac.`,
  fields: {
    title: `Almanac ${String(COUNT + 1 - n).padStart(4, '0')}`,
    byline: AUTHORS[n % 3]!,
    siteName: n === 123 ? 'Lighthouse Gazette' : null,
    publishedAt: n === 7 ? '2031-02-03T00:00:00.000Z' : null,
    titleSetByUser: true,
  },
})

test('the article list sorts and filters over the whole library, page by page', async ({
  app,
  library,
  reader,
}) => {
  await fillLibrary(app.libraryDir, COUNT, almanac)
  await app.reload()
  // Newest first: the last imported has the smallest title number.
  await expect(library.rows.first()).toContainText('Almanac 0001')
  await expect(library.rows.first()).toHaveAttribute('aria-setsize', String(COUNT))

  await library.sortSelect.selectOption({ label: 'Title' })
  await expect(library.rows.first()).toContainText('Almanac 0001')
  await expect(library.rows.nth(1)).toContainText('Almanac 0002')
  // The end of the order is there when scrolled to, though never sent before.
  const last = await library.reveal('Almanac 0600')
  await expect(last).toHaveAttribute('aria-posinset', String(COUNT))

  await library.sortSelect.selectOption({ label: 'Date published' })
  await expect(library.rows.first()).toContainText('Almanac 0594') // the one with a date (n = 7)

  await library.sortSelect.selectOption({ label: 'Author' })
  // Ada Quill first, her newest first (n = 598).
  await expect(library.rows.first()).toContainText('Almanac 0003')
  await library.filterInput.fill('ecrivain')
  await expect(library.rows.first()).toHaveAttribute('aria-setsize', String(COUNT / 3))

  // A filter narrows as it is typed; site names count; accents and case do not.
  await library.filterInput.fill('lighthouse')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText('Almanac 0478')
  await library.rows.first().locator('.row__main').click()
  await expect(reader.root).toContainText('Page 123 of the almanac')

  await library.filterInput.fill('no such almanac')
  await expect(library.rows).toHaveCount(0)
  await expect(app.page.getByText('No articles match “no such almanac”.')).toBeVisible()

  await library.filterInput.fill('')
  await expect(library.rows.first()).toHaveAttribute('aria-setsize', String(COUNT))
})
