import { createServer, type Server } from 'node:http'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { CORPUS_DIR } from '../src-main/testing/corpus'
import { REPO_ROOT } from './target'
import { PdfPageView } from './pages/pdf-page-view'

const CORPUS = CORPUS_DIR
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null

let scratch: string
test.beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'commonplace-import-e2e-'))
})
test.afterEach(async () => {
  await rm(scratch, { recursive: true, force: true })
})

/** Writes a file into this test's scratch folder and returns its path. */
async function scratchFile(name: string, content: string | Buffer): Promise<string> {
  const path = join(scratch, name)
  await mkdir(join(path, '..'), { recursive: true })
  await writeFile(path, content)
  return path
}

/** One file of each kind, with the title the reader must show and words of its first paragraph. */
const KINDS = [
  {
    file: 'ars-minecraft.html',
    from: join(CORPUS, 'readability', 'ars-1', 'source.html'),
    title: 'Just-released Minecraft exploit makes it easy to crash game servers',
    words:
      'A flaw in the wildly popular online game Minecraft makes it easy for just about anyone to crash the server',
  },
  {
    file: 'issue13201.pdf',
    from: join(CORPUS, 'pdf', 'issue13201.pdf'),
    title: 'Bitcoin: A Peer-to-Peer Electronic Cash System',
    words: 'A purely peer-to-peer version of electronic cash would allow online',
  },
  {
    file: 'embedded-style-map.docx',
    from: join(CORPUS, 'docx', 'embedded-style-map.docx'),
    title: 'Walking on imported air',
    words: 'Walking on imported air',
  },
  {
    file: 'alice_without_cover.epub',
    from: join(CORPUS, 'epub', 'alice_without_cover.epub'),
    title: "Alice's Adventures in Wonderland",
    words: 'Alice in the Room of the Duchess.',
  },
  {
    file: 'field-notes.md',
    from: null,
    title: 'Field Notes on Lichens',
    words: 'Lichens grow a millimetre a year on the north side of old gravestones.',
  },
  {
    file: 'iraq-kurdish-referendum-2017.txt',
    from: join(CORPUS, 'text', 'iraq-kurdish-referendum-2017.txt'),
    title: 'Iraq Kurdish Referendum 2017',
    words: 'Iraq’s prime minister today dismissed',
  },
]

test('one file of each kind imports through the file chooser and reads with its title and first words', async ({
  app,
  library,
  reader,
}) => {
  const paths = await Promise.all(
    KINDS.map(async (kind) => {
      if (kind.from) {
        const path = join(scratch, kind.file)
        await copyFile(kind.from, path)
        return path
      }
      return scratchFile(
        kind.file,
        `# ${kind.title}\n\n${kind.words} They are fungi and algae living as one.\n\n## Where to look\n\n- walls\n- bark\n`,
      )
    }),
  )
  await library.importFiles(paths)

  // A batch shows its progress: every file, then every one done.
  await expect(library.progress).toBeVisible()
  await expect(library.progressRows).toHaveCount(KINDS.length)
  await expect(library.progressRowsIn('done')).toHaveCount(KINDS.length, { timeout: 30_000 })
  await expect(library.progress).toContainText(`${KINDS.length} imported`)
  await expect(library.importResult).toContainText(`Imported ${KINDS.length} files`)
  await expect(library.rows).toHaveCount(KINDS.length)
  // The EPUB whose chapters are missing holds 16 words (its title line aside): its row says so; a whole article says nothing.
  const shortText = /Only 16 words were found in this 3 KB file/
  await expect(
    library.progressRow('alice_without_cover.epub').getByTestId('import-progress-notice'),
  ).toContainText(shortText)
  await expect(library.progressRow('ars-minecraft.html').getByTestId('import-progress-notice')).toHaveCount(0)

  for (const kind of KINDS) {
    await library.open(kind.title)
    await expect(reader.root.getByRole('heading', { level: 1 }).first()).toHaveText(kind.title)
    // A PDF opens as its pages; its first words are read in the text view.
    if (kind.file.endsWith('.pdf')) await new PdfPageView(app).showText()
    await expect(reader.root).toContainText(kind.words)
  }
  // The reader's header says it too.
  await expect(reader.root.getByTestId('article-notice')).toHaveCount(0)
  await library.open("Alice's Adventures in Wonderland")
  await expect(reader.root.getByTestId('article-notice').filter({ hasText: shortText })).toBeVisible()
  for (const [width, height] of [
    [1024, 700],
    [1440, 900],
  ] as const) {
    await app.page.setViewportSize({ width, height })
    await expect(reader.root.getByTestId('article-notice').filter({ hasText: shortText })).toBeInViewport()
    await app.page.screenshot({ path: test.info().outputPath(`short-import-notice-${width}.png`) })
  }
  await app.page.getByRole('button', { name: /close the import progress/i }).click()
  await expect(library.progress).toBeHidden()
})

test('a batch with broken files reports each failure with its reason and imports the rest', async ({
  app,
  library,
}) => {
  const good = await scratchFile('a-good-note.txt', 'A Good Note\n\nThe rest of the batch still imports.\n')
  const binary = await scratchFile(
    'binary.txt',
    Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 0, 9, 0, 0, 0]),
  )
  const notWord = join(scratch, 'not-really-word.docx')
  await copyFile(join(CORPUS, 'docx', 'empty.zip'), notWord)
  const paths = [
    join(CORPUS, 'pdf', 'poppler-742-0-fuzzed.pdf'),
    good,
    notWord,
    binary,
    join(CORPUS, 'docx', 'single-paragraph.docx'),
    join(CORPUS, 'pdf', 'poppler-937-0-fuzzed.pdf'),
  ]
  await library.importFiles(paths)

  await expect(library.progressRowsIn('failed')).toHaveCount(4, { timeout: 30_000 })
  await expect(library.progressRowsIn('done')).toHaveCount(2)
  await expect(library.progressRow('poppler-742-0-fuzzed.pdf')).toContainText(/damaged.*Illegal character/)
  await expect(library.progressRow('poppler-937-0-fuzzed.pdf')).toContainText(/damaged/)
  await expect(library.progressRow('not-really-word.docx')).toHaveAttribute('data-state', 'failed')
  await expect(library.progressRow('not-really-word.docx')).toContainText(
    /not-really-word\.docx .*(Word|docx)/i,
  )
  await expect(library.progressRow('binary.txt')).toHaveAttribute('data-state', 'failed')
  await expect(library.progressRow('binary.txt')).toContainText(/binary\.txt .*(binary|text)/i)
  await expect(library.progress).toContainText('2 imported · 4 failed')
  await expect(library.importResult).toContainText('Imported 2 files; 4 files could not be imported')
  await expect(library.rows).toHaveCount(2)
  await expect(library.rows.filter({ hasText: 'A Good Note' })).toHaveCount(1)
  await expect(library.rows.filter({ hasText: 'Single Paragraph' })).toHaveCount(1)
  await app.page.screenshot({ path: test.info().outputPath('import-progress.png') })
  if (SCREENSHOTS) await app.page.screenshot({ path: join(SCREENSHOTS, 'import.png') })

  // The same batch again: the two good files are duplicates, not stored twice.
  await app.page.getByRole('button', { name: /close the import progress/i }).click()
  await library.importFiles(paths)
  await expect(library.progressRowsIn('duplicate')).toHaveCount(2, { timeout: 30_000 })
  await expect(library.progressRowsIn('failed')).toHaveCount(4)
  await expect(library.rows).toHaveCount(2)
})

test('cancelling a batch stops before the next file and keeps what was imported', async ({
  app,
  library,
}) => {
  const count = 40
  const paths = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      scratchFile(
        `note-${String(i + 1).padStart(2, '0')}.txt`,
        `Note ${i + 1}\n\nA short note, number ${i + 1}.\n`,
      ),
    ),
  )
  if (app.target === 'browser') {
    // Each file takes a moment, as a large PDF would, so the cancel lands in the middle of the batch.
    await app.page.route('**/api/articles.import', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 150))
      await route.continue()
    })
  }
  await library.importFiles(paths)
  await expect(library.progressRowsIn('done').nth(1)).toBeVisible()
  // The window stays responsive while the batch runs: typing goes on as usual.
  await library.urlField.fill('typing while importing')
  await expect(library.urlField).toHaveValue('typing while importing')
  await expect(library.progressRowsIn('queued').first()).toBeVisible()
  await library.cancelImport()

  await expect(app.page.getByTestId('import-cancel')).toBeHidden({ timeout: 30_000 })
  const done = await library.progressRowsIn('done').count()
  const cancelled = await library.progressRowsIn('cancelled').count()
  expect(done).toBeGreaterThanOrEqual(2)
  expect(cancelled).toBeGreaterThan(0)
  expect(done + cancelled).toBe(count)
  await expect(library.progressRowsIn('cancelled').first()).toContainText('cancelled')
  await expect(library.rows).toHaveCount(done)
  await expect(library.progress).toContainText(`${done} imported · ${cancelled} cancelled`)
  await expect(library.progress).toContainText('Import cancelled')

  // Nothing half-done: after a reload the library holds exactly the files that were imported.
  await app.reload()
  await expect(library.rows).toHaveCount(done)
})

test('a folder imports recursively, skipping what cannot be imported; dropped files import too', async ({
  library,
}) => {
  const folder = join(scratch, 'reading')
  await scratchFile('reading/first.md', '# First Folder Note\n\nFrom the top of the folder.\n')
  await scratchFile(
    'reading/deeper/second-folder-note.txt',
    'From a subfolder, titled after its file name.\n',
  )
  await scratchFile('reading/deeper/table.csv', 'a,b\n1,2\n')
  await scratchFile('reading/picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  await library.importFolder(folder)

  await expect(library.page.getByTestId('import-skipped')).toContainText(/Skipped 2 files/)
  await expect(library.rows).toHaveCount(2, { timeout: 30_000 })
  await expect(library.rows.filter({ hasText: 'First Folder Note' })).toHaveCount(1)
  await expect(library.rows.filter({ hasText: 'Second Folder Note' })).toHaveCount(1)

  const dropped = await scratchFile('dropped.md', '# A Dropped Note\n\nDragged onto the window.\n')
  const also = await scratchFile('also-dropped.txt', 'Another one.\n')
  await library.dropFiles([dropped, also])
  await expect(library.rows).toHaveCount(4, { timeout: 30_000 })
  await expect(library.rows.filter({ hasText: 'A Dropped Note' })).toHaveCount(1)
  await expect(library.rows.filter({ hasText: 'Also Dropped' })).toHaveCount(1)
  await expect(library.importResult).toContainText('Imported 2 files')
})

test('a link imports from a web server and keeps its address; a missing page fails clearly', async ({
  library,
  reader,
}) => {
  const page = await readFile(join(CORPUS, 'readability', 'quanta-1', 'source.html'))
  const server: Server = createServer((request, response) => {
    if (request.url === '/articles/hidden-heroines-of-chaos') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      response.end(page)
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' })
      response.end('not here')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    const link = `${base}/articles/hidden-heroines-of-chaos`
    await library.importUrl(link)
    await expect(library.urlStatus).toHaveAttribute('data-state', 'imported', { timeout: 30_000 })
    await expect(library.urlStatus).toContainText('Imported “The Hidden Heroines of Chaos”')
    const row = library.rows.filter({ hasText: 'The Hidden Heroines of Chaos' })
    await expect(row).toHaveCount(1)
    // The address is kept with the article.
    await expect(row.locator('[title^="http"]')).toHaveAttribute('title', link)
    await library.open('The Hidden Heroines of Chaos')
    await expect(reader.root.getByRole('heading', { level: 1 }).first()).toHaveText(
      'The Hidden Heroines of Chaos',
    )
    await expect(reader.root).toContainText(
      'A little over half a century ago, chaos started spilling out of a famous experiment.',
    )

    // The same link again is recognised.
    await library.importUrl(link)
    await expect(library.urlStatus).toHaveAttribute('data-state', 'duplicate', { timeout: 30_000 })
    await expect(library.urlStatus).toContainText('already in the library')

    const missing = `${base}/articles/gone`
    await library.importUrl(missing)
    await expect(library.urlStatus).toHaveAttribute('data-state', 'failed', { timeout: 30_000 })
    await expect(library.urlStatus).toContainText(missing)
    await expect(library.urlStatus).toContainText('404')
    await library.page.screenshot({ path: test.info().outputPath('url-import.png') })
    // A failed link stays in the field, to correct it.
    await expect(library.urlField).toHaveValue(missing)

    await library.importUrl('ftp://example.org/paper.pdf')
    await expect(library.urlStatus).toHaveAttribute('data-state', 'failed')
    await expect(library.urlStatus).toContainText('Only http:// and https:// links')
    await expect(library.rows).toHaveCount(1)
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
})

test('an excerpt of a PDF says the page it is on', async ({ app, library, reader }) => {
  await library.importFiles([join(CORPUS, 'pdf', 'basicapi.pdf')])
  await expect(library.importResult).toContainText('Imported', { timeout: 30_000 })
  await library.open('Basic API Test')
  await new PdfPageView(app).showText()
  await reader.select('page 2 / 3')
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(1)
  await expect(reader.excerptItems.first().getByTestId('excerpt-page')).toHaveText('Page 2')
})
