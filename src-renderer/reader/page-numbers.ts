import type { TextWalkable } from '../../src-main/core/import/article-text'

/** Where each page of a PDF article starts in the article text (PDF bodies are `<section data-page="N">`s). */
export interface PageStart {
  page: number
  start: number
}

interface PagedNode extends TextWalkable {
  getAttribute?(name: string): string | null
}

const TEXT_NODE = 3

/** The page starts of an article body, walked in the same order as the article text; empty for unpaged articles. */
export function pageStartsOf(root: PagedNode): PageStart[] {
  const starts: PageStart[] = []
  let offset = 0
  const visit = (node: PagedNode): void => {
    if (node.nodeType === TEXT_NODE) {
      offset += node.nodeValue?.length ?? 0
      return
    }
    const page = Number(node.getAttribute?.('data-page'))
    if (Number.isInteger(page) && page > 0) starts.push({ page, start: offset })
    for (let i = 0; i < node.childNodes.length; i++) visit(node.childNodes[i] as PagedNode)
  }
  visit(root)
  return starts
}

/** The page an offset of the article text falls on, or null for an unpaged article. */
export function pageAt(starts: PageStart[], offset: number): number | null {
  let found: number | null = null
  for (const { page, start } of starts) {
    if (start > offset) break
    found = page
  }
  return found ?? starts[0]?.page ?? null
}
