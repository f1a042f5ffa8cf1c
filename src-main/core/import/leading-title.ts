import { defaultTreeAdapter, type DefaultTreeAdapterTypes } from 'parse5'
import { titleKey } from './title-key'

// A PDF's title page and an EPUB's first chapter open with the title, which the reader's header
// already shows: the article then reads its title twice. The first line of text goes when it is the
// title; nothing else is touched, and a first line that differs stays.

type ParsedNode = DefaultTreeAdapterTypes.Node
type ParsedElement = DefaultTreeAdapterTypes.Element

/** Elements a line of text is; the containers around them (section, div …) are looked into. */
const LINES = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'])

/**
 * Removes the first line of text (a heading or paragraph) from a parsed article body when it reads
 * as `title` (case, spacing and closing punctuation aside). Returns whether it did.
 */
export function dropLeadingTitle(root: ParsedNode, title: string): boolean {
  const line = firstLine(root)
  if (!line || titleKey(textOf(line)) !== titleKey(title) || !titleKey(title)) return false
  defaultTreeAdapter.detachNode(line)
  return true
}

/** The first heading or paragraph with words in it, in document order; null when text comes first outside one. */
function firstLine(node: ParsedNode): ParsedElement | null | undefined {
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    if (defaultTreeAdapter.isTextNode(child)) {
      if (child.value.trim()) return null
      continue
    }
    if (!defaultTreeAdapter.isElementNode(child)) continue
    if (LINES.has(child.tagName)) {
      if (textOf(child).trim()) return child
      continue
    }
    const found = firstLine(child)
    if (found !== undefined) return found
  }
  return undefined
}

function textOf(node: ParsedNode): string {
  if (defaultTreeAdapter.isTextNode(node)) return node.value
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : ''
}
