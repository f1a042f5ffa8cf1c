import { test, expect } from './fixtures'
import { FIRST_IMPORT_TIMEOUT } from './pages/library-page'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { REPO_ROOT } from './target'
import { scriptedRevisionOfSample, SAMPLE_REVISION } from '../src-main/core/anchor/sample-revision'

const SAMPLE = SAMPLE_ARTICLE
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null
const { reworded, unchanged } = SAMPLE_REVISION
/** A paragraph the test's revision also deletes, so its excerpt is orphaned. */
const DELETED =
  'Iraqi state TV aired live footage showing military vehicles advancing in a wide desert area, along with the Shiite-dominated PMF.'
const REPAIR_TO = 'IS has been driven out of most of the territories it seized in 2014'

test('excerpts with colours and margin counts survive an update of their article', async ({
  app,
  library,
  reader,
  notes,
}) => {
  test.setTimeout(180_000)
  const { page } = app
  await library.importFiles([SAMPLE])
  await expect(library.rows).toHaveCount(1, { timeout: FIRST_IMPORT_TIMEOUT })
  await library.open('Iraq Kurdish Referendum 2017')

  // Three excerpts, one of them across two paragraphs, and one more that the update will lose.
  await reader.select(unchanged[2])
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(1)
  await reader.selectAcross('supreme leader.', 'The timing shows')
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(2)
  await reader.select(reworded.before)
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(3)
  await reader.select(DELETED)
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(4)
  const crossing = reader.excerptItem('The timing shows')
  await expect(crossing).toContainText('supreme leader.')
  await expect(
    reader.root.locator(`mark.excerpt[data-excerpt-id="${await crossing.getAttribute('data-excerpt-id')}"]`),
  ).toHaveCount(2)

  // Recolour one and give it a comment and tags.
  await reader.excerptItem(reworded.before).getByTestId('excerpt-quote').click()
  await reader.excerptItem(reworded.before).getByRole('button', { name: 'Colour blue' }).click()
  await expect(reader.root.locator('mark.excerpt[data-color="blue"]')).toContainText('criticized the vote')
  await reader.excerptItem(reworded.before).getByTestId('excerpt-comment').fill('Who objected')
  await reader.excerptItem(reworded.before).getByTestId('excerpt-tag-input').fill('reaction, #Iran')
  await reader.excerptItem(reworded.before).getByTestId('excerpt-tag-input').press('Enter')
  await expect(reader.excerptItem(reworded.before).getByTestId('excerpt-tag')).toHaveCount(2)
  await reader.excerptItem(unchanged[2]).getByTestId('excerpt-quote').click()
  await expect(reader.excerptItem(reworded.before)).toContainText('Who objected')
  await expect(reader.excerptItem(reworded.before)).toContainText('#reaction #iran')

  // Cite the reworded one in two notes and the crossing one in the second.
  await notes.create()
  await notes.rename('Reactions')
  await notes.editor.click()
  await reader
    .excerptItem(reworded.before)
    .getByRole('button', { name: /insert into note/i })
    .click()
  await expect(notes.excerptBlocks).toHaveCount(1)
  await expect(notes.saveStatus).toHaveText(/saved/i)
  await notes.create()
  await notes.rename('Iran and Iraq')
  await notes.editor.click()
  await reader
    .excerptItem(reworded.before)
    .getByRole('button', { name: /insert into note/i })
    .click()
  await reader
    .excerptItem('The timing shows')
    .getByRole('button', { name: /insert into note/i })
    .click()
  await expect(notes.excerptBlocks).toHaveCount(2)
  await expect(notes.saveStatus).toHaveText(/saved/i)

  // Link the notes with [[: one existing, one made from the menu.
  await notes.editor.press('ControlOrMeta+End')
  await page.keyboard.type('See ')
  await notes.linkTo('Reac', 'Reactions')
  await expect(notes.noteLinks).toHaveText(['Reactions'])
  await page.keyboard.type('and ')
  await notes.linkTo('Kurdish timeline', 'New note “Kurdish timeline”')
  await expect(notes.noteLinks).toHaveText(['Reactions', 'Kurdish timeline'])
  await expect(notes.saveStatus).toHaveText(/saved/i)

  // The margin counts, and the article's header.
  await expect(reader.excerptItem(reworded.before).getByTestId('excerpt-citations')).toHaveText(
    'Cited in 2 notes',
  )
  await expect(reader.excerptItem('The timing shows').getByTestId('excerpt-citations')).toHaveText(
    'Cited in 1 note',
  )
  await expect(reader.excerptItem(unchanged[2]).getByTestId('excerpt-citations')).toHaveText('Not cited yet')
  await expect(reader.articleCitations).toHaveText('Cited in 2 notes')
  await reader.excerptItem(reworded.before).getByTestId('excerpt-citations').click()
  await expect(reader.excerptItem(reworded.before).getByTestId('citing-notes')).toContainText('Reactions')
  await reader.excerptItem(reworded.before).getByRole('button', { name: 'Reactions' }).click()
  await expect(page.getByTestId('note-title')).toHaveValue('Reactions')
  await expect(notes.backlinks).toContainText('Iran and Iraq')

  // A renamed target keeps its links; a deleted one leaves a broken link, not a hole.
  await notes.rename('Reactions abroad')
  await notes.backlinks.getByRole('button', { name: 'Iran and Iraq' }).click()
  await expect(notes.noteLinks).toHaveText(['Reactions abroad', 'Kurdish timeline'])
  const { markdown } = await notes.exportMarkdown()
  expect(markdown).toContain('See [[Reactions abroad]] and [[Kurdish timeline]]')
  await notes.open('Kurdish timeline')
  await page.getByTestId('note-pane').getByRole('button', { name: 'Delete note' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete note' }).click()
  await expect(notes.rows.filter({ hasText: 'Kurdish timeline' })).toHaveCount(0)
  await notes.open('Iran and Iraq')
  await expect(notes.noteLinks.filter({ hasText: 'Kurdish timeline' })).toHaveAttribute('data-broken', 'true')
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'note-links.png') })
  await notes.open('Reactions abroad')

  // A new version of the same file: sentences inserted, the cited sentence reworded, one paragraph gone.
  const folder = await mkdtemp(join(tmpdir(), 'commonplace-revision-'))
  const revised = join(folder, basename(SAMPLE))
  const text = await readFile(SAMPLE, 'utf8')
  await writeFile(revised, scriptedRevisionOfSample(text).replace(`${DELETED}\n\n`, ''))
  await library.importFiles([revised])
  await expect(library.rows).toHaveCount(2)
  await reader.newerCopy.getByRole('button', { name: 'Update this article from it' }).click()
  await expect(library.rows).toHaveCount(1)
  await expect(page.getByTestId('update-result')).toContainText('1 changed')
  await expect(reader.excerptItem(unchanged[2])).toHaveAttribute('data-state', 'moved')
  await expect(reader.excerptItem('The timing shows')).toHaveAttribute('data-state', 'moved')
  const changed = reader.excerptItem(reworded.after)
  await expect(changed).toHaveAttribute('data-state', 'changed')
  await expect(changed.getByTestId('excerpt-state')).toContainText(reworded.before)
  await expect(changed.getByTestId('excerpt-state')).toContainText(reworded.after)
  await expect(changed.getByTestId('excerpt-citations')).toHaveText('Cited in 2 notes')
  await expect(reader.root.locator('mark.excerpt[data-color="blue"]')).toContainText('sharply condemned')
  const orphan = page.getByTestId('orphan-list').getByTestId('excerpt-item')
  await expect(orphan).toHaveCount(1)
  await expect(orphan).toContainText(DELETED)
  // The reader alone: the excerpts sit in the margin rail beside the article.
  await page.getByRole('button', { name: /close note/i }).click()
  // Its list of citing notes is still open from before the update.
  await expect(changed.getByTestId('citing-notes')).toContainText('Reactions abroad')
  await reader.root.locator('mark.excerpt[data-color="blue"]').first().scrollIntoViewIfNeeded()
  await changed.scrollIntoViewIfNeeded()
  if (SCREENSHOTS) {
    const dismiss = page.getByRole('button', { name: 'Dismiss notification' })
    while ((await dismiss.count()) > 0) await dismiss.first().click()
    await page.screenshot({ path: join(SCREENSHOTS, 'graph.png') })
  }

  // Repair the orphan: select where it belongs now and re-attach it.
  await reader.select(REPAIR_TO)
  await orphan.getByTestId('reattach-excerpt').click()
  await expect(page.getByTestId('orphan-list')).toHaveCount(0)
  await expect(reader.excerptItem(REPAIR_TO)).toHaveAttribute('data-state', 'exact')
  await expect(reader.root.locator('mark.excerpt', { hasText: 'driven out of most' })).toBeVisible()

  // Resize an excerpt by reselecting: the active one takes the new selection.
  await reader.excerptItem(unchanged[2]).getByTestId('excerpt-quote').click()
  await reader.select('Be careful about Americans deceit')
  await page.getByTestId('resize-excerpt').click()
  await expect(reader.excerptItems.filter({ hasText: /^Be careful about Americans deceit/ })).toHaveCount(1)

  // Deleting a cited excerpt first says which notes cite it.
  await changed.getByRole('button', { name: 'Delete excerpt' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Reactions abroad')
  await expect(dialog).toContainText('Iran and Iraq')
  await dialog.getByRole('button', { name: /cancel/i }).click()
  await expect(changed).toHaveCount(1)

  // So does deleting the article; afterwards the excerpt blocks keep their words and say the source is gone.
  await library.rows
    .first()
    .getByRole('button', { name: /^Delete/ })
    .click()
  await expect(dialog).toContainText('Cited in “Iran and Iraq”, “Reactions abroad”')
  await dialog.getByRole('button', { name: 'Delete article' }).click()
  await expect(library.rows).toHaveCount(0)
  await notes.open('Iran and Iraq')
  await expect(notes.excerptBlocks).toHaveCount(2)
  await expect(notes.excerptBlocks.first()).toContainText(
    'The U.S., Turkey and Iran have all criticized the vote.',
  )
  await expect(notes.excerptBlocks.first().getByTestId('excerpt-source-removed')).toBeVisible()
})
