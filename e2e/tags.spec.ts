import { test, expect } from './fixtures'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from './target'

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null
const SAMPLE_TITLE = 'Iraq Kurdish Referendum 2017'

test('tag articles and notes, see the tags with counts, and filter the lists by one', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const { page } = app
  const scratch = await mkdtemp(join(tmpdir(), 'commonplace-tags-'))
  const markdown = join(scratch, 'field-notes.md')
  await writeFile(markdown, '# Field Notes on Lichens\n\nLichens grow a millimetre a year.\n')

  await library.importSample()
  await expect(reader.root).toContainText(SAMPLE_TITLE)
  await library.importFiles([markdown])
  await expect(library.rows).toHaveCount(2)
  await expect(page.getByTestId('tag-list')).toHaveCount(0)

  // Tag the sample in the reader: Enter and comma add, tags are cleaned, Backspace and × remove.
  await reader.typeTag('  #Policy ', 'Enter')
  await expect(reader.tags).toHaveText(['#policy×'])
  await reader.typeTag('Kurds', 'Comma')
  await reader.typeTag('POLICY', 'Enter')
  await reader.typeTag('iraq', 'Enter')
  await expect(reader.tags).toHaveText(['#policy×', '#kurds×', '#iraq×'])
  await reader.typeTag('', 'Backspace')
  await expect(reader.tags).toHaveText(['#policy×', '#kurds×'])
  await reader.tagField.getByRole('button', { name: 'Remove tag kurds' }).click()
  await expect(reader.tags).toHaveText(['#policy×'])
  await reader.typeTag('referendum', 'Enter')
  await expect(reader.tags).toHaveText(['#policy×', '#referendum×'])

  // Tag the Markdown article too.
  await library.open('Field Notes on Lichens')
  await expect(reader.root).toContainText('Lichens grow')
  await reader.typeTag('lichens', 'Enter')
  await expect(reader.tags).toHaveText(['#lichens×'])

  // A #tag written in a note counts once the note is saved.
  await notes.create()
  await notes.rename('Who objects')
  await notes.editor.click()
  await page.keyboard.type('Turkey and Iran object to the vote. #policy')
  await expect(notes.saveStatus).toHaveText(/saved/i)

  await expect(library.tagItems).toHaveCount(3)
  await expect(library.tagItem('policy')).toHaveText('#policy2')
  await expect(library.tagItem('referendum')).toHaveText('#referendum1')
  await expect(library.tagItem('lichens')).toHaveText('#lichens1')
  // Most used first.
  await expect(library.tagItems.first()).toHaveAttribute('data-tag', 'policy')

  // The tag list survives a reload: the tags are stored, not only shown.
  await app.reload()
  await expect(library.tagItem('policy')).toHaveText('#policy2')

  // Filter by #policy: the sample article and the note; the lichens article is hidden.
  await notes.create()
  await notes.rename('Untagged thoughts')
  await expect(page.getByTestId('note-row')).toHaveCount(2)
  await library.tagItem('policy').click()
  await expect(library.tagFilter).toContainText('Filtered by #policy')
  await expect(library.tagItem('policy')).toHaveAttribute('aria-pressed', 'true')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText(SAMPLE_TITLE)
  await expect(page.getByTestId('note-row')).toHaveCount(1)
  await expect(page.getByTestId('note-row')).toContainText('Who objects')
  await library.open(SAMPLE_TITLE)
  await expect(reader.tags).toHaveText(['#policy×', '#referendum×'])
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'tags.png') })

  // Another tag switches the filter; clicking it again removes it.
  await library.tagItem('lichens').click()
  await expect(library.tagFilter).toContainText('#lichens')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText('Field Notes on Lichens')
  await expect(page.getByText('No notes tagged #lichens.')).toBeVisible()
  await library.tagItem('lichens').click()
  await expect(library.tagFilter).toHaveCount(0)
  await expect(library.rows).toHaveCount(2)

  // "Clear" removes the filter too.
  await library.tagItem('policy').press('Enter')
  await expect(library.rows).toHaveCount(1)
  await library.tagFilter.getByRole('button', { name: 'Clear' }).click()
  await expect(library.tagFilter).toHaveCount(0)
  await expect(library.rows).toHaveCount(2)
  await expect(page.getByTestId('note-row')).toHaveCount(2)
})

test('excerpt tags are chips and count in the Tags list', async ({ app, library, reader }) => {
  await library.importSample()
  await reader.select('The U.S., Turkey and Iran have all criticized the vote.')
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(1)
  const item = reader.excerptItems.first()
  await item.getByTestId('excerpt-quote').click()

  // Added as chips: Enter and comma add, cleaned by the library; × removes.
  const input = item.getByTestId('excerpt-tag-input')
  await input.fill('#Reaction')
  await input.press('Enter')
  await input.fill('iran')
  await input.press('Comma')
  await expect(item.getByTestId('excerpt-tag')).toHaveText(['#reaction×', '#iran×'])

  // The Tags list counts them, saying what carries each.
  await expect(library.tagItem('reaction')).toBeVisible()
  await expect(library.tagItem('reaction').getByTestId('tag-count')).toHaveText('1')
  await expect(library.tagItem('reaction')).toHaveAttribute('title', '1 excerpt')

  // Tagging the article too adds to the count of a tag they share.
  await reader.typeTag('iran', 'Enter')
  await expect(library.tagItem('iran').getByTestId('tag-count')).toHaveText('2')

  await item.getByRole('button', { name: 'Remove tag reaction' }).click()
  await expect(item.getByTestId('excerpt-tag')).toHaveText(['#iran×'])
  await expect(library.tagItem('reaction')).toHaveCount(0)

  // They are the library's: a reload shows the same.
  await app.reload()
  await expect(library.tagItem('iran').getByTestId('tag-count')).toHaveText('2')
})

test('a tag only excerpts carry lists the articles they were cut from', async ({ app, library, reader }) => {
  const { page } = app
  await library.importSampleAndLichens()

  await library.open(SAMPLE_TITLE)
  await reader.select('The U.S., Turkey and Iran have all criticized the vote.')
  await reader.excerptSelection()
  const item = reader.excerptItems.first()
  await item.getByTestId('excerpt-quote').click()
  const input = item.getByTestId('excerpt-tag-input')
  await input.fill('reaction')
  await input.press('Enter')
  await expect(library.tagItem('reaction')).toHaveAttribute('title', '1 excerpt')

  // Picked in the Tags list, it lists the article the excerpt was cut from, not nothing.
  await library.tagItem('reaction').click()
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText(SAMPLE_TITLE)
  await expect(page.getByText(/No articles/)).toHaveCount(0)
})
