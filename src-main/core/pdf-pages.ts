import { z } from 'zod'
import type { LibraryStore } from './store/library-store'
import type { Article } from './records'
import { findArticle, readArticleText } from './articles'
import { CommonplaceError, RECOVERY_HINT } from './errors'
import { buildPdfTextMap, PDF_TEXT_MAP_VERSION, type PdfTextMap } from './import/pdf-text-map'

// What the page view of a PDF article needs from the library: the file as imported and the map
// from the article text to the items on its pages (import/pdf-text-map.ts).

export const PDF_TEXT_MAP_FILE = 'pdf-text-map.json'

const Offset = z.number().int().nonnegative()

/** The shape of a text map, checked when read from the library and when sent to the renderer. */
export const PdfTextMapSchema = z.object({
  version: z.literal(PDF_TEXT_MAP_VERSION),
  contentHash: z.string(),
  textLength: Offset,
  pages: z.array(
    z.object({
      page: z.number().int().positive(),
      start: Offset,
      end: Offset,
      runs: z.array(z.tuple([Offset, Offset, Offset, z.number().int().positive()])),
    }),
  ),
})

/** The body file an import writes beside the article's text. */
export function pdfTextMapBody(articleId: string, map: PdfTextMap): { path: string; content: string } {
  return { path: `articles/${articleId}/${PDF_TEXT_MAP_FILE}`, content: JSON.stringify(map) }
}

/** The original PDF of a PDF article, byte for byte. */
export async function readOriginalPdf(store: LibraryStore, id: string): Promise<Uint8Array> {
  const article = pdfArticle(store, id)
  const relative = `articles/${article.id}/${article.originalFile}`
  try {
    return await store.readBodyBytes(relative)
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new CommonplaceError(
      missing ? 'LIBRARY_FILE_MISSING' : 'LIBRARY_UNREADABLE',
      `The PDF of “${article.title}” (${article.id}), ${store.path(relative)}, ` +
        `${missing ? 'is missing' : `cannot be read (${(error as Error).message})`}. Nothing was changed. ${RECOVERY_HINT}`,
    )
  }
}

/**
 * The article's text map: the stored one when it was made for the current text; otherwise made from
 * the stored PDF and the stored text, and saved (articles imported before maps existed, or updated).
 */
export async function pdfTextMapOf(store: LibraryStore, id: string): Promise<PdfTextMap> {
  const article = pdfArticle(store, id)
  const stored = await readStoredMap(store, article)
  if (stored) return stored
  const [bytes, text] = await Promise.all([readOriginalPdf(store, id), readArticleText(store, id)])
  const { readPdf } = await import('./import/pdf-reader')
  const content = await readPdf(bytes, article.sourceName ?? article.title)
  const pages = content.pages.map((items) => (items ?? []).map((item) => item.str))
  const map = buildPdfTextMap(text, pages, article.contentHash)
  await store.transact((draft) => {
    // The article may have been deleted or updated meanwhile; then this map is not for it.
    const current = draft.articles.find((a) => a.id === id)
    return current?.contentHash === map.contentHash ? { bodies: [pdfTextMapBody(id, map)] } : {}
  })
  return map
}

async function readStoredMap(store: LibraryStore, article: Article): Promise<PdfTextMap | null> {
  let raw: string
  try {
    raw = await store.readBody(`articles/${article.id}/${PDF_TEXT_MAP_FILE}`)
  } catch {
    return null
  }
  try {
    const map = PdfTextMapSchema.safeParse(JSON.parse(raw))
    return map.success && map.data.contentHash === article.contentHash ? map.data : null
  } catch {
    // A damaged map is derived data: it is made again.
    return null
  }
}

function pdfArticle(store: LibraryStore, id: string): Article {
  const article = findArticle(store, id)
  if (article.format !== 'pdf' || !article.originalFile)
    throw new CommonplaceError('INVALID_INPUT', `The article “${article.title}” (${article.id}) is not a PDF`)
  return article
}
