import type { LibraryStore } from './store/library-store'
import type { Excerpt } from './records'
import { CommonplaceError } from './errors'
import { findArticle, readArticleText } from './articles'
import { locateQuote, selectorAt } from './anchor/selector'
import { findTypedQuote } from './anchor/typed-quote'
import { newId } from './ids'
import { areaImagePath, checkAreaImage } from './area-excerpts'

/** A passage the user selected: offsets into the article text, and the words they saw. */
export interface PassageSelection {
  articleId: string
  start: number
  end: number
  quote: string
}

/** Makes an excerpt. The quote is the authority: if the offsets disagree with it, the quote is located nearby. */
export async function createExcerpt(store: LibraryStore, selection: PassageSelection): Promise<Excerpt> {
  const article = findArticle(store, selection.articleId)
  const text = await readArticleText(store, article.id)
  const quote = selection.quote
  if (!quote.trim()) throw new CommonplaceError('INVALID_INPUT', 'An excerpt needs some selected text')
  const found = locateQuote(text, quote, selection.start)
  if (!found) {
    throw new CommonplaceError('INVALID_INPUT', `The selected words are not in “${article.title}”`)
  }
  const excerpt: Excerpt = {
    id: newId('ex'),
    articleId: article.id,
    ...selectorAt(text, found.start, found.end),
    articleHash: article.contentHash,
    createdAt: new Date().toISOString(),
    state: 'exact',
    previousQuote: null,
    color: 'yellow',
    comment: '',
    tags: [],
  }
  await store.transact((draft) => {
    if (!draft.articles.some((a) => a.id === article.id)) {
      throw new CommonplaceError('NOT_FOUND', `No article with id ${article.id} in this library`)
    }
    draft.excerpts.push(excerpt)
    return {}
  })
  return excerpt
}

/** An article's excerpts in reading order. */
export function listExcerpts(store: LibraryStore, articleId: string): Excerpt[] {
  findArticle(store, articleId)
  return store.data.excerpts.filter((e) => e.articleId === articleId).sort((a, b) => a.start - b.start)
}

export function findExcerpt(store: LibraryStore, id: string): Excerpt {
  const excerpt = store.data.excerpts.find((e) => e.id === id)
  if (!excerpt) throw new CommonplaceError('NOT_FOUND', `No excerpt with id ${id} in this library`)
  return excerpt
}

/**
 * Deletes an excerpt (an area excerpt's picture goes with it, in the same transaction); notes that
 * quote it keep the words. Returns it so the UI can undo.
 */
export async function deleteExcerpt(store: LibraryStore, id: string): Promise<Excerpt> {
  const excerpt = findExcerpt(store, id)
  await store.transact((draft) => {
    draft.excerpts = draft.excerpts.filter((e) => e.id !== id)
    return excerpt.area ? { removeBodies: [areaImagePath(excerpt)] } : {}
  })
  return excerpt
}

/** Puts a deleted excerpt back (undo), if its article still exists; an area excerpt needs its PNG back. */
export async function restoreExcerpt(
  store: LibraryStore,
  excerpt: Excerpt,
  png?: Uint8Array,
): Promise<Excerpt> {
  const picture = excerpt.area ? checkAreaImage(excerpt, png) : null
  await store.transact((draft) => {
    if (!draft.articles.some((a) => a.id === excerpt.articleId)) {
      throw new CommonplaceError('NOT_FOUND', 'The article of this excerpt is no longer in the library')
    }
    if (draft.excerpts.some((e) => e.id === excerpt.id)) return {}
    draft.excerpts.push(excerpt)
    return picture ? { bodies: [{ path: areaImagePath(excerpt), content: picture }] } : {}
  })
  return excerpt
}

/** What the user may change on an excerpt without moving it. */
export interface ExcerptChanges {
  color?: Excerpt['color']
  comment?: string
  tags?: string[]
}

/** Recolours an excerpt, or sets its comment or tags (tags are trimmed, lower-cased and de-duplicated). */
export async function updateExcerpt(
  store: LibraryStore,
  id: string,
  changes: ExcerptChanges,
): Promise<Excerpt> {
  findExcerpt(store, id)
  await store.transact((draft) => {
    const excerpt = draft.excerpts.find((e) => e.id === id)
    if (!excerpt) throw new CommonplaceError('NOT_FOUND', `No excerpt with id ${id} in this library`)
    if (changes.color) excerpt.color = changes.color
    if (changes.comment !== undefined) excerpt.comment = changes.comment.trim()
    if (changes.tags) excerpt.tags = cleanTags(changes.tags)
    return {}
  })
  return findExcerpt(store, id)
}

/** Tags as stored: without a leading #, trimmed, lower-cased, without empties or repeats. */
export function cleanTags(tags: string[]): string[] {
  const clean = tags.map((tag) => tag.trim().replace(/^#+/, '').trim().toLowerCase()).filter(Boolean)
  return [...new Set(clean)]
}

/** A quote to excerpt by its words: which occurrence (1-based) when the words appear more than once. */
export interface QuoteRequest {
  articleId: string
  quote: string
  occurrence?: number
  comment?: string
  tags?: string[]
}

/**
 * Makes an excerpt from words of an article. Words found exactly are taken as they are; words found
 * nowhere exactly are looked for as a person types them (straight quotes for curly ones, `--` for a
 * dash, plain spaces, no ligatures: typed-quote.ts), and the excerpt keeps the article's own characters.
 * Refuses words that are absent, or that appear more than once without an occurrence.
 */
export async function excerptQuote(store: LibraryStore, request: QuoteRequest): Promise<Excerpt> {
  const article = findArticle(store, request.articleId)
  const text = await readArticleText(store, article.id)
  const { quote } = request
  const exact: { start: number; end: number }[] = []
  for (let at = quote ? text.indexOf(quote) : -1; at >= 0; at = text.indexOf(quote, at + 1))
    exact.push({ start: at, end: at + quote.length })
  const found = exact.length > 0 ? exact : findTypedQuote(text, quote)
  if (found.length === 0) {
    throw new CommonplaceError('INVALID_INPUT', `The words “${quote}” are not in “${article.title}”`)
  }
  if (request.occurrence === undefined && found.length > 1) {
    throw new CommonplaceError(
      'INVALID_INPUT',
      `The words “${quote}” appear ${found.length} times in “${article.title}”; choose one with --occurrence 1…${found.length}`,
    )
  }
  const occurrence = request.occurrence ?? 1
  const match = found[occurrence - 1]
  if (match === undefined) {
    throw new CommonplaceError(
      'INVALID_INPUT',
      `The words “${quote}” appear only ${found.length} time${found.length === 1 ? '' : 's'} in “${article.title}”`,
    )
  }
  const excerpt = await createExcerpt(store, {
    articleId: article.id,
    ...match,
    quote: text.slice(match.start, match.end),
  })
  if (!request.comment && !request.tags?.length) return excerpt
  return updateExcerpt(store, excerpt.id, { comment: request.comment, tags: request.tags })
}

/** One tag of excerpts: how many carry it, and the articles they come from (in no particular order). */
export interface ExcerptTagCount {
  tag: string
  excerpts: number
  articleIds: string[]
}

/** The tags of all excerpts, with their counts, by tag name. */
export function excerptTagCounts(excerpts: readonly Excerpt[]): ExcerptTagCount[] {
  const counts = new Map<string, { excerpts: number; articleIds: Set<string> }>()
  for (const excerpt of excerpts) {
    for (const tag of new Set(excerpt.tags)) {
      const count = counts.get(tag) ?? { excerpts: 0, articleIds: new Set<string>() }
      count.excerpts++
      count.articleIds.add(excerpt.articleId)
      counts.set(tag, count)
    }
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, { excerpts, articleIds }]) => ({ tag, excerpts, articleIds: [...articleIds] }))
}
