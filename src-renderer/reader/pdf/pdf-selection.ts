import { textOffsetOf, type PdfTextMap } from '../../../src-main/core/import/pdf-text-map'
import type { TextSpan } from '../text-offsets'

// A selection on the pages' text layers, read as a passage of the article text through the text map:
// the same start, end and quote a selection of the same words in the text view gives.

/** Marks each text-layer span with its item index (pdf.js's textDivs are in item order). */
export function tagTextItems(textDivs: HTMLElement[]): void {
  textDivs.forEach((div, index) => (div.dataset.item = String(index)))
}

interface Boundary {
  page: number
  item: number
  offset: number
}

/** The article text a DOM range on the pages covers, trimmed of whitespace; null if none. */
export function spanOfPageRange(
  pages: HTMLElement,
  range: Range,
  map: PdfTextMap,
  text: string,
): TextSpan | null {
  if (range.collapsed || !pages.contains(range.commonAncestorContainer)) return null
  if (map.textLength !== text.length) return null
  const from = boundaryOf(range.startContainer, range.startOffset, 'start')
  const to = boundaryOf(range.endContainer, range.endOffset, 'end')
  if (!from || !to) return null
  let start = textOffsetOf(map, from.page, from.item, from.offset)
  let end = textOffsetOf(map, to.page, to.item, to.offset)
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end <= start) return null
  return { start, end, quote: text.slice(start, end) }
}

/**
 * A range boundary as a place in an item. Inside a span's text it is exact; on an element (a page's
 * text layer, a line break) it moves to the item after it (a start) or the end of the item before (an end).
 */
function boundaryOf(node: Node, offset: number, side: 'start' | 'end'): Boundary | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element)
  const span = element?.closest<HTMLElement>('[data-item]')
  if (span) {
    const page = pageNumberOf(span)
    if (page === null) return null
    const inside =
      node.nodeType === Node.TEXT_NODE ? offset : offset > 0 ? (span.textContent ?? '').length : 0
    return { page, item: Number(span.dataset.item), offset: inside }
  }
  if (!element) return null
  // Between children of a container: the nearest item in reading order on the side that counts.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (candidate) =>
      (candidate as HTMLElement).dataset.item !== undefined
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_SKIP,
  })
  const child = element.childNodes[offset] ?? null
  const probe = child ?? element
  walker.currentNode = probe
  let found: HTMLElement | null
  if (side === 'start') {
    found =
      child && (child as HTMLElement).dataset?.item !== undefined
        ? (child as HTMLElement)
        : (walker.nextNode() as HTMLElement | null)
  } else {
    if (!child) {
      // After the container's last child: the last item inside it, or else the one before it.
      const inside = element.querySelectorAll<HTMLElement>('[data-item]')
      found = inside[inside.length - 1] ?? (walker.previousNode() as HTMLElement | null)
    } else found = walker.previousNode() as HTMLElement | null
  }
  if (!found) return null
  const page = pageNumberOf(found)
  if (page === null) return null
  return {
    page,
    item: Number(found.dataset.item),
    offset: side === 'start' ? 0 : (found.textContent ?? '').length,
  }
}

function pageNumberOf(element: Element): number | null {
  const page = Number(element.closest<HTMLElement>('[data-page-number]')?.dataset.pageNumber)
  return Number.isInteger(page) && page > 0 ? page : null
}
