import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { WorkspacePage } from './pages/workspace-page'
import { KeyboardPage } from './pages/keyboard-page'

// The workspace's later additions: the reader and note panes collapse, the sidebar lists answer
// arrow keys and Delete, deletions offer an Undo that really restores, the vault export is reachable
// without a note open.

const SAMPLE_TITLE = 'Iraq Kurdish Referendum 2017'
const SAMPLE_TEXT = 'Iraq’s prime minister today dismissed'
const PASSAGE = 'The U.S., Turkey and Iran have all criticized the vote.'

test('the note and the article panes collapse from the keyboard and stay so after a reload', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const { page } = app
  const workspace = new WorkspacePage(app)
  await library.importSample()
  await expect(reader.root).toContainText(SAMPLE_TEXT)
  await notes.create()
  const noteExpand = page.getByTestId('note-pane-expand')
  const articleExpand = page.getByTestId('article-pane-expand')
  const readerWidth = await workspace.widthOf(workspace.readerPane)

  // The note collapses to its rail: the article takes the room, the note keeps what it holds.
  await page.keyboard.press('ControlOrMeta+Shift+Digit2')
  await expect(noteExpand).toBeVisible()
  await expect(workspace.notePane).toBeHidden()
  await expect.poll(() => workspace.widthOf(workspace.readerPane)).toBeGreaterThan(readerWidth + 100)

  await app.reload()
  await library.open(SAMPLE_TITLE)
  await expect(reader.root).toContainText(SAMPLE_TEXT)
  await page.getByTestId('note-row').first().click()
  await expect(noteExpand).toBeVisible()
  await expect(workspace.notePane).toBeHidden()

  // Its rail brings it back; then the article collapses from the palette, and comes back by its keys.
  await noteExpand.click()
  await expect(workspace.notePane).toBeVisible()
  await expect(noteExpand).toHaveCount(0)
  await new KeyboardPage(app).runCommand('hide the article pane', 'toggle-reader-pane')
  await expect(articleExpand).toBeVisible()
  await expect(workspace.readerPane).toBeHidden()
  await expect(workspace.notePane).toBeVisible()
  await page.keyboard.press('ControlOrMeta+Shift+Digit1')
  await expect(workspace.readerPane).toBeVisible()
  await expect(articleExpand).toHaveCount(0)

  // A note opened (or made) while the note pane is collapsed shows its pane: its title takes the focus.
  await page.keyboard.press('ControlOrMeta+Shift+Digit2')
  await expect(noteExpand).toBeVisible()
  await page.getByTestId('new-note').click()
  await expect(workspace.notePane).toBeVisible()
  await expect(notes.titleField).toBeFocused()
})

test('the notes list answers arrow keys, and Delete asks, deletes and offers an Undo that restores', async ({
  app,
  notes,
}) => {
  const { page } = app
  for (const title of ['First', 'Second', 'Third']) {
    await notes.create()
    await notes.rename(title)
  }
  const mains = page.getByTestId('note-row').locator('.row__main')
  // Most recent first.
  await expect(page.getByTestId('note-row').locator('.row__title')).toHaveText(['Third', 'Second', 'First'])
  await mains.first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(mains.nth(1)).toBeFocused()
  await page.keyboard.press('End')
  await expect(mains.nth(2)).toBeFocused()
  await page.keyboard.press('Home')
  await expect(mains.nth(0)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(notes.titleField).toHaveValue('Second')

  await mains.nth(1).focus()
  await page.keyboard.press('Delete')
  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toBeVisible()
  await expect(confirm).toContainText('Second')
  await confirm.getByTestId('confirm-button').click()
  await expect(page.getByTestId('note-row')).toHaveCount(2)

  // The toast is one short line in the live region, with Undo.
  const toast = page.getByTestId('undo-notice')
  await expect(toast).toContainText('Deleted the note “Second”')
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Deleted the note')
  expect((await toast.boundingBox())!.height).toBeLessThan(120)
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('note-row').locator('.row__title')).toHaveText(['Third', 'Second', 'First'])

  // Restored in the library, not just in the list.
  await app.reload()
  await expect(page.getByTestId('note-row').locator('.row__title')).toHaveText(['Third', 'Second', 'First'])
})

test('a deleted excerpt comes back with Undo, in the library too', async ({ app, library, reader }) => {
  const { page } = app
  await library.importSample()
  await reader.select(PASSAGE)
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(1)
  await reader.excerptItems.first().getByRole('button', { name: 'Delete excerpt' }).click()
  await expect(reader.excerptItems).toHaveCount(0)
  const toast = page.getByTestId('undo-notice')
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(reader.excerptItems).toHaveCount(1)
  await app.reload()
  await library.open(SAMPLE_TITLE)
  await expect(reader.excerptItems).toHaveCount(1)
  await expect(reader.excerptItems.first()).toContainText('criticized the vote')
})

test('the article list answers arrow keys: Enter opens, Delete asks first, and Undo puts a deleted article back', async ({
  app,
  library,
  reader,
}) => {
  const { page } = app
  await library.importSampleAndLichens()

  const mains = library.rows.locator('.row__main')
  await mains.first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(mains.nth(1)).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(mains.nth(0)).toBeFocused()
  await page.keyboard.press('End')
  await expect(mains.nth(1)).toBeFocused()
  const title = (await mains.nth(1).locator('.row__title').textContent())!
  await page.keyboard.press('Enter')
  await expect(reader.root).toContainText(title)

  await page.keyboard.press('Home')
  await expect(mains.nth(0)).toBeFocused()
  const first = (await mains.nth(0).locator('.row__title').textContent())!
  await page.keyboard.press('Delete')
  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  await expect(library.rows).toHaveCount(2)

  // Deleted after asking, it comes back with Undo: its text and its excerpt with it.
  await library.open(SAMPLE_TITLE)
  await reader.select(PASSAGE)
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(1)
  const sampleRow = library.rows.filter({ hasText: SAMPLE_TITLE }).locator('.row__main')
  await sampleRow.focus()
  await page.keyboard.press('Delete')
  await confirm.getByTestId('confirm-button').click()
  await expect(library.rows).toHaveCount(1)
  await expect(reader.root).toHaveCount(0)
  await page.getByTestId('undo-notice').getByRole('button', { name: 'Undo' }).click()
  await expect(library.rows).toHaveCount(2)
  await app.reload()
  await library.open(SAMPLE_TITLE)
  await expect(reader.root).toContainText(SAMPLE_TEXT)
  await expect(reader.excerptItems).toHaveCount(1)
  await expect(library.rows.filter({ hasText: first })).toHaveCount(1)
})

test('Tab enters the article list at one row and leaves it after that row’s actions; arrows choose the row', async ({
  app,
  library,
}) => {
  const { page } = app
  await library.importSampleAndLichens()
  const rows = library.rows
  const current = rows.filter({ has: page.locator('.row__main[aria-current="page"]') })
  await expect(current).toHaveCount(1)

  // From the sort menu, Tab lands on the open article's row, then its Rename and Delete, then out.
  await page.getByLabel('Sort articles').focus()
  await page.keyboard.press('Tab')
  await expect(current.locator('.row__main')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(current.getByRole('button', { name: /^Rename/ })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(current.getByRole('button', { name: /^Delete/ })).toBeFocused()
  await page.keyboard.press('Tab')
  const inArticleList = () =>
    page.evaluate(() => document.activeElement?.closest('[aria-label="Articles"]') !== null)
  expect(await inArticleList()).toBe(false)

  // An arrow key moves to the other row, and Tab comes back to the row chosen last.
  await current.locator('.row__main').focus()
  const other = (await rows.nth(0).locator('.row__main').getAttribute('aria-current')) === 'page' ? 1 : 0
  await page.keyboard.press(other === 1 ? 'ArrowDown' : 'ArrowUp')
  const chosen = rows.nth(other).locator('.row__main')
  await expect(chosen).toBeFocused()
  await page.getByLabel('Sort articles').focus()
  await page.keyboard.press('Tab')
  await expect(chosen).toBeFocused()
})

test('the vault export runs from the palette with no note open, and says where it went', async ({
  app,
  library,
}) => {
  const { page } = app
  await library.importSample()
  await expect(page.getByTestId('note-pane')).toHaveCount(0)
  await new KeyboardPage(app).runCommand('export library as vault', 'export-vault')
  const dialog = page.getByTestId('vault-export-dialog')
  await expect(dialog).toBeVisible()
  const vault = join(app.homeDir, 'Commonplace vault')
  // The default export folder is filled in: browser mode writes there without asking.
  await expect(dialog.getByTestId('vault-export-folder')).toHaveValue(vault)
  await dialog.getByTestId('vault-export-run').click()
  await expect(dialog.getByTestId('vault-export-report')).toContainText('Exported 0 notes and 1 source')
  await expect(dialog.getByTestId('vault-export-where')).toHaveText(vault)
  // A browser cannot open a folder on the library's machine: the path is offered to copy.
  await expect(dialog.getByTestId('vault-export-copy-path')).toBeVisible()
  await expect(dialog.getByTestId('vault-export-show')).toHaveCount(0)
})

test('a long article has an outline to jump to a section by keyboard, and shows how far it is read', async ({
  app,
  library,
  reader,
}) => {
  const { page } = app
  const scratch = await mkdtemp(join(tmpdir(), 'commonplace-outline-'))
  const markdown = join(scratch, 'long.md')
  const paragraph = 'Lichens are a partnership of a fungus and an alga, growing slowly on bare rock. '.repeat(
    12,
  )
  const sections = ['Origins', 'Growth', 'Colour', 'Habitat', 'Dating rocks', 'Threats']
  await writeFile(
    markdown,
    `# A Long Guide to Lichens\n\n${sections.map((name) => `## ${name}\n\n${`${paragraph}\n\n`.repeat(4)}`).join('')}`,
  )
  await library.importFiles([markdown])
  await library.open('A Long Guide to Lichens')
  await expect(reader.root).toContainText('partnership of a fungus')

  const progress = page.getByTestId('reading-progress')
  await expect(progress).toHaveAttribute('aria-valuenow', '0')
  const toggle = page.getByTestId('outline-toggle')
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')

  // Opened by its keys, the first heading has the focus; arrows move, Enter jumps.
  await page.keyboard.press('ControlOrMeta+Shift+KeyH')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const items = page.getByTestId('outline-item')
  await expect(items).toHaveText(sections)
  await expect(items.first()).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(items.nth(3)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(items).toHaveCount(0)
  const heading = reader.root.locator('.reader-body h2', { hasText: 'Habitat' })
  const scroller = reader.root.locator('.reader__scroller')
  await expect
    .poll(async () => (await heading.boundingBox())!.y - (await scroller.boundingBox())!.y)
    .toBeLessThan(120)
  // The caret is there: reading by keyboard goes on from the section.
  await expect(reader.root.locator('.reader-body')).toBeFocused()
  await expect.poll(() => progress.getAttribute('aria-valuenow').then(Number)).toBeGreaterThan(30)

  // Escape closes the outline and gives the focus back to its button; the end of the article is 100%.
  await toggle.click()
  await expect(items.first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(items).toHaveCount(0)
  await expect(toggle).toBeFocused()
  await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
  await expect(progress).toHaveAttribute('aria-valuenow', '100')
  await expect(progress).toHaveAttribute('aria-valuetext', '100% read')
})
