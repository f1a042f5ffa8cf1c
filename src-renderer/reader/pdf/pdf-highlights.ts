import { itemPiecesOf, type PdfPageMap } from '../../../src-main/core/import/pdf-text-map'
import type { Excerpt } from '../../../src-main/core/records'

/** One highlight box on a page, in fractions of the page's size (so it holds at any zoom). */
export interface PageMark {
  excerptId: string
  color: string
  left: number
  top: number
  width: number
  height: number
  /** The rectangle of an area excerpt (drawn as a frame, not a wash over words). */
  area?: boolean
}

/**
 * The boxes that light `excerpts` (already located in the current text) on one rendered page: the
 * client rectangles of the pieces of the text-layer spans their text covers.
 */
export function pageMarksOf(
  page: HTMLElement,
  textDivs: HTMLElement[],
  pageMap: PdfPageMap,
  excerpts: { excerpt: Excerpt; start: number; end: number }[],
): PageMark[] {
  const box = page.getBoundingClientRect()
  if (box.width === 0 || box.height === 0) return []
  const marks: PageMark[] = []
  const range = document.createRange()
  for (const { excerpt, start, end } of excerpts) {
    if (end <= pageMap.start || start >= pageMap.end) continue
    for (const [item, from, to] of itemPiecesOf(pageMap, start, end)) {
      const textNode = textDivs[item]?.firstChild
      if (!textNode || textNode.nodeType !== Node.TEXT_NODE) continue
      const length = textNode.nodeValue?.length ?? 0
      range.setStart(textNode, Math.min(from, length))
      range.setEnd(textNode, Math.min(to, length))
      for (const rect of range.getClientRects()) {
        if (rect.width === 0 || rect.height === 0) continue
        marks.push({
          excerptId: excerpt.id,
          color: excerpt.color,
          left: (rect.left - box.left) / box.width,
          top: (rect.top - box.top) / box.height,
          width: rect.width / box.width,
          height: rect.height / box.height,
        })
      }
    }
  }
  return marks
}
