// The map between a PDF article's text (text.txt) and pdf.js's text items on its pages, so that a
// selection on a page becomes the same excerpt as in the text view, and excerpts are lit on pages.
// The article text is built from the items (pdf-paragraphs.ts) by dropping characters (control
// characters, line-end hyphens, repeated whitespace) and inserting spaces and newlines, never by
// reordering them; so the map is found by walking both in order. Pure: shared by the core and the
// renderer (no Node or DOM globals).

/** A stretch of characters that is the same in an item's `str` and in the article text. */
export type TextRun = [item: number, strStart: number, textStart: number, length: number]

export interface PdfPageMap {
  /** 1-based page number. */
  page: number
  /** The page's part of the article text, [start, end): the pages partition the text. */
  start: number
  end: number
  /** Runs in text order (and so in item order). */
  runs: TextRun[]
}

/** What `articles/<id>/pdf-text-map.json` holds (docs/library-format.md). */
export interface PdfTextMap {
  version: 1
  /** The article's contentHash when the map was made: another text makes the map stale. */
  contentHash: string
  textLength: number
  pages: PdfPageMap[]
}

export const PDF_TEXT_MAP_VERSION = 1

/** Where one character of the article text is on the pages. */
export interface ItemPosition {
  page: number
  item: number
  /** Index into the item's `str`; at a character the importer inserted, the end of the run before it. */
  offset: number
  /** False for a space or newline the importer put between items. */
  exact: boolean
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c)

/**
 * Aligns the article text with the item strings of each page (in the order the reader reported
 * them, items without a `str` left out, as pdf.js's TextLayer does).
 */
export function buildPdfTextMap(text: string, pages: string[][], contentHash: string): PdfTextMap {
  const maps: PdfPageMap[] = []
  let t = 0
  for (let p = 0; p < pages.length; p++) {
    const runs: TextRun[] = []
    const items = pages[p]!
    for (let i = 0; i < items.length; i++) {
      const str = items[i]!
      for (let j = 0; j < str.length; j++) {
        const c = str[j]!
        let at = -1
        if (text[t] === c) at = t
        else if (!isSpace(c) && isSpace(text[t])) {
          // Spaces and newlines the importer put between items and blocks.
          let k = t
          while (isSpace(text[k])) k++
          if (text[k] === c) at = k
        }
        // No match: a character the importer dropped (a control character, a hyphen at a line end, a
        // repeated space); it has no place in the text.
        if (at < 0) continue
        const last = runs.at(-1)
        if (last && last[0] === i && last[1] + last[3] === j && last[2] + last[3] === at) last[3]++
        else runs.push([i, j, at, 1])
        t = at + 1
      }
    }
    maps.push({ page: p + 1, start: runs[0]?.[2] ?? -1, end: -1, runs })
  }
  // Each page's part runs from its first character to the next page's first character.
  let next = text.length
  for (let p = maps.length - 1; p >= 0; p--) {
    const page = maps[p]!
    if (page.start < 0) page.start = next
    page.end = next
    next = page.start
  }
  if (maps[0]) maps[0].start = 0
  return { version: PDF_TEXT_MAP_VERSION, contentHash, textLength: text.length, pages: maps }
}

/** True when any page has text to select (a scan has none). */
export function mapHasText(map: PdfTextMap): boolean {
  return map.pages.some((page) => page.runs.length > 0)
}

/** The page holding a text offset (the last page for the end of the text). */
export function pageMapAt(map: PdfTextMap, offset: number): PdfPageMap | null {
  const found = map.pages.find((page) => page.start <= offset && offset < page.end)
  if (found || offset !== map.textLength) return found ?? null
  return map.pages.findLast((page) => page.end > page.start) ?? null
}

/** Where a character of the article text is on the pages; null past the text or before any item. */
export function positionOf(map: PdfTextMap, offset: number): ItemPosition | null {
  if (offset < 0 || offset >= map.textLength) return null
  const page = pageMapAt(map, offset)
  if (!page) return null
  const run = lastRunAtOrBefore(page.runs, offset)
  if (!run) {
    // Text before the page's first item (only the start of page 1): it belongs to that first item.
    const first = page.runs[0]
    return first ? { page: page.page, item: first[0], offset: first[1], exact: false } : null
  }
  const [item, strStart, textStart, length] = run
  if (offset < textStart + length)
    return { page: page.page, item, offset: strStart + offset - textStart, exact: true }
  return { page: page.page, item, offset: strStart + length, exact: false }
}

/**
 * The text offset of a boundary inside an item's `str` (a selection's start or end). A boundary on a
 * dropped character moves forward to the next kept one: for a start, the first character selected;
 * for an end, one past the last.
 */
export function textOffsetOf(map: PdfTextMap, pageNumber: number, item: number, strOffset: number): number {
  const page = map.pages.find((p) => p.page === pageNumber)
  if (!page) return pageNumber < 1 ? 0 : map.textLength
  for (const [runItem, strStart, textStart, length] of page.runs) {
    if (runItem < item || (runItem === item && strStart + length <= strOffset)) continue
    // The first run at or after the boundary.
    return runItem === item && strOffset > strStart ? textStart + strOffset - strStart : textStart
  }
  return page.end
}

/** The text range an item covers: its characters and the spaces the importer put after them. */
export function itemTextRange(map: PdfTextMap, pageNumber: number, item: number): [number, number] | null {
  const page = map.pages.find((p) => p.page === pageNumber)
  if (!page) return null
  const index = page.runs.findIndex((run) => run[0] === item)
  if (index < 0) return null
  let last = index
  while (page.runs[last + 1]?.[0] === item) last++
  const next = page.runs[last + 1]
  return [page.runs[index]![2], next ? next[2] : page.end]
}

/** The pieces of the items a text range covers on one page, as [item, strStart, strEnd]. */
export function itemPiecesOf(page: PdfPageMap, start: number, end: number): [number, number, number][] {
  const pieces: [number, number, number][] = []
  for (const [item, strStart, textStart, length] of page.runs) {
    const from = Math.max(start, textStart)
    const to = Math.min(end, textStart + length)
    if (to <= from) continue
    const piece: [number, number, number] = [item, strStart + from - textStart, strStart + to - textStart]
    const last = pieces.at(-1)
    // Pieces of one item (split by a dropped character) light as one.
    if (last && last[0] === item) last[2] = piece[2]
    else pieces.push(piece)
  }
  return pieces
}

function lastRunAtOrBefore(runs: TextRun[], offset: number): TextRun | null {
  let low = 0
  let high = runs.length - 1
  let found: TextRun | null = null
  while (low <= high) {
    const middle = (low + high) >> 1
    if (runs[middle]![2] <= offset) {
      found = runs[middle]!
      low = middle + 1
    } else high = middle - 1
  }
  return found
}
