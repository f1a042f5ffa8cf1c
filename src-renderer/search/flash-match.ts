// Opening a search result shows the words it matched: the first place they stand in the article or
// the note is scrolled into view and lit for a moment with the CSS Custom Highlight API, which
// paints over the text without touching the DOM the reader and the editor own.

const HIGHLIGHT = 'search-match'
const SHOWN_MS = 2500

/** Lower case without accents, the way the index compares words. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** The range of the first place `words` stand in `root`'s text (case and accents aside), or null. */
export function findWords(root: Node, words: string): Range | null {
  const wanted = fold(words).replace(/\s+/g, ' ').trim()
  if (!wanted) return null
  // The text folded one character at a time, each folded character pointing back at its node and offset.
  let folded = ''
  const where: { node: Text; offset: number }[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data
    for (let offset = 0; offset < text.length; offset++) {
      const char = /\s/.test(text[offset]!) ? ' ' : fold(text[offset]!)
      for (const piece of char) {
        if (piece === ' ' && folded.endsWith(' ')) continue
        folded += piece
        where.push({ node, offset })
      }
    }
    if (!folded.endsWith(' ')) {
      folded += ' ' // blocks and text nodes: words never run into each other
      where.push({ node, offset: text.length })
    }
  }
  const at = folded.indexOf(wanted)
  if (at < 0) return null
  const start = where[at]!
  const end = where[at + wanted.length - 1]!
  const range = document.createRange()
  range.setStart(start.node, start.offset)
  range.setEnd(end.node, Math.min(end.offset + 1, end.node.data.length))
  return range
}

/** Scrolls to the words and lights them for a moment; false when they are not (yet) in `root`. */
export function flashWords(root: Node, words: string): boolean {
  const range = findWords(root, words)
  if (!range) return false
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' })
  if (typeof Highlight !== 'undefined' && CSS.highlights) {
    const highlight = new Highlight(range)
    CSS.highlights.set(HIGHLIGHT, highlight)
    setTimeout(() => {
      if (CSS.highlights.get(HIGHLIGHT) === highlight) CSS.highlights.delete(HIGHLIGHT)
    }, SHOWN_MS)
  }
  return true
}

/**
 * Flashes the words once they are shown: an article or a note opened from a result loads after the
 * click, so `container` is watched until `locate` finds the element that holds the words and they
 * are in it (or `giveUpMs` passes). Returns a function that stops watching.
 */
export function flashWhenShown(
  container: HTMLElement,
  locate: () => Element | null,
  words: string,
  giveUpMs = 5000,
): () => void {
  // The words of a result opened before are no longer the ones asked for: they go out at once.
  if (typeof CSS !== 'undefined' && CSS.highlights) CSS.highlights.delete(HIGHLIGHT)
  const attempt = () => {
    const root = locate()
    return root !== null && flashWords(root, words)
  }
  if (attempt()) return () => undefined
  const observer = new MutationObserver(() => {
    if (attempt()) stop()
  })
  const timer = setTimeout(() => stop(), giveUpMs)
  const stop = () => {
    observer.disconnect()
    clearTimeout(timer)
  }
  observer.observe(container, { childList: true, subtree: true, characterData: true })
  return stop
}
