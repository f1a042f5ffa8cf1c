// An undo can land after the user has moved to another article and back; the reader showing that
// article then has to hear about it. One event per change, carrying the article id.
const changes = new EventTarget()

/** Tells any open reader that the excerpts of an article changed outside it. */
export function announceExcerptChange(articleId: string): void {
  changes.dispatchEvent(new CustomEvent('change', { detail: articleId }))
}

/** Calls `listener` when the excerpts of `articleId` change; returns the unsubscribe function. */
export function onExcerptChange(articleId: string, listener: () => void): () => void {
  const handler = (event: Event) => {
    if ((event as CustomEvent<string>).detail === articleId) listener()
  }
  changes.addEventListener('change', handler)
  return () => changes.removeEventListener('change', handler)
}

/** Tells the Tags list that excerpt tags may have changed (a tag set, a tagged excerpt deleted or put back). */
export function announceExcerptTags(): void {
  changes.dispatchEvent(new Event('tags'))
}

/** Calls `listener` when excerpt tags may have changed; returns the unsubscribe function. */
export function onExcerptTags(listener: () => void): () => void {
  changes.addEventListener('tags', listener)
  return () => changes.removeEventListener('tags', listener)
}
