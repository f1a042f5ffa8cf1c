import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { PdfPageView } from './pages/pdf-page-view'
import { KeyboardPage } from './pages/keyboard-page'
import { themedScreenshots } from './pages/screenshots'
import { callApi } from './pages/api'
import { audit, seriousOrCritical } from './pages/axe-audit'
import { grantFolder } from './pages/vault-export-page'
import { CORPUS_DIR } from '../src-main/testing/corpus'

const TITLE = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages'
const PNG_SIGNATURE = '89504e470d0a1a0a'

test('a rectangle drawn on a PDF page → an area excerpt in the margin and in a note → a vault with its PNG; Verify quotes finds the file exact, then an edited word', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const { page } = app
  const pages = new PdfPageView(app)
  const keyboard = new KeyboardPage(app)
  await library.importFiles([join(CORPUS_DIR, 'pdf', 'tracemonkey_a11y.pdf')])
  await expect(library.importResult).toContainText('Imported', { timeout: 30_000 })
  await library.open(TITLE)
  await pages.waitForPage(1)

  // A word excerpt too, so the verify report has words to diff.
  await pages.select(1, 'Abstract')
  await page.getByTestId('make-excerpt').click()
  await expect(reader.excerptItems).toHaveCount(1)

  // Drag a rectangle around the title and authors block of the paper's one page, in area mode.
  await pages.root.getByTestId('pdf-area-mode').click()
  const layer = pages.pageElement(1).getByTestId('pdf-area-layer')
  const box = (await layer.boundingBox())!
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.08)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2, { steps: 4 })
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.3, { steps: 4 })
  await page.mouse.up()
  await expect(reader.excerptItems).toHaveCount(2)
  const drawn = reader.excerptItems.filter({ has: page.getByTestId('area-picture') })
  await expect(drawn).toHaveCount(1)
  const areaId = (await drawn.getAttribute('data-excerpt-id'))!
  const areaItem = page.locator(`[data-testid="excerpt-item"][data-excerpt-id="${areaId}"]`)
  await expect(areaItem.getByTestId('excerpt-page')).toHaveText('Page 1')
  // The thumbnail is a real picture, and the rectangle is lit on its page; area mode is over.
  await expect
    .poll(() => areaItem.getByTestId('area-picture').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(100)
  await expect(pages.marksOn(1).and(page.locator('.pdf-mark--area'))).toHaveCount(1)
  await expect(layer).toHaveCount(0)

  // From the keyboard: the command, the arrow keys to move and size the proposed rectangle, Enter.
  await pages.scroller.focus()
  await keyboard.runCommand('excerpt an area', 'excerpt-area')
  await expect(pages.pageElement(1).getByTestId('pdf-area-layer')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Enter')
  await expect(reader.excerptItems).toHaveCount(3)
  await expect(pages.marksOn(1).and(page.locator('.pdf-mark--area'))).toHaveCount(2)

  // Into a note: the image excerpt block shows the picture, its source and page, and is exact.
  await notes.create()
  await notes.rename('Figures')
  await notes.editor.click()
  await reader.excerptItem('Abstract').getByRole('button', { name: 'Insert into note' }).click()
  await areaItem.getByRole('button', { name: 'Insert into note' }).click()
  await expect(notes.excerptBlocks).toHaveCount(2)
  const block = page.locator(`[data-testid="excerpt-block"][data-excerpt-id="${areaId}"]`)
  await expect(block).toContainText(TITLE)
  await expect(block).toContainText('page 1')
  await expect(block).toHaveAttribute('data-quote-state', 'exact')
  await expect(notes.saveStatus).toHaveText(/saved/i)
  // A click on the image block, from the text view, opens the page at its rectangle.
  await pages.showText()
  await block.click()
  await expect(pages.root).toBeVisible()
  const areaMark = pages.marksOn(1).and(page.locator(`[data-excerpt-id="${areaId}"]`))
  await expect(areaMark).toHaveClass(/pdf-mark--active/)
  await expect(areaMark).toBeInViewport()
  expect(seriousOrCritical(await audit(page))).toEqual([])
  // The import's notice would cover the note in the pictures.
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' })
  // A notice may be drawn again as it is clicked (the list re-renders): try again until none is left.
  await expect(async () => {
    if ((await dismiss.count()) > 0) await dismiss.first().click({ timeout: 2_000 })
    await expect(dismiss).toHaveCount(0, { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  await themedScreenshots(page, 'area-excerpt', block)

  // The vault: attachments/<id>.png holds the PNG, and the note links it above its citation.
  const vault = join(app.homeDir, 'Commonplace vault')
  const outDir = app.electronApp ? await grantFolder(app, vault) : vault
  const report = await callApi<{ created: string[] }>(page, 'export.vault', { outDir })
  expect(report.created).toContain(`attachments/${areaId}.png`)
  const attachment = await readFile(join(vault, 'attachments', `${areaId}.png`))
  expect(attachment.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE)
  const noteFile = join(vault, 'notes', 'Figures.md')
  const markdown = await readFile(noteFile, 'utf8')
  expect(markdown).toContain(`> ![Page 1 of ${TITLE}](../attachments/${areaId}.png)`)
  expect(await readdir(join(vault, 'attachments'))).toHaveLength(2)

  // Verify quotes, in the app, on the vault folder: every quote exact.
  const dialog = page.getByTestId('verify-quotes-dialog')
  await pages.scroller.focus()
  await keyboard.runCommand('verify quotes', 'verify-quotes')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('verify-quotes-folder-input').setInputFiles(vault)
  await expect(dialog.getByTestId('verify-quotes-summary')).toHaveText(/^All \d+ quotes exact\.$/)
  await expect(dialog.getByTestId('verify-verdict').filter({ hasText: 'Figures.md' })).toHaveCount(2)

  // One word of the quote edited in the exported note: the report names it, with the word diff.
  await writeFile(noteFile, markdown.replace('> Abstract', '> Summary'))
  await dialog.getByTestId('verify-quotes-file-input').setInputFiles(noteFile)
  const altered = dialog.locator('[data-testid="verify-verdict"][data-state="altered"]')
  await expect(altered).toHaveCount(1)
  await expect(altered.getByTestId('verify-diff').locator('del')).toHaveText('Abstract')
  await expect(altered.getByTestId('verify-diff').locator('ins')).toHaveText('Summary')
  await expect(dialog.getByTestId('verify-quotes-summary')).toHaveText('1 of 2 quotes exact.')
  expect(seriousOrCritical(await audit(page))).toEqual([])
  await themedScreenshots(page, 'verify-quotes', dialog)
})
