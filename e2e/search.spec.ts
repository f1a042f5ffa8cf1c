import { test, expect } from './fixtures'
import { FIRST_IMPORT_TIMEOUT } from './pages/library-page'
import { SearchPage } from './pages/search-page'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'
import { join } from 'node:path'
import { REPO_ROOT } from './target'

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null

const SENTENCE = 'The U.S., Turkey and Iran have all criticized the vote.'

test('one search box finds articles, excerpts and notes, and opens each at the words it matched', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const { page } = app
  const search = new SearchPage(page)
  await library.importFiles([SAMPLE_ARTICLE])
  await expect(library.rows).toHaveCount(1, { timeout: FIRST_IMPORT_TIMEOUT })
  await library.open('Iraq Kurdish Referendum 2017')
  await reader.select(SENTENCE)
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(1)
  await notes.create()
  await notes.rename('Zeppelin notes')
  await notes.editor.click()
  await page.keyboard.type('A zeppelin crossed the border at dawn.')
  await expect(notes.saveStatus).toHaveText(/saved/i)
  await notes.create()
  await notes.rename('Another note')

  // A body word in the article: the reader opens with it lit.
  await search.search('kirkuk')
  await expect(search.hits).toHaveCount(1)
  await expect(search.hits.first()).toHaveAttribute('data-kind', 'article')
  await expect(search.hits.first().locator('mark').first()).toHaveText(/kirkuk/i)
  await page.getByRole('button', { name: 'Close article' }).click()
  await search.hits.first().click()
  expect((await search.litWords()).toLowerCase()).toBe('kirkuk')

  // The excerpt ranks above the article it came from, and opens the reader at it.
  await search.search('criticized')
  await expect(search.hits.first()).toHaveAttribute('data-kind', 'excerpt')
  await expect(search.hits.nth(1)).toHaveAttribute('data-kind', 'article')
  if (SCREENSHOTS)
    for (const [width, height] of [
      [1024, 700],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: join(SCREENSHOTS, `search-${width}.png`) })
    }
  await search.hits.first().click()
  await expect(reader.activeHighlight).toContainText('criticized the vote')

  // A note's words, by their beginning as typed; Enter opens it with the words lit.
  await page.keyboard.press('ControlOrMeta+Shift+F')
  await expect(search.input).toBeFocused()
  await page.keyboard.type('zeppe')
  await expect(search.hits).toHaveCount(1)
  await expect(search.hits.first()).toHaveAttribute('data-kind', 'note')
  await page.keyboard.press('Enter')
  await expect(notes.titleField).toHaveValue('Zeppelin notes')
  expect((await search.litWords()).toLowerCase()).toBe('zeppelin')

  // Kinds narrow the results; Escape clears the box and the lists come back.
  await search.search('zeppelin border')
  await page.getByRole('button', { name: 'Articles', exact: true }).click()
  await expect(search.status).toHaveText('Nothing found.')
  await search.input.focus()
  await page.keyboard.press('Escape')
  await expect(search.input).toHaveValue('')
  await expect(library.rows).toHaveCount(1)
})

test('what is saved is found at once, and a search finding nothing says so', async ({ app, notes }) => {
  const { page } = app
  const search = new SearchPage(page)
  await notes.create()
  await notes.rename('Fresh')
  await notes.editor.click()
  await page.keyboard.type('Quasars and pulsars.')
  await expect(notes.saveStatus).toHaveText(/saved/i)
  await search.search('pulsars')
  await expect(search.hits).toHaveCount(1)
  await notes.editor.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Magnetars too.')
  await expect(notes.saveStatus).toHaveText(/saved/i)
  await search.search('magnetars')
  await expect(search.hits).toHaveCount(1)
  await search.search('"pulsars and quasars"')
  await expect(search.status).toHaveText('Nothing found.')
})
