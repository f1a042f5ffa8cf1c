// Excerpt offsets index the article text: every text node of the body in document order
// (articleTextOf in the core). Controls the reader adds to the body, such as image placeholders,
// are marked with CHROME_ATTRIBUTE and left out, so the text, and every offset, stays the core's.

/** Marks elements the reader inserted into the article body; their text is not article text. */
export const CHROME_ATTRIBUTE = 'data-reader-chrome'

/** The article's text nodes in document order, without the reader's own controls. */
export function articleTextNodes(root: Node): Text[] {
  const nodes: Text[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT
      return (node as Element).hasAttribute(CHROME_ATTRIBUTE)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_SKIP
    },
  })
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  return nodes
}

/** The offset in the article text of a DOM boundary point (a node and an offset in it). */
function offsetAt(nodes: Text[], node: Node, offset: number): number {
  const boundary = document.createRange()
  boundary.setStart(node, offset)
  boundary.collapse(true)
  let total = 0
  for (const text of nodes) {
    if (text === node) return total + Math.min(offset, text.length)
    // The boundary is not inside this node, so the node lies wholly before or wholly after it.
    if (boundary.comparePoint(text, 0) >= 0) return total
    total += text.length
  }
  return total
}

/** A passage of the article text. */
export interface TextSpan {
  start: number
  end: number
  quote: string
}

/**
 * Where a DOM range falls in the article text, clipped to the article and trimmed of surrounding
 * whitespace; null if it selects no article words.
 */
export function spanOfRange(root: Node, range: Range, text: string): TextSpan | null {
  if (range.collapsed || !range.intersectsNode(root)) return null
  const nodes = articleTextNodes(root)
  let start = root.contains(range.startContainer)
    ? offsetAt(nodes, range.startContainer, range.startOffset)
    : 0
  let end = root.contains(range.endContainer)
    ? offsetAt(nodes, range.endContainer, range.endOffset)
    : text.length
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end <= start) return null
  return { start, end, quote: text.slice(start, end) }
}

// Whitespace between blocks (the newline between two paragraphs) is article text, but a <mark> around
// it would be invalid inside a table or list, and a stray inline box elsewhere; it is left unwrapped.
const NO_INLINE_CONTENT = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'COLGROUP', 'UL', 'OL', 'DL'])
const BLOCKS = new Set([
  ...NO_INLINE_CONTENT,
  ...[
    'P',
    'DIV',
    'H1',
    'H2',
    'H3',
    'H4',
    'H5',
    'H6',
    'LI',
    'BLOCKQUOTE',
    'PRE',
    'FIGURE',
    'FIGCAPTION',
    'HR',
  ],
  ...['SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'DT', 'DD', 'ADDRESS', 'DETAILS', 'SUMMARY'],
])

function isBetweenBlocks(node: Text, root: Node): boolean {
  const parent = node.parentNode
  if (!parent) return true
  if (parent === root || NO_INLINE_CONTENT.has(parent.nodeName)) return true
  return BLOCKS.has(node.previousSibling?.nodeName ?? '') || BLOCKS.has(node.nextSibling?.nodeName ?? '')
}

/**
 * Wraps the article text in [start, end) in elements made by `makeWrapper`, one per text node the
 * passage touches, so a passage that crosses paragraphs or inline formatting is wrapped everywhere.
 */
export function wrapSpan(
  root: Node,
  start: number,
  end: number,
  makeWrapper: () => HTMLElement,
): HTMLElement[] {
  const wrappers: HTMLElement[] = []
  let position = 0
  for (const node of articleTextNodes(root)) {
    const nodeStart = position
    const nodeEnd = position + node.length
    position = nodeEnd
    if (nodeEnd <= start) continue
    if (nodeStart >= end) break
    const from = Math.max(start, nodeStart) - nodeStart
    const to = Math.min(end, nodeEnd) - nodeStart
    if (!node.data.slice(from, to).trim() && isBetweenBlocks(node, root)) continue
    let piece = node
    if (from > 0) piece = piece.splitText(from)
    if (to - from < piece.length) piece.splitText(to - from)
    const wrapper = makeWrapper()
    piece.parentNode!.insertBefore(wrapper, piece)
    wrapper.appendChild(piece)
    wrappers.push(wrapper)
  }
  return wrappers
}

/**
 * Where a stored passage is in the text shown. Normally its own offsets; if the text differs
 * (an article re-imported or sanitized differently), the occurrence of the quote nearest to them.
 */
export function locateSpan(text: string, span: TextSpan): { start: number; end: number } | null {
  if (text.slice(span.start, span.end) === span.quote) return { start: span.start, end: span.end }
  let best: number | null = null
  for (let at = text.indexOf(span.quote); at >= 0; at = text.indexOf(span.quote, at + 1)) {
    if (best === null || Math.abs(at - span.start) < Math.abs(best - span.start)) best = at
  }
  return best === null ? null : { start: best, end: best + span.quote.length }
}
