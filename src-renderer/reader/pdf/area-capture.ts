import type { PDFDocumentProxy } from 'pdfjs-dist'
import {
  pdfRectToView,
  type PageFrame,
  type PdfRect,
  type ViewRect,
} from '../../../src-main/core/area-geometry'

/** The picture of an area is drawn at this many pixels per PDF point (the library checks it). */
export const AREA_SCALE = 2

/** A page's frame (crop box and rotation), as area-geometry.ts takes it. */
export async function pageFrame(doc: PDFDocumentProxy, pageNumber: number): Promise<PageFrame> {
  const page = await doc.getPage(pageNumber)
  return { view: [...page.view] as PdfRect, rotation: page.rotate }
}

/**
 * Draws one rectangle of a page at 2× on a canvas of exactly its size (the page is shifted so the
 * rectangle's corner is the canvas's) and encodes it as PNG. Returns the bytes as base64, as the API takes them.
 */
export async function captureArea(doc: PDFDocumentProxy, pageNumber: number, rect: PdfRect): Promise<string> {
  const page = await doc.getPage(pageNumber)
  const frame: PageFrame = { view: [...page.view] as PdfRect, rotation: page.rotate }
  const area: ViewRect = pdfRectToView(frame, AREA_SCALE, rect)
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(area.width))
  canvas.height = Math.max(1, Math.round(area.height))
  try {
    await page.render({
      canvas,
      viewport: page.getViewport({ scale: AREA_SCALE }),
      transform: [1, 0, 0, 1, -area.left, -area.top],
      background: 'white',
    }).promise
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (png) => (png ? resolve(png) : reject(new Error('the page could not be drawn'))),
        'image/png',
      ),
    )
    return base64Of(new Uint8Array(await blob.arrayBuffer()))
  } finally {
    // A canvas's pixels are freed when it shrinks to nothing.
    canvas.width = 0
    canvas.height = 0
  }
}

function base64Of(bytes: Uint8Array): string {
  let binary = ''
  const step = 0x8000
  for (let at = 0; at < bytes.length; at += step)
    binary += String.fromCharCode(...bytes.subarray(at, at + step))
  return btoa(binary)
}
