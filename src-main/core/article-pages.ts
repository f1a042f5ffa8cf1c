import type { LibraryStore } from './store/library-store'
import type { Article } from './records'

// The article list a page at a time, sorted and filtered as the sidebar asks, so a window shows a
// library of 10,000 articles without receiving all of them. Each order of the article list is worked
// out once per version of the list (the store replaces the list object on every change to it) and
// kept, so scrolling asks only for slices of an order already made.

export type ArticleSort = 'recent' | 'title' | 'author' | 'published'

export interface ArticlePageQuery {
  offset: number
  limit: number
  sort: ArticleSort
  /** Words every listed article has in its title, author, site or file name (any case, any accents). */
  filter?: string
  /** Only articles carrying this tag themselves or through one of their excerpts. */
  tag?: string
  /** An article whose place in this order is wanted (to bring the open article into view). */
  find?: string
}

export interface ArticlePage {
  articles: Article[]
  /** Articles in this order and filter, all pages together. */
  total: number
  offset: number
  /** Where `find` stands in this order, or null when it is not in it (or none was asked). */
  position: number | null
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** Newest first wherever dates tie or are missing: the order the list always had. */
const byRecent = (a: Article, b: Article) =>
  a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0

/** Unknown values (no author, no publication date) go last in every order. */
function lastWhenMissing<T>(value: (article: Article) => T | null, compare: (x: T, y: T) => number) {
  return (a: Article, b: Article) => {
    const [x, y] = [value(a), value(b)]
    if (x === null || y === null) return x === y ? byRecent(a, b) : x === null ? 1 : -1
    return compare(x, y) || byRecent(a, b)
  }
}

const ORDERS: Record<ArticleSort, (a: Article, b: Article) => number> = {
  recent: byRecent,
  title: (a, b) => collator.compare(a.title, b.title) || byRecent(a, b),
  author: lastWhenMissing((article) => article.byline?.trim() || null, collator.compare),
  published: lastWhenMissing(
    (article) => article.publishedAt,
    (x, y) => (x < y ? 1 : x > y ? -1 : 0),
  ),
}

const sorted = new WeakMap<readonly Article[], Map<ArticleSort, Article[]>>()
const haystacks = new WeakMap<Article, string>()

function orderOf(articles: readonly Article[], sort: ArticleSort): Article[] {
  let orders = sorted.get(articles)
  if (!orders) sorted.set(articles, (orders = new Map()))
  let order = orders.get(sort)
  if (!order) orders.set(sort, (order = [...articles].sort(ORDERS[sort])))
  return order
}

/** What the filter reads of an article, folded once per article object. */
function haystackOf(article: Article): string {
  let text = haystacks.get(article)
  if (text === undefined) {
    text = fold(
      [article.title, article.byline, article.siteName, article.sourceName].filter(Boolean).join('\n'),
    )
    haystacks.set(article, text)
  }
  return text
}

export function pageOfArticles(store: LibraryStore, query: ArticlePageQuery): ArticlePage {
  let list = orderOf(store.data.articles, query.sort)
  const words = fold(query.filter ?? '')
    .split(/\s+/)
    .filter(Boolean)
  if (query.tag !== undefined) {
    // A tag carried only by excerpts (the Tags list counts those too) lists the articles they were cut from.
    const tag = query.tag
    const throughExcerpts = new Set(
      store.data.excerpts.filter((excerpt) => excerpt.tags.includes(tag)).map((excerpt) => excerpt.articleId),
    )
    list = list.filter((article) => article.tags.includes(tag) || throughExcerpts.has(article.id))
  }
  if (words.length > 0)
    list = list.filter((article) => words.every((word) => haystackOf(article).includes(word)))
  const at = query.find === undefined ? -1 : list.findIndex((article) => article.id === query.find)
  return {
    articles: list.slice(query.offset, query.offset + query.limit),
    total: list.length,
    offset: query.offset,
    position: at < 0 ? null : at,
  }
}
