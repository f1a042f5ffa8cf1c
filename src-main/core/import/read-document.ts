import { importerFor, supportedExtensions } from './importers'
import { prepareArticleBody, type ArticleBody } from './article-body'
import { ImportError, type Importer, type ImportSource, type ImportedDocument } from './importer'
import { DecodeError } from './decode'
import { MAX_IMPORT_BYTES, tooLargeMessage } from './limits'
import { parseInThread, PARSE_TIME_BUDGET_MS } from './parse-thread'

/**
 * Formats whose body usually opens with the document's title, dropped from the body. Not PDF: its text
 * must stay the text of its printed pages (the page view maps one onto the other, pdf-text-map.ts), so
 * the reader hides a PDF's repeated title line instead (ArticleBody.tsx).
 */
const TITLE_OPENS_BODY = new Set(['epub'])

/** A source read into an article: what its importer found, and the sanitized body with its text. */
export interface ReadDocument {
  document: ImportedDocument
  body: ArticleBody
}

/**
 * Reads one file (or fetched resource) into an article body: the checks every import makes, then
 * parsing and sanitizing within a time budget. Fails with an ImportError naming the file and the reason.
 */
export async function readDocument(
  source: ImportSource,
  budgetMs = PARSE_TIME_BUDGET_MS,
): Promise<ReadDocument> {
  const { name } = source
  const importer = importerFor(name)
  if (!importer) {
    const supported = supportedExtensions().map((e) => '.' + e)
    throw new ImportError(`${name} is not a supported file type (supported: ${supported.join(', ')})`)
  }
  if (source.bytes.byteLength === 0) throw new ImportError(`${name} is empty`)
  if (source.bytes.byteLength > MAX_IMPORT_BYTES)
    throw new ImportError(tooLargeMessage(name, source.bytes.byteLength))
  // PDFs are read in pdf.js's own budgeted thread; what is left of them here is linear work on its output.
  if (importer.readsInOwnThread) return parseHere(importer, source)
  return parseInThread(source, budgetMs)
}

/** Parsing and sanitizing in the calling thread: the parse thread's work, and the PDF path. */
export async function parseHere(importer: Importer, source: ImportSource): Promise<ReadDocument> {
  let document: ImportedDocument
  try {
    document = await importer.parse(source)
  } catch (error) {
    if (error instanceof ImportError || error instanceof DecodeError) throw new ImportError(error.message)
    throw new ImportError(
      `${source.name} could not be read as ${importer.format}: ${(error as Error).message}`,
    )
  }
  // An EPUB's first chapter opens with the title the reader's header shows.
  const repeatedTitle = TITLE_OPENS_BODY.has(document.format) ? document.title : undefined
  return { document, body: prepareArticleBody(document.html, source.url, repeatedTitle) }
}
