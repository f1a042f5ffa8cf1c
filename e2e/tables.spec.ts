import { test, expect } from './fixtures'
import { callApi } from './pages/api'
import { splitFrontMatter } from '../src-main/core/notes/markdown-import'
import { screenshotSizes } from './pages/screenshots'

test('a table made from the toolbar and one typed as Markdown survive export and import', async ({
  app,
  notes,
}) => {
  const { page } = app
  await notes.create()
  await notes.rename('Lichen survey')
  await notes.editor.click()
  await page.keyboard.type('Counts by site:')
  await page.keyboard.press('Enter')

  // From the toolbar: a header row and two rows of three cells; Tab moves from cell to cell.
  await page.getByTestId('toolbar-table').click()
  const tables = notes.editor.locator('table')
  await expect(tables).toHaveCount(1)
  await expect(page.getByTestId('table-tools')).toBeVisible()
  await expect(page.getByTestId('table-header-row')).toHaveAttribute('aria-pressed', 'true')
  for (const [index, word] of ['Species', 'Site', 'Count', 'Xanthoria', 'North | East', '12'].entries()) {
    if (index > 0) await page.keyboard.press('Tab')
    await page.keyboard.type(word)
  }
  const first = tables.first()
  await expect(first.locator('th')).toHaveText(['Species', 'Site', 'Count'])
  await expect(first.locator('tr').nth(1).locator('td')).toHaveText(['Xanthoria', 'North | East', '12'])

  // Rows and columns come and go where the caret is.
  const rows = first.locator('tr')
  await page.getByTestId('table-row-below').click()
  await expect(rows).toHaveCount(4)
  await rows.nth(1).locator('td').last().click()
  await page.getByTestId('table-column-right').click()
  await expect(rows.first().locator('th')).toHaveCount(4)
  await rows.nth(1).locator('td').last().click()
  await page.getByTestId('table-delete-column').click()
  await expect(rows.first().locator('th')).toHaveText(['Species', 'Site', 'Count'])
  await rows.last().locator('td').first().click()
  await page.getByTestId('table-delete-row').click()
  await expect(rows).toHaveCount(3)
  await expect(rows.first().locator('th')).toHaveText(['Species', 'Site', 'Count'])
  // The header row can be turned off and on again.
  await page.getByTestId('table-header-row').click()
  await expect(rows.first().locator('th')).toHaveCount(0)
  await page.getByTestId('table-header-row').click()
  await expect(rows.first().locator('th')).toHaveCount(3)
  await screenshotSizes(page, 'note-table', first)

  // Typed: a header row, a delimiter row and Enter make a table, the caret in its first empty cell.
  await notes.editor.press('ControlOrMeta+End')
  await page.keyboard.type('| Year | Event |')
  await page.keyboard.press('Enter')
  await page.keyboard.type('| --- | ---: |')
  await page.keyboard.press('Enter')
  await expect(tables).toHaveCount(2)
  await page.keyboard.type('1859')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Origin')
  await expect(tables.nth(1).locator('td')).toHaveText(['1859', 'Origin'])
  await expect(tables.nth(1).locator('td p').nth(1)).toHaveCSS('text-align', 'right')
  await expect(notes.saveStatus).toHaveText('Saved')

  const { markdown } = await notes.exportMarkdown()
  const body = splitFrontMatter(markdown).body
  expect(body).toContain(
    [
      '| Species | Site | Count |',
      '| --- | --- | --- |',
      '| Xanthoria | North \\| East | 12 |',
      '|  |  |  |',
    ].join('\n'),
  )
  expect(body).toContain('| Year | Event |\n| --- | ---: |\n| 1859 | Origin |')

  // The exported file, imported as a new note, holds the same tables and exports the same again.
  await notes.rename('Survey before export')
  const [imported] = await callApi<{ id: string; title: string }[]>(page, 'notes.importMarkdown', {
    files: [{ name: 'Lichen survey.md', text: markdown }],
  })
  expect(imported!.title).toBe('Lichen survey')
  await app.reload() // the note list shows notes made elsewhere once the page is loaded again
  await notes.open(imported!.title)
  await expect(tables).toHaveCount(2)
  await expect(tables.first().locator('th')).toHaveText(['Species', 'Site', 'Count'])
  await expect(tables.first().locator('td').nth(1)).toHaveText('North | East')
  await expect(tables.nth(1).locator('td p').nth(1)).toHaveCSS('text-align', 'right')
  const again = await notes.exportMarkdown()
  expect(splitFrontMatter(again.markdown).body).toBe(body)
})

test('a GFM table pasted as plain text becomes a table', async ({ notes }) => {
  await notes.create()
  await notes.editor.click()
  await notes.editor.evaluate((editor) => {
    const data = new DataTransfer()
    data.setData('text/plain', 'Before\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n')
    editor.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  })
  const table = notes.editor.locator('table')
  await expect(table).toHaveCount(1)
  await expect(table.locator('th')).toHaveText(['a', 'b'])
  await expect(table.locator('td')).toHaveText(['1', '2'])
  await expect(notes.editor.locator('p', { hasText: 'Before' })).toHaveCount(1)
})
