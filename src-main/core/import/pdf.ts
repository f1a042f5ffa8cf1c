import { escapeHtml } from './article-body'
import {
  blocksOf,
  bodyTextSize,
  hyphenatedWords,
  linesOf,
  type PdfBlock,
  type PdfTextItem,
} from './pdf-paragraphs'
import { titleFromFileName, titleFromOpening } from './title'
import { readPdf, PDF_TIME_BUDGET_MS, type PdfContent } from './pdf-reader'
import { ImportError, type Importer, type ImportedDocument } from './importer'

/** PDF with a text layer: paragraphs and headings rebuilt per page, each page a `<section data-page="N">`. */
export const pdfImporter: Importer = {
  format: 'pdf',
  extensions: ['pdf'],
  readsInOwnThread: true,
  async parse(source) {
    if (!isPdf(source.bytes))
      throw new ImportError(`${source.name} is not a PDF file (it does not start with %PDF)`)
    const content = await readPdf(source.bytes, source.name)
    return pdfDocument(content, source.name)
  },
}

function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk; readers accept it within the first kilobyte.
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-')
}

/** Builds the article from what the reader thread found. */
export function pdfDocument(content: PdfContent, fileName: string): ImportedDocument {
  const readable = content.pages.filter((page): page is PdfTextItem[] => page !== null)
  if (readable.length === 0) {
    const reason = content.firstError ? ` (${content.firstError})` : ''
    throw new ImportError(
      `${fileName} is damaged: none of its ${content.pageCount} pages could be read${reason}`,
    )
  }
  const bodySize = bodyTextSize(readable)
  const pageLines = content.pages.map((items) => (items ? linesOf(items) : null))
  const keepHyphen = hyphenatedWords(pageLines.filter((lines) => lines !== null))
  const pageBlocks = pageLines.map((lines) => (lines ? blocksOf(lines, bodySize, keepHyphen) : null))
  const headingLevels = levelsBySize(pageBlocks.flatMap((blocks) => blocks ?? []))
  const notices: string[] = []
  const failed = content.pages.flatMap((page, index) => (page === null ? [index + 1] : []))
  if (failed.length)
    notices.push(
      `${failed.length === 1 ? 'Page' : 'Pages'} ${failed.join(', ')} could not be read (the file is damaged there).`,
    )
  if (content.timedOut) {
    notices.push(
      `Only the first ${content.pages.length} of ${content.pageCount} pages could be read within ${PDF_TIME_BUDGET_MS / 1000} s.`,
    )
  }

  const hasText = pageBlocks.some((blocks) => blocks && blocks.length > 0)
  let html: string
  let identifiedByBytes = false
  if (hasText) {
    html = pageBlocks
      .map(
        (blocks, index) =>
          `<section data-page="${index + 1}">${(blocks ?? []).map((block) => blockHtml(block, headingLevels)).join('\n')}</section>`,
      )
      .join('\n')
  } else {
    // The explanation stands in for the text (and a notice); re-imports are recognised by the file's bytes.
    notices.push(NO_TEXT_LAYER_NOTICE)
    identifiedByBytes = true
    html = `<p>${escapeHtml(`${fileName} has ${content.pageCount} ${content.pageCount === 1 ? 'page' : 'pages'} but no text layer: it holds only pictures of pages (probably a scan), so there is no text to read or excerpt. Run it through text recognition (OCR) and import the result.`)}</p>`
  }

  // The title page's largest text, if it stands out from the body text: usually the document title.
  const titleBlock = (pageBlocks[0] ?? [])
    .filter((block) => block.size >= bodySize * 1.2 && block.text.length <= 200)
    .reduce<PdfBlock | null>((best, block) => (!best || block.size > best.size ? block : best), null)
  const firstText = pageBlocks.flatMap((blocks) => blocks ?? []).find((block) => block.kind === 'paragraph')
  return {
    identifiedByBytes,
    format: 'pdf',
    title:
      usableInfo(content.info.title) ??
      (titleBlock?.text.replace(/[\s.]+$/, '') || null) ??
      titleFromFileName(fileName) ??
      (firstText ? titleFromOpening(firstText.text) : fileName),
    html,
    byline: usableInfo(content.info.author),
    publishedAt: pdfDate(content.info.created),
    lang: usableInfo(content.info.language),
    description: usableInfo(content.info.subject),
    notices,
    pdfItems: hasText ? content.pages.map((items) => (items ?? []).map((item) => item.str)) : undefined,
  }
}

/** Shown with a PDF whose pages are pictures only. */
export const NO_TEXT_LAYER_NOTICE =
  'This PDF has no text layer (its pages are images, probably scanned), so it has no text to excerpt.'

/** The largest heading size becomes h2 (the article title is the h1), the next h3, the rest h4. */
function levelsBySize(blocks: PdfBlock[]): Map<number, number> {
  const sizes = [...new Set(blocks.filter((b) => b.kind === 'heading').map((b) => b.size))].sort(
    (a, b) => b - a,
  )
  return new Map(sizes.map((size, index) => [size, Math.min(2 + index, 4)]))
}

function blockHtml(block: PdfBlock, levels: Map<number, number>): string {
  const text = escapeHtml(block.text)
  if (block.kind === 'heading') {
    const level = levels.get(block.size) ?? 4
    return `<h${level}>${text}</h${level}>`
  }
  return `<p>${text}</p>`
}

/** Document info strings are often empty, placeholders or mojibake; those are not worth showing. */
function usableInfo(value: string | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim()
  if (!text || /[\p{Cc}\uFFFD]/u.test(text)) return null
  if (/^(untitled|unknown|title|author|none|-+)$/i.test(text)) return null
  if (/\.(docx?|pdf|tex|dvi|indd|rtf|odt)$/i.test(text)) return null
  return text.replace(/^Microsoft (Word|PowerPoint) - /, '')
}

/** PDF dates look like D:20120410143026-07'00'; the result is an ISO 8601 string. */
function pdfDate(value: string | undefined): string | null {
  const match = /^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(
    value?.trim() ?? '',
  )
  if (!match) return null
  const [
    ,
    year,
    month = '01',
    day = '01',
    hour = '00',
    minute = '00',
    second = '00',
    sign,
    offH = '00',
    offM = '00',
  ] = match
  const zone = !sign || sign.toUpperCase() === 'Z' ? 'Z' : `${sign}${offH}:${offM}`
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
