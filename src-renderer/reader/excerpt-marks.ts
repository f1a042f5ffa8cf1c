import type { Excerpt } from '../../src-main/core/records'
import { locateSpan, wrapSpan } from './text-offsets'

/** Class of every excerpt highlight, and the extra class of the passage the user came to see. */
export const MARK_CLASS = 'excerpt'
export const ACTIVE_MARK_CLASS = 'excerpt-active'

/**
 * Highlights each excerpt in the article body with `<mark class="excerpt" data-excerpt-id>`.
 * Returns the ids of excerpts whose words are no longer in the text shown.
 */
export function markExcerpts(root: HTMLElement, text: string, excerpts: Excerpt[]): Set<string> {
  const missing = new Set<string>()
  for (const excerpt of excerpts) {
    // An orphan's offsets belong to an older text; it is listed under the article, never painted.
    if (excerpt.state === 'orphaned') continue
    const span = locateSpan(text, excerpt)
    if (!span) {
      missing.add(excerpt.id)
      continue
    }
    wrapSpan(root, span.start, span.end, () => {
      const mark = document.createElement('mark')
      mark.className = MARK_CLASS
      mark.dataset.excerptId = excerpt.id
      mark.dataset.color = excerpt.color
      return mark
    })
  }
  return missing
}

/** The highlights of one excerpt, in document order. */
export function marksOf(root: HTMLElement, excerptId: string): HTMLElement[] {
  return Array.from(
    root.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}[data-excerpt-id="${CSS.escape(excerptId)}"]`),
  )
}

/** Gives one excerpt's highlights the active look (and takes it from all others). */
export function setActiveExcerpt(root: HTMLElement, excerptId: string | null): HTMLElement[] {
  for (const mark of root.querySelectorAll(`.${ACTIVE_MARK_CLASS}`)) mark.classList.remove(ACTIVE_MARK_CLASS)
  if (!excerptId) return []
  const marks = marksOf(root, excerptId)
  for (const mark of marks) mark.classList.add(ACTIVE_MARK_CLASS)
  return marks
}
