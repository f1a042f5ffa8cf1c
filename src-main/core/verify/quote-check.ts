// Whether the words a note (or an exported file) quotes are still what the library's excerpt and
// its article say. Shared by the editor's excerpt blocks and `commonplace verify`.
import type { LibraryStore } from '../store/library-store'
import { readArticleText } from '../articles'
import { normalizeQuote } from './quote-fingerprint'

/**
 * - `exact`: the excerpt and the article text at its anchor hold exactly these words.
 * - `source changed`: the article was updated and the passage these words quote changed or is gone.
 * - `source removed`: the excerpt or its article is no longer in the library.
 * - `quote edited`: the words differ from the excerpt's, and not because the source changed.
 */
export type QuoteState = 'exact' | 'source changed' | 'source removed' | 'quote edited'

export interface QuoteCheck {
  excerptId: string
  state: QuoteState
  /** What the source says now at the excerpt's anchor; null when removed or no longer found. */
  sourceWords: string | null
  /** The article's current title; null when removed. */
  sourceTitle: string | null
  articleId: string | null
}

/** Same words, whatever the line breaks and spacing (Markdown rewraps them). */
export const sameWords = (a: string, b: string): boolean => normalizeQuote(a) === normalizeQuote(b)

/**
 * Checks quoted words against the excerpt `excerptId`. `textOf` reads an article's text once per
 * article for a batch of checks (see articleTexts).
 */
export async function checkQuote(
  store: LibraryStore,
  excerptId: string,
  words: string,
  textOf: (articleId: string) => Promise<string> = (id) => readArticleText(store, id),
): Promise<QuoteCheck> {
  const excerpt = store.data.excerpts.find((e) => e.id === excerptId)
  const article = excerpt && store.data.articles.find((a) => a.id === excerpt.articleId)
  if (!excerpt || !article)
    return { excerptId, state: 'source removed', sourceWords: null, sourceTitle: null, articleId: null }
  const found = { excerptId, sourceTitle: article.title, articleId: article.id }
  // An image excerpt block shows the library's own picture of the area, by its id: nothing to differ.
  if (excerpt.area) return { ...found, state: 'exact', sourceWords: null }
  if (excerpt.state === 'orphaned') return { ...found, state: 'source changed', sourceWords: null }
  const text = await textOf(article.id)
  // The anchor holds the excerpt's words unless the text changed under it without a re-anchoring.
  const atAnchor = text.slice(excerpt.start, excerpt.end)
  const anchored = excerpt.articleHash === article.contentHash && atAnchor === excerpt.quote
  if (!anchored) return { ...found, state: 'source changed', sourceWords: atAnchor || null }
  if (sameWords(words, atAnchor)) return { ...found, state: 'exact', sourceWords: atAnchor }
  const quotesOldWords =
    excerpt.state === 'changed' && excerpt.previousQuote !== null && sameWords(words, excerpt.previousQuote)
  return { ...found, state: quotesOldWords ? 'source changed' : 'quote edited', sourceWords: atAnchor }
}

/** Reads each article's text at most once, for many checks in a row. */
export function articleTexts(store: LibraryStore): (articleId: string) => Promise<string> {
  const texts = new Map<string, Promise<string>>()
  return (articleId) => {
    let text = texts.get(articleId)
    if (!text) texts.set(articleId, (text = readArticleText(store, articleId)))
    return text
  }
}
