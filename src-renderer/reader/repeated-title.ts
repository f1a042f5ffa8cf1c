// A PDF's title page opens with the title the reader's header already shows, and its text keeps that
// line (the page view maps the text onto the printed pages). The reader marks the line so it is not
// read twice: hidden, never removed, as its words stay part of the text the excerpt offsets count.
import { titleKey } from '../../src-main/core/import/title-key'

/** Elements a line of text is; the containers around them (section, div …) are looked into. */
const LINE = /^(H[1-6]|P)$/

/** The first heading or paragraph with words in it, when no other text comes before it. */
export function firstTextLine(root: Element): Element | null {
  for (const child of root.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      if (child.textContent?.trim()) return null
      continue
    }
    if (!(child instanceof Element)) continue
    if (LINE.test(child.nodeName)) {
      if (child.textContent?.trim()) return child
      continue
    }
    const found = firstTextLine(child)
    if (found || child.textContent?.trim()) return found
  }
  return null
}

/** Marks the body's first line `data-repeats-title` when it reads as `title` (case, spacing aside). */
export function markRepeatedTitle(body: Element, title: string): void {
  const line = firstTextLine(body)
  if (line && titleKey(title) && titleKey(line.textContent ?? '') === titleKey(title))
    line.setAttribute('data-repeats-title', '')
}
