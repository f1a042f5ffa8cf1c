import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { FIRST_IMPORT_TIMEOUT } from './pages/library-page'

const SENTENCE = 'The U.S., Turkey and Iran have all criticized the vote.'

test('a 50-file import shows one docked progress view, bounded, with its title and close in reach; the notice is one line', async ({
  app,
  library,
}) => {
  const { page } = app
  await page.setViewportSize({ width: 1024, height: 700 })
  const dir = test.info().outputPath('fifty')
  await mkdir(dir, { recursive: true })
  const paths: string[] = []
  for (let n = 1; n <= 50; n++) {
    const path = join(dir, `note-${String(n).padStart(2, '0')}.txt`)
    await writeFile(
      path,
      `Field note ${n}\n\nWords of the field note number ${n}, written for the import test.\n`,
    )
    paths.push(path)
  }
  await library.importFiles(paths)
  await expect(library.progress).toContainText('Import finished', { timeout: 60_000 })
  await expect(library.progressRowsIn('done')).toHaveCount(50)

  const viewport = page.viewportSize()!
  const progress = (await library.progress.boundingBox())!
  expect(progress.height).toBeLessThanOrEqual(viewport.height * 0.4 + 1)
  expect(progress.y + progress.height).toBeLessThanOrEqual(viewport.height)
  await expect(library.progress.getByRole('heading', { name: 'Import finished' })).toBeInViewport()
  const close = page.getByTestId('import-progress-close')
  await expect(close).toBeInViewport()

  // The notice sums up in a line; the files are listed once, in the progress view.
  await expect(library.importResult).toContainText('Imported 50 files')
  await expect(library.importResult.locator('li')).toHaveCount(0)
  const notice = (await library.importResult.boundingBox())!
  expect(notice.height).toBeLessThan(120)
  expect(notice.y + notice.height).toBeLessThanOrEqual(viewport.height)

  await close.click()
  await expect(library.progress).toBeHidden()
})

test('an article with remote images offers Load all images, which asks for every one', async ({
  library,
  reader,
}) => {
  const dir = test.info().outputPath('images')
  await mkdir(dir, { recursive: true })
  const path = join(dir, 'gallery.html')
  // Port 9 on this machine (discard): the window's policy refuses remote images before any request.
  const images = [1, 2, 3].map(
    (n) => `<p>Figure ${n}.</p><img src="http://127.0.0.1:9/figure-${n}.png" alt="Figure ${n}">`,
  )
  await writeFile(
    path,
    `<!doctype html><html><head><title>A gallery of figures</title></head><body><article><h1>A gallery of figures</h1><p>An article with three figures, each a remote image, and enough words around them to be read as an article by the importer.</p>${images.join('')}</article></body></html>`,
  )
  await library.importFiles([path])
  await expect(library.rows.first()).toContainText('A gallery of figures', { timeout: FIRST_IMPORT_TIMEOUT })
  await library.open('A gallery of figures')
  const body = reader.root.locator('.reader-body')
  await expect(body.locator('button.remote-image')).toHaveCount(3)

  await reader.root.getByRole('button', { name: 'Load all 3 images' }).click()
  await expect(body.locator('button.remote-image')).toHaveCount(0)
  await expect(body.locator('.remote-image--blocked')).toHaveCount(3)
})

test('the active excerpt is outlined in its own colour, also after it is recoloured', async ({
  library,
  reader,
}) => {
  await library.importSample()
  await library.open('Iraq Kurdish Referendum 2017')
  await reader.select(SENTENCE)
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(1)
  await reader.excerptItems.first().getByTestId('excerpt-quote').click()
  const mark = reader.activeHighlight.first()
  await expect(mark).toBeVisible()
  const ringOf = () => mark.evaluate((element) => getComputedStyle(element).boxShadow)
  const yellowRing = await ringOf()

  await reader.excerptItems.first().getByRole('button', { name: 'Colour green' }).click()
  await expect(reader.root.locator('mark.excerpt-active[data-color="green"]').first()).toBeVisible()
  // The theme's strong green (#3f8f3f), not the yellow ring it had.
  await expect.poll(ringOf).toContain('rgb(63, 143, 63)')
  expect(await ringOf()).not.toBe(yellowRing)
})

test('a saved page’s row names its site and author on one line, not the file it came in', async ({
  library,
}) => {
  const dir = test.info().outputPath('saved')
  await mkdir(dir, { recursive: true })
  const path = join(dir, 'source.html')
  await writeFile(
    path,
    `<!doctype html><html><head><title>Tides of the northern fjords</title><meta property="og:site_name" content="The Field Journal"><meta name="author" content="Ada Byron"></head><body><article><h1>Tides of the northern fjords</h1><p>The tides of the northern fjords rise twice a day, and the fishermen who live along them keep their own tables of the hours, written in pencil in the backs of their almanacs.</p><p>Those tables are older than the charts the harbour office prints.</p></article></body></html>`,
  )
  await library.importFiles([path])
  const row = library.rows.filter({ hasText: 'Tides of the northern fjords' })
  await expect(row).toHaveCount(1, { timeout: FIRST_IMPORT_TIMEOUT })
  const meta = row.locator('.row__meta')
  await expect(meta).toHaveCount(1)
  await expect(meta).toContainText('The Field Journal · Ada Byron')
  await expect(row).not.toContainText('source.html')
})

test('a failed link import’s error is shown whole in the sidebar, not cut off', async ({ app, library }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 })
  await library.importUrl(
    'http://127.0.0.1:9/a-page-that-is-not-there-with-a-long-address/and-more/index.html',
  )
  await expect(library.urlStatus).toHaveClass(/failed/, { timeout: 30_000 })
  const status = await library.urlStatus.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const sidebar = element.closest('aside')!.getBoundingClientRect()
    return {
      inside: box.left >= sidebar.left && box.right <= sidebar.right,
      clipped: element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight,
      text: element.textContent ?? '',
    }
  })
  expect(status.text.length).toBeGreaterThan(20)
  expect(status).toMatchObject({ inside: true, clipped: false })
  await library.urlStatus.scrollIntoViewIfNeeded()
  await expect(library.urlStatus).toBeInViewport({ ratio: 1 })
})
