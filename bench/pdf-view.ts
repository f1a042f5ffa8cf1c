// `npm run bench:pdf`: the PDF page view in a real browser (browser mode on /usr/bin/chromium, the built
// app in out/: run `npm run build` first). For the largest corpus PDF and a generated 300-page PDF:
// the time from clicking the article to its first page drawn (canvas and text layer), the renderer's
// memory then, and while scrolling through every page (JS heap, and the pixels of the canvases alive:
// far pages give theirs back). Prints a table and writes the `pdfView` entry of bench/results.json.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { openLibrary } from '../src-main/core/library'
import { importPaths } from '../src-main/core/import/import-files'
import { startBrowserModeServer } from '../src-main/server'
import { chromiumBinary, CHROMIUM_FLAGS, REPO_ROOT } from '../e2e/target'
import { corpusFile } from '../src-main/testing/corpus'

const PAGES = 300
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

/** A 300-page PDF of running text (the corpus's AP article, over and over), made with pdf-lib. */
async function generatedPdf(path: string): Promise<void> {
  const words = (await readFile(corpusFile('text', 'iraq-kurdish-referendum-2017.txt'), 'utf8'))
    .replace(/[^\x20-\x7E\n]/g, "'")
    .split(/\s+/)
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.TimesRoman)
  let at = 0
  for (let n = 1; n <= PAGES; n++) {
    const page = doc.addPage([612, 792])
    const lines: string[] = []
    while (lines.length < 46) {
      let line = ''
      while (font.widthOfTextAtSize(`${line} ${words[at % words.length]}`, 11) < 468)
        line = `${line} ${words[at++ % words.length]}`.trim()
      lines.push(line)
    }
    page.drawText(`Page ${n} of the generated document`, { x: 72, y: 740, size: 14, font })
    page.drawText(lines.join('\n'), { x: 72, y: 712, size: 11, lineHeight: 14, font })
  }
  await writeFile(path, await doc.save())
}

interface Figures {
  file: string
  sizeKb: number
  pages: number
  firstPageMs: number
  heapAfterOpenMb: number
  heapAfterScrollMb: number
  maxLiveCanvases: number
  maxCanvasMb: number
  scrollAllMs: number
}

async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page)
  await session.send('HeapProfiler.collectGarbage')
  const { usedSize } = await session.send('Runtime.getHeapUsage')
  await session.detach()
  return mb(usedSize)
}

/** Live canvases of the page view and their pixel memory (4 bytes a pixel). */
const canvases = (page: Page) =>
  page.evaluate(() => {
    const all = Array.from(document.querySelectorAll<HTMLCanvasElement>('.pdf-page canvas'))
    return { count: all.length, bytes: all.reduce((sum, c) => sum + c.width * c.height * 4, 0) }
  })

async function measure(page: Page, url: string, title: string, path: string): Promise<Figures> {
  await page.goto(url)
  const row = page.getByTestId('article-row').filter({ hasText: title }).first()
  await row.waitFor()
  // Timed in the page: from the click to the first page's canvas and text layer.
  await page.evaluate(() => {
    const w = window as unknown as { clickedAt?: number; firstPageAt?: number }
    document.addEventListener('click', () => (w.clickedAt ??= performance.now()), { capture: true })
    new MutationObserver((_, observer) => {
      if (document.querySelector('.pdf-page[data-page-number="1"][data-rendered]')) {
        w.firstPageAt = performance.now()
        observer.disconnect()
      }
    }).observe(document.body, { subtree: true, attributes: true, childList: true })
  })
  await row.click()
  await page.locator('.pdf-page[data-page-number="1"][data-rendered]').waitFor({ timeout: 60_000 })
  const firstPageMs = await page.evaluate(() => {
    const w = window as unknown as { clickedAt: number; firstPageAt: number }
    return Math.round(w.firstPageAt - w.clickedAt)
  })
  const pages = Number((await page.getByTestId('pdf-page-count').textContent())?.replace(/\D/g, ''))
  const heapAfterOpenMb = await heapMb(page)
  // Through every page, a screen at a time, each page drawn before moving on.
  const scroller = page.getByTestId('pdf-scroller')
  let maxLiveCanvases = 0
  let maxCanvasBytes = 0
  const started = performance.now()
  for (let n = 1; n <= pages; n++) {
    await page.getByTestId('pdf-page-input').fill(String(n))
    await page.getByTestId('pdf-page-input').press('Enter')
    await page.locator(`.pdf-page[data-page-number="${n}"][data-rendered]`).waitFor({ timeout: 60_000 })
    const live = await canvases(page)
    maxLiveCanvases = Math.max(maxLiveCanvases, live.count)
    maxCanvasBytes = Math.max(maxCanvasBytes, live.bytes)
  }
  const scrollAllMs = Math.round(performance.now() - started)
  await scroller.evaluate((element) => element.scrollTo(0, 0))
  return {
    file: title,
    sizeKb: Math.round((await stat(path)).size / 1024),
    pages,
    firstPageMs,
    heapAfterOpenMb,
    heapAfterScrollMb: await heapMb(page),
    maxLiveCanvases,
    maxCanvasMb: mb(maxCanvasBytes),
    scrollAllMs,
  }
}

const work = await mkdtemp(join(tmpdir(), 'commonplace-bench-pdf-'))
const folder = corpusFile('pdf')
const corpus = await Promise.all(
  (await readdir(folder))
    .filter((name) => name.endsWith('.pdf'))
    .map(async (name) => ({ path: join(folder, name), size: (await stat(join(folder, name))).size })),
)
const largest = corpus.sort((a, b) => b.size - a.size)[0]!.path
const generated = join(work, 'generated-300-pages.pdf')
await generatedPdf(generated)
const library = await openLibrary(
  join(work, 'library'),
  corpusFile('text', 'iraq-kurdish-referendum-2017.txt'),
)
const outcomes = await importPaths(library.store, [largest, generated])
const server = await startBrowserModeServer({
  library,
  rendererDir: join(REPO_ROOT, 'out/renderer'),
  port: 0,
})
const browser = await chromium.launch({ executablePath: chromiumBinary()!, args: CHROMIUM_FLAGS })
const rows: Figures[] = []
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  for (const [index, path] of [largest, generated].entries()) {
    const title = outcomes[index]!.title
    if (!title) throw new Error(`${path} did not import: ${outcomes[index]!.message}`)
    rows.push({
      ...(await measure(await context.newPage(), server.url, title, path)),
      file: path.split('/').pop()!,
    })
  }
} finally {
  await browser.close()
  await server.close()
  await library.store.close()
  await rm(work, { recursive: true, force: true })
}

console.table(rows)
const resultsFile = join(import.meta.dirname, 'results.json')
const results = JSON.parse(await readFile(resultsFile, 'utf8')) as Record<string, unknown>
const entry = { date: new Date().toISOString(), viewport: '1440x900', target: 'browser mode, Chromium', rows }
await writeFile(resultsFile, JSON.stringify({ ...results, pdfView: entry }, null, 2) + '\n')
console.log('wrote the pdfView entry of bench/results.json')
