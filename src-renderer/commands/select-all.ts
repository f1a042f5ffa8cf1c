import { selectArticle } from '../reader/caret-browsing'

/**
 * Edit ▸ Select All in the desktop app (the menu item asks the window rather than selecting the whole
 * window): in the article, its text only, as Ctrl/⌘+A there does; in a field or the note editor, what
 * it holds; elsewhere the page, as a browser's Select All does.
 */
export function selectAllWhereFocused(): void {
  const active = document.activeElement
  const articleBody = active?.closest<HTMLElement>('.reader-body')
  if (articleBody) return selectArticle(articleBody)
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return active.select()
  // A contenteditable (the note) takes its own Select All; anything else selects the page.
  document.execCommand('selectAll')
}
