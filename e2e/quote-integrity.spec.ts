import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { FIRST_IMPORT_TIMEOUT } from './pages/library-page'
import { callApi } from './pages/api'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'
import { screenshotSizes } from './pages/screenshots'
const VOTE = 'The U.S., Turkey and Iran have all criticized the vote.'
const LEADER = 'including the Islamic Republic’s supreme leader'
const TIMING = 'The timing shows the importance Iran has in Iraq'

test('a note quoting an article that is then updated shows which quotes changed, and changes only when asked', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const { page } = app
  await library.importFiles([SAMPLE_ARTICLE])
  await expect(library.importResult).toContainText('Imported', { timeout: FIRST_IMPORT_TIMEOUT })
  await library.open('Iraq Kurdish Referendum 2017')
  for (const words of [VOTE, LEADER, TIMING]) {
    await reader.select(words)
    await reader.excerptSelection()
    await expect(reader.excerptItem(words)).toHaveCount(1)
  }

  await notes.create()
  await notes.rename('What the neighbours said')
  for (const words of [VOTE, LEADER, TIMING]) {
    await notes.editor.press('ControlOrMeta+End')
    await reader
      .excerptItem(words)
      .getByRole('button', { name: /insert/i })
      .click()
  }
  const blocks = notes.excerptBlocks
  await expect(blocks).toHaveCount(3)
  await expect(page.getByTestId('quote-summary')).toHaveText(/All 3 quotes verified/)
  await expect(blocks.getByTestId('quote-status')).toHaveText([/Verified/, /Verified/, /Verified/])
  await expect(notes.saveStatus).toHaveText('Saved')

  // A new version of the article changes two of the quoted sentences.
  const scratch = await mkdtemp(join(tmpdir(), 'commonplace-quotes-'))
  const newVersion = join(scratch, 'iraq-kurdish-referendum-2017.txt')
  const text = await readFile(SAMPLE_ARTICLE, 'utf8')
  await writeFile(
    newVersion,
    text
      .replace('have all criticized the vote', 'have all condemned the vote')
      .replace('supreme leader', 'top leader'),
  )
  await page.getByTestId('update-article-input').setInputFiles(newVersion)

  const vote = blocks.filter({ hasText: 'Turkey and Iran' })
  const leader = blocks.filter({ hasText: 'Islamic Republic' })
  await expect(vote).toHaveAttribute('data-quote-state', 'source changed')
  await expect(leader).toHaveAttribute('data-quote-state', 'source changed')
  await expect(blocks.filter({ hasText: 'The timing shows' })).toHaveAttribute('data-quote-state', 'exact')
  await expect(vote.getByTestId('quote-change-diff')).toContainText('criticized')
  await expect(vote.getByTestId('quote-change-diff').locator('ins')).toHaveText('condemned')
  await expect(page.getByTestId('quote-summary')).toContainText('1 of 3 quotes verified')
  await expect(page.getByTestId('quote-exception')).toHaveCount(2)
  // The note keeps its words until the writer answers.
  await expect(vote.locator('blockquote')).toHaveText(VOTE)
  await screenshotSizes(page, 'quote-source-changed', vote)

  // Update the quote: the block takes the new words and is verified again.
  await vote.getByTestId('update-quote').click()
  await expect(vote).toHaveAttribute('data-quote-state', 'exact')
  await expect(vote.locator('blockquote')).toHaveText(
    'The U.S., Turkey and Iran have all condemned the vote.',
  )
  // Keep my quote: the words stay, and the block says they differ from the source.
  await leader.getByTestId('keep-quote').click()
  await expect(leader).toHaveAttribute('data-quote-state', 'quote edited')
  await expect(leader.locator('blockquote')).toHaveText(LEADER)
  await expect(leader.getByTestId('quote-change')).toHaveCount(0)
  await expect(page.getByTestId('quote-exception')).toHaveText([/Quote edited/])
  await expect(notes.saveStatus).toHaveText('Saved')
  await screenshotSizes(page, 'quote-states', page.getByTestId('quote-summary'))

  // Both answers were saved with the note.
  const saved = await callApi<{ content: unknown }>(page, 'notes.get', {
    id: await notes.currentRow.getAttribute('data-note-id'),
  })
  const json = JSON.stringify(saved.content)
  expect(json).toContain('condemned the vote')
  expect(json).toContain('"keptOver":"including the Islamic Republic’s top leader"')
})
