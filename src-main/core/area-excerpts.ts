// Area excerpts: a figure, an equation or a table cut from a PDF page as a picture. The record holds
// the page and the rectangle (area-geometry.ts); the picture, drawn by the page view at 2×, is a PNG
// file in the article's folder, written and removed by the store in the same transaction as the record.
import { createHash } from 'node:crypto'
import type { LibraryStore } from './store/library-store'
import type { Excerpt, ExcerptArea } from './records'
import { CommonplaceError, RECOVERY_HINT } from './errors'
import { findArticle } from './articles'
import { newId } from './ids'
import { drawnSize, isInsidePage, type PdfRect } from './area-geometry'
import { pdfTextMapOf, readOriginalPdf } from './pdf-pages'

/** The picture is the rectangle drawn at this many pixels per PDF point. */
export const AREA_SCALE = 2
/** Largest PNG accepted (a full A3 page at 2× is about 5 MB as PNG). */
export const MAX_AREA_PNG_BYTES = 12 * 1024 * 1024
/** How far the PNG's size may be from the rectangle's at 2× (rounding of each edge to whole pixels). */
const PIXEL_SLACK = 2

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Where an area excerpt's PNG is, inside the library; built from the record's validated ids only. */
export function areaImagePath(excerpt: Pick<Excerpt, 'id' | 'articleId'>): string {
  return `articles/${excerpt.articleId}/areas/${excerpt.id}.png`
}

/** The hex SHA-256 of an area's PNG bytes (kept in the record, and checked by `verify`). */
export function areaImageHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A PNG's width and height from its header; refuses bytes that are not a PNG, or too many of them. */
export function pngSize(bytes: Uint8Array, what = 'The picture'): { width: number; height: number } {
  if (bytes.byteLength > MAX_AREA_PNG_BYTES) {
    throw new CommonplaceError(
      'INVALID_INPUT',
      `${what} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; an area excerpt's PNG may be at most ${MAX_AREA_PNG_BYTES / 1024 / 1024} MB`,
    )
  }
  const header = bytes.byteLength >= 24 && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)
  // The first chunk of a PNG is IHDR: its length (13), its name, then width and height.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const ihdr = header && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR'
  if (!ihdr) throw new CommonplaceError('INVALID_INPUT', `${what} is not a PNG file`)
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  if (width === 0 || height === 0) throw new CommonplaceError('INVALID_INPUT', `${what} has no pixels`)
  return { width, height }
}

/** What the page view sends for a new area excerpt. */
export interface AreaSelection {
  articleId: string
  page: number
  rect: PdfRect
  png: Uint8Array
}

/**
 * Makes an area excerpt: checks that the page exists, that the rectangle lies on it and that the
 * PNG is one, of the rectangle's size at 2×; then writes the PNG and the record in one transaction.
 */
export async function createAreaExcerpt(store: LibraryStore, selection: AreaSelection): Promise<Excerpt> {
  const article = findArticle(store, selection.articleId)
  const { page, rect, png } = selection
  const image = pngSize(png)
  const { readPdfPageFrame } = await import('./import/pdf-reader')
  const bytes = await readOriginalPdf(store, article.id)
  const frame = await readPdfPageFrame(bytes, article.sourceName ?? article.title, page).catch(
    (error: Error) => {
      throw new CommonplaceError('INVALID_INPUT', `Page ${page} of “${article.title}”: ${error.message}`)
    },
  )
  if (!isInsidePage(frame, rect)) {
    throw new CommonplaceError(
      'INVALID_INPUT',
      `The rectangle [${rect.join(', ')}] is not on page ${page} of “${article.title}” ([${frame.view.join(', ')}])`,
    )
  }
  const size = drawnSize(frame, rect)
  const expected = { width: size.width * AREA_SCALE, height: size.height * AREA_SCALE }
  if (
    Math.abs(image.width - expected.width) > PIXEL_SLACK ||
    Math.abs(image.height - expected.height) > PIXEL_SLACK
  ) {
    throw new CommonplaceError(
      'INVALID_INPUT',
      `The picture is ${image.width}×${image.height} pixels; the rectangle at ${AREA_SCALE}× is ${Math.round(expected.width)}×${Math.round(expected.height)}`,
    )
  }
  // In reading order, an area excerpt sits where its page's text begins.
  const map = await pdfTextMapOf(store, article.id)
  const at = map.pages[page - 1]?.start ?? map.textLength
  const area: ExcerptArea = {
    page,
    rect,
    imageWidth: image.width,
    imageHeight: image.height,
    imageHash: areaImageHash(png),
  }
  const excerpt: Excerpt = {
    id: newId('ex'),
    articleId: article.id,
    quote: '',
    prefix: '',
    suffix: '',
    start: at,
    end: at,
    articleHash: article.contentHash,
    createdAt: new Date().toISOString(),
    state: 'exact',
    previousQuote: null,
    color: 'yellow',
    comment: '',
    tags: [],
    area,
  }
  await store.transact((draft) => {
    if (!draft.articles.some((a) => a.id === article.id)) {
      throw new CommonplaceError('NOT_FOUND', `No article with id ${article.id} in this library`)
    }
    draft.excerpts.push(excerpt)
    return { bodies: [{ path: areaImagePath(excerpt), content: png }] }
  })
  return excerpt
}

/** An area excerpt's PNG, byte for byte. */
export async function readAreaImage(store: LibraryStore, excerpt: Excerpt): Promise<Uint8Array> {
  if (!excerpt.area) throw new CommonplaceError('INVALID_INPUT', `The excerpt ${excerpt.id} is not an area`)
  const path = areaImagePath(excerpt)
  try {
    return await store.readBodyBytes(path)
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new CommonplaceError(
      missing ? 'LIBRARY_FILE_MISSING' : 'LIBRARY_UNREADABLE',
      `The picture of excerpt ${excerpt.id}, ${store.path(path)}, ${missing ? 'is missing' : `cannot be read (${(error as Error).message})`}. ${RECOVERY_HINT}`,
    )
  }
}

/** Checks that bytes given back for an undo are the area's own picture. */
export function checkAreaImage(excerpt: Excerpt, png: Uint8Array | undefined): Uint8Array {
  if (!excerpt.area) throw new CommonplaceError('INVALID_INPUT', `The excerpt ${excerpt.id} is not an area`)
  if (!png)
    throw new CommonplaceError('INVALID_INPUT', `Putting back area excerpt ${excerpt.id} needs its picture`)
  pngSize(png)
  if (areaImageHash(png) !== excerpt.area.imageHash)
    throw new CommonplaceError('INVALID_INPUT', `The picture given is not the one of excerpt ${excerpt.id}`)
  return png
}
