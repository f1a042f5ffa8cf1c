import { test, expect } from './fixtures'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'

const SAMPLE = SAMPLE_ARTICLE
const SENTENCE = 'The U.S., Turkey and Iran have all criticized the vote.'

test.skip(({ app }) => app.target !== 'browser', 'browser-mode addresses; the desktop scheme is unit-tested')

test('a note’s copied link, and an excerpt’s address, open them when the page loads or the address changes', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const { page } = app
  await library.importFiles([SAMPLE])
  await library.open('Iraq Kurdish Referendum 2017')
  await reader.select(SENTENCE)
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(1)
  const excerptId = await reader.excerptItems.first().getAttribute('data-excerpt-id')
  await reader.excerptItems.first().getByTestId('excerpt-quote').click()
  await reader.excerptItems.first().getByTestId('copy-excerpt-link').click()
  await expect(page.getByText(/^Copied http.*#\/excerpt\//)).toHaveText(new RegExp(`#/excerpt/${excerptId}$`))
  await page.getByRole('button', { name: 'Close article' }).click()
  await expect(reader.root).toBeHidden()

  await notes.create()
  await notes.rename('Linked note')
  await page.getByTestId('copy-note-link').click()
  const notice = page.getByText(/^Copied http.*#\/note\//)
  await expect(notice).toBeVisible()
  const link = (await notice.textContent())!.replace(/^Copied /, '')
  expect(link).toMatch(/#\/note\/n-[a-z0-9]+$/)
  await page.getByRole('button', { name: 'Close note' }).click()
  await expect(notes.editor).toBeHidden()

  // At load: the same tab (it keeps the session token) opens the copied address.
  await page.goto(link)
  await expect(page.getByTestId('note-title')).toHaveValue('Linked note')
  await expect(page).not.toHaveURL(/#\/note\//) // followed once, then taken out of the address

  // On a change of address: the excerpt opens its article at the passage.
  await page.evaluate((id) => (window.location.hash = `#/excerpt/${id}`), excerptId)
  await expect(reader.activeHighlight.first()).toContainText('Turkey and Iran')

  // A link to something that is gone says so.
  await page.evaluate(() => (window.location.hash = '#/note/n-gone'))
  await expect(page.getByText(/linked note cannot be opened/i)).toBeVisible()
})
