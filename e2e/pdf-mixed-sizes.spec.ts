import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { test, expect } from './fixtures'
import { PdfPageView } from './pages/pdf-page-view'

const SIZES: [number, number][] = [
  [612, 792],
  [792, 612],
  [300, 500],
]
const PAGES = 36

/** A PDF whose pages cycle through three sizes (portrait, landscape, small), each naming itself. */
async function mixedPdf(): Promise<string> {
  const doc = await PDFDocument.create()
  doc.setTitle('Pages of three sizes')
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let n = 1; n <= PAGES; n++) {
    const [width, height] = SIZES[(n - 1) % SIZES.length]!
    doc
      .addPage([width, height])
      .drawText(`Page ${n}, ${width} by ${height}.`, { x: 20, y: height - 40, size: 12, font })
  }
  const path = join(await mkdtemp(join(tmpdir(), 'commonplace-mixed-')), 'mixed-sizes.pdf')
  await writeFile(path, await doc.save())
  return path
}

test('pages of other sizes than the first take their own room before they are drawn: jumping to one does not shift', async ({
  app,
  library,
}) => {
  const pages = new PdfPageView(app)
  await library.importFiles([await mixedPdf()])
  await expect(library.importResult).toContainText('Imported', { timeout: 30_000 })
  await library.open('Pages of three sizes')
  await pages.waitForPage(1)
  await expect(pages.pageCount).toHaveText(`of ${PAGES}`)

  // Far pages are not drawn, yet each has its own shape.
  const far = [PAGES - 2, PAGES - 1, PAGES]
  for (const n of far) {
    await expect(pages.pageElement(n)).not.toHaveAttribute('data-rendered', 'true')
    const [width, height] = SIZES[(n - 1) % SIZES.length]!
    await expect
      .poll(async () => {
        const box = (await pages.pageElement(n).boundingBox())!
        return box.width / box.height
      })
      .toBeCloseTo(width / height, 2)
  }

  // Jumping to a far page puts it at the top, and drawing it and its neighbours moves nothing.
  const topOf = (n: number) => pages.pageElement(n).evaluate((element: HTMLElement) => element.offsetTop)
  const before = await topOf(PAGES - 1)
  await pages.goToPage(PAGES - 1)
  await pages.waitForPage(PAGES - 1)
  await pages.waitForPage(PAGES)
  expect(await topOf(PAGES - 1)).toBe(before)
  const scrollerTop = (await pages.scroller.boundingBox())!.y
  await expect
    .poll(async () => (await pages.pageElement(PAGES - 1).boundingBox())!.y - scrollerTop)
    .toBeLessThan(40)
  await expect(pages.pageInput).toHaveValue(String(PAGES - 1))
})
