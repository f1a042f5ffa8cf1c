// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { buildPdfTextMap } from '../../../src-main/core/import/pdf-text-map'
import { spanOfPageRange, tagTextItems } from './pdf-selection'

// Two pages laid out as pdf.js's TextLayer lays them out: one span per text item, in item order, a
// <br> after an item that ends a line. The article text joins the lines into paragraphs ("neu-" +
// "tral" → "neutral") and the pages with a newline, as the PDF importer does.
const ITEMS = [
  ['A neu-', 'tral tone', ' is kept.'],
  ['Page two ', 'begins here.'],
]
const TEXT = 'A neutral tone is kept.\nPage two begins here.'

function pages(): HTMLElement {
  const root = document.createElement('div')
  ITEMS.forEach((items, index) => {
    const page = document.createElement('div')
    page.dataset.pageNumber = String(index + 1)
    const layer = document.createElement('div')
    layer.className = 'textLayer'
    const spans = items.map((str) => {
      const span = document.createElement('span')
      span.textContent = str
      layer.append(span, document.createElement('br'))
      return span
    })
    tagTextItems(spans)
    page.append(layer)
    root.append(page)
  })
  document.body.replaceChildren(root)
  return root
}

const map = buildPdfTextMap(TEXT, ITEMS, 'hash')
const span = (root: HTMLElement, page: number, item: number) =>
  root.querySelectorAll(`[data-page-number="${page}"] [data-item]`)[item]!

describe('a selection on the pages as a passage of the article text', () => {
  it('selects the same words as the text view, across items and a dropped hyphen', () => {
    const root = pages()
    const range = document.createRange()
    range.setStart(span(root, 1, 0).firstChild!, 2)
    range.setEnd(span(root, 1, 1).firstChild!, 4)
    expect(spanOfPageRange(root, range, map, TEXT)).toEqual({ start: 2, end: 9, quote: 'neutral' })
  })

  it('runs across pages, and a boundary between elements moves to the nearest item', () => {
    const root = pages()
    const range = document.createRange()
    const layer2 = root.querySelector('[data-page-number="2"] .textLayer')!
    range.setStart(span(root, 1, 2).firstChild!, 1)
    // After the second page's last child: the end of its last item.
    range.setEnd(layer2, layer2.childNodes.length)
    expect(spanOfPageRange(root, range, map, TEXT)).toEqual({
      start: 15,
      end: TEXT.length,
      quote: 'is kept.\nPage two begins here.',
    })
  })

  it('is nothing when it selects no article words or the map is for another text', () => {
    const root = pages()
    const range = document.createRange()
    range.setStart(span(root, 2, 0).firstChild!, 4)
    range.setEnd(span(root, 2, 0).firstChild!, 5)
    expect(spanOfPageRange(root, range, map, TEXT)).toBeNull()
    range.setStart(span(root, 2, 0).firstChild!, 0)
    expect(spanOfPageRange(root, range, map, TEXT + ' more')).toBeNull()
  })
})
