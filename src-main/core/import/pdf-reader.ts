import { Worker } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PdfTextItem } from './pdf-paragraphs'
import { ImportError } from './importer'
import { BudgetedThread } from './budgeted-thread'

// pdf.js in Node runs its parser in the calling thread, so PDFs are read in a budgeted worker thread
// (budgeted-thread.ts) that is stopped when a file overruns its time budget or memory cap.

/** How long reading one PDF may take before it is stopped; a hostile file cannot hang an import. */
export const PDF_TIME_BUDGET_MS = 30_000
/** Memory the PDF reader may use; a decompression bomb stops the reader, not the app. */
export const PDF_MEMORY_MB = 512

/** What the reader thread reports about a document. */
export interface PdfContent {
  pageCount: number
  info: Record<string, string | undefined>
  /** Text items per page read; null for a page that could not be read. */
  pages: (PdfTextItem[] | null)[]
  /** Why the first unreadable page could not be read. */
  firstError: string | null
  /** True when the time budget ran out before every page was read. */
  timedOut: boolean
}

type ReaderMessage =
  | { type: 'document'; pageCount: number; info: Record<string, string | undefined> }
  | { type: 'page'; items: PdfTextItem[] | null; error: string | null }
  | { type: 'frame'; view: [number, number, number, number]; rotation: number }
  | { type: 'done' }
  | { type: 'error'; name: string; message: string }

const readerThread = new BudgetedThread({
  memoryMb: PDF_MEMORY_MB,
  start: (resourceLimits) =>
    new Worker(READER_SOURCE, {
      eval: true,
      workerData: pdfjsLocations(),
      resourceLimits,
      stdout: true,
      stderr: true,
    }),
})

/** Reads a PDF's text items and document info, one file at a time, within the time budget. */
export function readPdf(
  bytes: Uint8Array,
  fileName: string,
  budgetMs = PDF_TIME_BUDGET_MS,
): Promise<PdfContent> {
  const content: PdfContent = { pageCount: 0, info: {}, pages: [], firstError: null, timedOut: false }
  return readerThread.run<PdfContent>({
    request: { bytes },
    budgetMs,
    message(raw) {
      const message = raw as ReaderMessage
      if (message.type === 'document')
        Object.assign(content, { pageCount: message.pageCount, info: message.info })
      else if (message.type === 'page') {
        content.pages.push(message.items)
        content.firstError ??= message.error
      } else if (message.type === 'done') return { outcome: content }
      else if (message.type === 'error') return { outcome: readerError(message, fileName) }
      return undefined
    },
    timedOut: () =>
      content.pages.length > 0
        ? { ...content, timedOut: true }
        : new ImportError(
            `${fileName} took longer than ${budgetMs / 1000} s to open and was stopped; it may be damaged or built to stall readers`,
          ),
    failed: (reason) => new ImportError(`${fileName} could not be read: ${reason}`),
  })
}

/** One page's crop box (user space) and rotation, read without reading any page's text. */
export function readPdfPageFrame(
  bytes: Uint8Array,
  fileName: string,
  page: number,
  budgetMs = PDF_TIME_BUDGET_MS,
): Promise<{ view: [number, number, number, number]; rotation: number; pageCount: number }> {
  let pageCount = 0
  let frame: { view: [number, number, number, number]; rotation: number } | null = null
  return readerThread.run<{ view: [number, number, number, number]; rotation: number; pageCount: number }>({
    request: { bytes, page },
    budgetMs,
    message(raw) {
      const message = raw as ReaderMessage
      if (message.type === 'document') pageCount = message.pageCount
      else if (message.type === 'frame') frame = { view: message.view, rotation: message.rotation }
      else if (message.type === 'done')
        return {
          outcome: frame
            ? { ...frame, pageCount }
            : new ImportError(`${fileName} has no page ${page} (it has ${pageCount})`),
        }
      else if (message.type === 'error') return { outcome: readerError(message, fileName) }
      return undefined
    },
    timedOut: () => new ImportError(`${fileName} took longer than ${budgetMs / 1000} s to open`),
    failed: (reason) => new ImportError(`${fileName} could not be read: ${reason}`),
  })
}

function readerError(message: { name: string; message: string }, fileName: string): ImportError {
  if (message.name === 'PasswordException') {
    return new ImportError(
      `${fileName} is protected by a password; remove the protection and import it again`,
    )
  }
  if (message.name === 'InvalidPDFException')
    return new ImportError(`${fileName} is not a valid PDF: ${message.message}`)
  return new ImportError(`${fileName} is damaged and could not be read: ${message.message}`)
}

/** File URLs of pdf.js and the folders of its font and CMap data, resolved where this module runs. */
function pdfjsLocations(): Record<string, string> {
  const require = createRequire(import.meta.url)
  const api = require.resolve('pdfjs-dist/legacy/build/pdf.mjs')
  const root = join(dirname(api), '../..')
  return {
    apiUrl: pathToFileURL(api).href,
    workerUrl: pathToFileURL(join(dirname(api), 'pdf.worker.mjs')).href,
    cMapDir: join(root, 'cmaps') + '/',
    fontDir: join(root, 'standard_fonts') + '/',
  }
}

// The reader thread's program: plain JavaScript evaluated by the Worker (no bundler or TypeScript
// loader is involved, so it runs the same under Electron, Vitest and tsx). It only extracts data.
// isEvalSupported is off, so nothing in a PDF is ever turned into code.
const READER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
let pdfjs = null
async function load() {
  if (!pdfjs) {
    pdfjs = await import(workerData.apiUrl)
    // pdf.js's own worker code runs in this thread ("fake worker"): this thread is the isolation.
    globalThis.pdfjsWorker = await import(workerData.workerUrl)
  }
  return pdfjs
}
async function read(id, bytes, onlyPage) {
  const post = (message) => parentPort.postMessage({ id, ...message })
  const task = (await load()).getDocument({
    data: bytes, isEvalSupported: false, enableXfa: false, verbosity: 0,
    cMapUrl: workerData.cMapDir, cMapPacked: true, standardFontDataUrl: workerData.fontDir,
    useSystemFonts: false, disableFontFace: true, stopAtErrors: false,
  })
  try {
    const doc = await task.promise
    const meta = await doc.getMetadata().catch(() => ({}))
    const info = meta.info || {}
    const xmp = meta.metadata
    const text = (v) => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : undefined)
    post({ type: 'document', pageCount: doc.numPages, info: {
      title: text(info.Title) || text(xmp && xmp.get('dc:title')),
      author: text(info.Author) || text(xmp && xmp.get('dc:creator')),
      subject: text(info.Subject), language: text(info.Language), created: text(info.CreationDate),
    } })
    if (onlyPage) {
      if (onlyPage <= doc.numPages) {
        const page = await doc.getPage(onlyPage)
        post({ type: 'frame', view: page.view, rotation: page.rotate })
      }
      post({ type: 'done' })
      return
    }
    for (let n = 1; n <= doc.numPages; n++) {
      let items = null
      let error = null
      try {
        const page = await doc.getPage(n)
        const content = await page.getTextContent()
        items = content.items.filter((i) => typeof i.str === 'string').map((i) => ({
          str: i.str, x: i.transform[4], y: i.transform[5], width: i.width,
          size: Math.hypot(i.transform[2], i.transform[3]) || i.height, eol: i.hasEOL, dir: i.dir,
        }))
        page.cleanup()
      } catch (e) {
        error = String((e && e.message) || e)
      }
      post({ type: 'page', items, error })
    }
    post({ type: 'done' })
  } finally {
    await task.destroy()
  }
}
parentPort.on('message', ({ id, bytes, page }) => {
  read(id, bytes, page).catch((e) => parentPort.postMessage({ id, type: 'error', name: (e && e.name) || 'Error', message: String((e && e.message) || e) }))
})
`
