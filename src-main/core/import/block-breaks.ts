// The stored article text is every text node joined (article-text.ts), so "<p>end.</p><p>Start" reads
// "end.Start": words of adjacent blocks run together in search, word counts and excerpts. Generated
// HTML (mammoth's, EPUB chapters, minified pages) often has no whitespace between blocks; a line break
// after each block restores the boundary without changing how the article looks.

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
])

/** Inserts a line break after every block element (and `<br>`) that is directly followed by something other than whitespace. */
export function separateBlocks(root: Element): void {
  const document = root.ownerDocument
  for (const element of [...root.querySelectorAll('*')]) {
    if (!BLOCKS.has(element.localName.toLowerCase())) continue
    const next = element.nextSibling
    if (!next) {
      // The last child of a block: its parent's own break (or the end of the article) follows.
      continue
    }
    if (next.nodeType === 3 && /^\s/.test(next.nodeValue ?? '')) continue
    element.after(document.createTextNode('\n'))
  }
}
