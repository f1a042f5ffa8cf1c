import { join } from 'node:path'
import { test, expect } from './fixtures'
import { PdfPageView } from './pages/pdf-page-view'
import { CORPUS_DIR } from '../src-main/testing/corpus'
import { REPO_ROOT } from './target'

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null

test('a PDF reads as its pages: select on page 2 → an excerpt lit in both views; zoom and page navigation', async ({
  app,
  library,
  reader,
}) => {
  const pages = new PdfPageView(app)
  // pdf.js runs under the app's CSP: a refused worker, font, script or fetch shows as a console error.
  const refused: string[] = []
  app.page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      refused.push(message.text())
  })
  await library.importFiles([join(CORPUS_DIR, 'pdf', 'basicapi.pdf')])
  await expect(library.importResult).toContainText('Imported', { timeout: 30_000 })
  await library.open('Basic API Test')

  // The page view opens on page 1 of 3.
  await expect(pages.root).toBeVisible()
  await pages.waitForPage(1)
  await expect(pages.pageCount).toHaveText('of 3')
  await expect(pages.pageInput).toHaveValue('1')

  // Page navigation: the Next button, the page number field, the keyboard.
  await pages.root.getByRole('button', { name: 'Next page' }).click()
  await expect(pages.pageInput).toHaveValue('2')
  await pages.goToPage(3)
  await pages.waitForPage(3)
  await pages.scroller.focus()
  await app.page.keyboard.press('PageUp')
  await expect(pages.pageInput).toHaveValue('2')

  // A sentence selected on page 2 becomes an excerpt of page 2, lit on the page.
  await pages.select(2, 'page 2 / 3')
  await app.page.getByTestId('make-excerpt').click()
  await expect(reader.excerptItems).toHaveCount(1)
  const item = reader.excerptItem('page 2 / 3')
  await expect(item.getByTestId('excerpt-page')).toHaveText('Page 2')
  await expect(pages.marksOn(2)).not.toHaveCount(0)
  await expect(pages.marksOn(1)).toHaveCount(0)

  // The text view lights the same words.
  await pages.showText()
  await expect(reader.root.locator('mark.excerpt')).toHaveText('page 2 / 3')

  // An excerpt made in the text view is lit on its page in the page view.
  await reader.select('Paragraph 1.1')
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(2)
  await expect(reader.excerptItem('Paragraph 1.1').getByTestId('excerpt-page')).toHaveText('Page 1')
  await pages.showPages()
  await pages.goToPage(1)
  await pages.waitForPage(1)
  await expect(pages.marksOn(1)).not.toHaveCount(0)

  // Showing an excerpt from the margin brings its page into view.
  await item.getByTestId('excerpt-quote').click()
  await expect(pages.pageInput).toHaveValue('2')
  await expect(pages.marksOn(2).first()).toBeInViewport()

  // The shortcut works on a selection in the pages too.
  await pages.select(2, 'Chapter 1')
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(3)
  await expect(reader.excerptItem('Chapter 1').getByTestId('excerpt-page')).toHaveText('Page 2')

  // The PDF's outline leads to its pages.
  await pages.root.getByText('Contents').click()
  await pages.page.getByTestId('pdf-outline').getByRole('button', { name: 'Paragraph 1.1' }).click()
  await expect(pages.pageInput).toHaveValue('3')

  // Zoom: a percentage sizes the page to print size times it (A4: 595.28 points, 96 CSS pixels an
  // inch); fit page shows a whole page.
  const widthAt = async () => (await pages.pageElement(1).boundingBox())!.width
  await pages.zoom.selectOption('100')
  await expect.poll(widthAt).toBeCloseTo(595.28 * (96 / 72), 0)
  await pages.zoom.selectOption('200')
  await expect.poll(widthAt).toBeCloseTo(595.28 * (96 / 72) * 2, 0)
  await pages.zoom.selectOption('page')
  const scroller = (await pages.scroller.boundingBox())!
  await expect
    .poll(async () => (await pages.pageElement(1).boundingBox())!.height)
    .toBeLessThanOrEqual(scroller.height)
  await pages.zoom.selectOption('width')
  await expect.poll(widthAt).toBeGreaterThan(scroller.width - 60)

  expect(refused).toEqual([])

  for (const [width, height] of [
    [1024, 700],
    [1440, 900],
  ] as const) {
    await app.page.setViewportSize({ width, height })
    // The excerpt's highlight in view, as the margin shows it.
    await item.getByTestId('excerpt-quote').click()
    const id = (await item.getAttribute('data-excerpt-id'))!
    await expect(pages.marksOn(2).and(app.page.locator(`[data-excerpt-id="${id}"]`))).toBeInViewport()
    await app.page.screenshot({ path: test.info().outputPath(`pdf-page-view-${width}.png`) })
    if (SCREENSHOTS) await app.page.screenshot({ path: join(SCREENSHOTS, `pdf-page-view-${width}.png`) })
  }
})
